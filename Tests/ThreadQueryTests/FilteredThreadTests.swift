import Testing
import ThreadModel
import ThreadTestSupport
import ThreadTree

@testable import ThreadQuery

/// The filtered rows as text: a match by name, context in brackets, stubs as "(N hidden)".
func rows(_ query: String, _ d: Discussion, folding: [Int] = []) throws -> String {
    var tree = CommentTree(discussion: d)
    for index in folding { tree.fold(index) }
    let filtered = FilterEvaluation.run(QueryMatcher(query: try Query.parse(query), discussion: d, tree: tree))
    return filtered.rows(folds: tree).map { row in
        switch row {
        case .comment(let i, .match):
            return String(repeating: "  ", count: tree.depth(of: i)) + (d.id(of: i)?.key ?? "")
        case .comment(let i, _):
            return String(repeating: "  ", count: tree.depth(of: i)) + "[\(d.id(of: i)?.key ?? "")]"
        case .hidden(let first, _, let n):
            return String(repeating: "  ", count: tree.depth(of: first)) + "(\(n) hidden)"
        }
    }.joined(separator: "\n")
}

let thread = """
    a ann
      a1 bob
        a1x pg
        a1y ann
      a2 cat
        a2x dan
    b bob
      b1 cat
    c pg
    """

@Test func ancestorsOfAMatchStayAsContext() throws {
    #expect(
        try rows("author:pg", discussion(thread)) == """
            [a]
              [a1]
                a1x
                (1 hidden)
              (2 hidden)
            (2 hidden)
            c
            """)
}

@Test func siblingRunsWithoutMatchesAreOneStub() throws {
    #expect(
        try rows("author:dan", discussion(thread)) == """
            [a]
              (3 hidden)
              [a2]
                a2x
            (3 hidden)
            """)
}

@Test func foldsStayApartFromTheFilter() throws {
    let d = discussion(thread)
    // a1 folded: its match a1x stays inside the fold; the fold is the tree's, not the filter's.
    #expect(
        try rows("author:pg", d, folding: [1]) == """
            [a]
              [a1]
              (2 hidden)
            (2 hidden)
            c
            """)
    var tree = CommentTree(discussion: d)
    tree.fold(1)
    _ = FilterEvaluation.run(QueryMatcher(query: try Query.parse("author:pg"), discussion: d, tree: tree))
    #expect(tree.isFolded(1))
}

@Test func countsSayMatchesOfComments() throws {
    let d = discussion(thread)
    let filtered = FilterEvaluation.run(
        QueryMatcher(
            query: try Query.parse("author:ann or author:bob"), discussion: d, tree: CommentTree(discussion: d)))
    #expect(filtered.status == "filter: 4 of 9")
    #expect(CountText.grouped(12_418) == "12,418")
    #expect(CountText.grouped(1_000_000) == "1,000,000")
}

@Test func nextAndPreviousMatchWrapAround() throws {
    let d = discussion(thread)
    let filtered = FilterEvaluation.run(
        QueryMatcher(query: try Query.parse("author:pg"), discussion: d, tree: CommentTree(discussion: d)))
    #expect(filtered.matches == [2, 8])
    #expect(filtered.nextMatch(after: 0) == 2)
    #expect(filtered.nextMatch(after: 2) == 8)
    #expect(filtered.nextMatch(after: 8) == 2)
    #expect(filtered.previousMatch(before: 8) == 2)
    #expect(filtered.previousMatch(before: 2) == 8)
    #expect(filtered.previousMatch(before: 5) == 2)
}

@Test func stepsGiveTheSameAnswerAsOneRun() throws {
    let d = discussion(thread)
    let matcher = QueryMatcher(query: try Query.parse("author:ann"), discussion: d, tree: CommentTree(discussion: d))
    var evaluation = FilterEvaluation(matcher: matcher)
    var steps = 0
    while !evaluation.step(limit: 2) { steps += 1 }
    #expect(steps == 4)
    #expect(evaluation.progress == 1)
    #expect(evaluation.finish().matches == FilterEvaluation.run(matcher).matches)
}

@Test func aHundredThousandLevelChainFiltersWithoutRecursion() throws {
    let n = 100_000
    let tree = CommentTree(parents: (0..<n).map { Int32($0 - 1) })
    var builder = DiscussionBuilder(article: Article(title: "deep"))
    for i in 0..<n { builder.add(Comment(author: i == n - 1 ? "end" : "x"), under: i == 0 ? nil : i - 1) }
    guard let d = try? builder.build() else {
        Issue.record("the chain builds")
        return
    }
    let filtered = FilterEvaluation.run(QueryMatcher(query: try Query.parse("author:end"), discussion: d, tree: tree))
    #expect(filtered.matchCount == 1)
    #expect(filtered.role(of: 0) == .context)
    #expect(filtered.rows(folds: tree).count == n)
}

@Test func rangesAgreeWithOneCommentAtATime() throws {
    let d = try discussion(comments: sample)
    let tree = CommentTree(discussion: d)
    for text in ["author:pg -rust", "(author:bob or deleted) or depth>2", "-score>1 has:link or long", "-(-op)"] {
        let matcher = QueryMatcher(query: try Query.parse(text), discussion: d, tree: tree)
        #expect(matcher.matches(in: 0..<d.count) == (0..<d.count).map { matcher.matches($0) }, "\(text)")
        #expect(matcher.matches(in: 2..<4) == (2..<4).map { matcher.matches($0) }, "\(text)")
    }
}

@Test func placeholdersNeitherMatchNorCount() throws {
    let d = try discussion(
        comments:
            #"{"id": "a", "author": "pg", "replies": [{"id": "m", "placeholder": true, "body": "pg: 5 more"}]}, {"id": "b"}"#
    )
    let filtered = FilterEvaluation.run(
        QueryMatcher(query: try Query.parse("pg or -pg"), discussion: d, tree: CommentTree(discussion: d)))
    #expect(filtered.status == "filter: 2 of 2")
    #expect(filtered.role(of: 1) == .hidden)
    let none = FilterEvaluation.run(
        QueryMatcher(query: try Query.parse("author:nobody"), discussion: d, tree: CommentTree(discussion: d)))
    #expect(none.rows(folds: CommentTree(discussion: d)) == [.hidden(first: 0, end: 3, comments: 2)])
}

@Test func rowsWalkBackwardsAsForwards() throws {
    let d = discussion(thread)
    for (query, folding) in [("author:pg", [Int]()), ("author:dan", []), ("author:pg", [1]), ("author:nobody", [])] {
        var tree = CommentTree(discussion: d)
        for index in folding { tree.fold(index) }
        let filtered = FilterEvaluation.run(QueryMatcher(query: try Query.parse(query), discussion: d, tree: tree))
        var forwards: [Int] = [0]
        while let next = filtered.nextRow(after: forwards[forwards.count - 1], folds: tree) { forwards.append(next) }
        var backwards: [Int] = [forwards[forwards.count - 1]]
        while let previous = filtered.previousRow(before: backwards[backwards.count - 1], folds: tree) {
            backwards.append(previous)
        }
        #expect(backwards.reversed() == forwards, "\(query) folding \(folding)")
    }
}
