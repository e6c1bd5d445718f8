import SiteFormats
import Testing
import ThreadModel
import ThreadTree

@testable import ThreadQuery

/// A discussion from canonical JSON comments (nested form), with an optional article author.
func discussion(comments: String, articleAuthor: String? = nil) throws -> Discussion {
    let author = articleAuthor.map { ", \"author\": \"\($0)\"" } ?? ""
    let json = "{\"article\": {\"title\": \"T\"\(author)}, \"comments\": [\(comments)]}"
    return try Discussion.load(DocumentBytes(Array(json.utf8)), format: .tread)
}

/// The ids of the comments `query` matches.
func matching(_ query: String, in discussion: Discussion, isNew: (@Sendable (Int) -> Bool)? = nil) throws -> [String] {
    let tree = CommentTree(discussion: discussion)
    let matcher = QueryMatcher(query: try Query.parse(query), discussion: discussion, tree: tree, isNew: isNew)
    return (0..<discussion.count).filter { matcher.matches($0) }.map { discussion.id(of: $0)?.key ?? "?" }
}

let sample = """
    {"id": "a", "author": "pg", "score": 10, "body": "Rust is Fast.\\n\\n    let x = 1", "replies": [
      {"id": "a1", "author": "Ann", "score": 2, "body": "See https://example.org for more", "replies": [
        {"id": "a1x", "author": "pg", "body": "The \\"borrow checker\\" again"}
      ]},
      {"id": "a2", "deleted": true}
    ]},
    {"id": "b", "author": "bob", "score": -3, "body": "Caf\\u00c9 talk, nothing else"}
    """

@Test func wordsAndPhrasesIgnoreCase() throws {
    let d = try discussion(comments: sample)
    #expect(try matching("rust", in: d) == ["a"])
    #expect(try matching("RUST fast", in: d) == ["a"])
    #expect(try matching("\"borrow checker\"", in: d) == ["a1x"])
    #expect(try matching("\"checker\\\" again\"", in: d) == ["a1x"])
    #expect(try matching("café", in: d) == ["b"])
}

@Test func regexMatchesDecodedText() throws {
    let d = try discussion(comments: sample)
    #expect(try matching("/fa[s]t\\./", in: d) == ["a"])
    #expect(try matching("/^the .*again$/", in: d) == ["a1x"])
    #expect(try matching("/x = \\d+/", in: d) == ["a"])
    #expect(try matching("/(example|nothing) (org|else)/", in: d) == ["b"])
}

@Test func fieldsMatchTheirComments() throws {
    let d = try discussion(comments: sample)
    #expect(try matching("author:PG", in: d) == ["a", "a1x"])
    #expect(try matching("depth>1", in: d) == ["a1", "a1x", "a2"])
    #expect(try matching("depth<2", in: d) == ["a", "b"])
    #expect(try matching("score>1", in: d) == ["a", "a1"])
    #expect(try matching("score<0", in: d) == ["b"])
    #expect(try matching("replies>1", in: d) == ["a"])
    #expect(try matching("deleted", in: d) == ["a2"])
    #expect(try matching("has:link", in: d) == ["a1"])
    #expect(try matching("has:code", in: d) == ["a"])
}

@Test func longMeansOverAThousandBytes() throws {
    let d = try discussion(
        comments: #"{"id": "s", "body": "short"}, {"id": "l", "body": "\#(String(repeating: "x", count: 1001))"}"#)
    #expect(try matching("long", in: d) == ["l"])
}

@Test func andOrNotCombine() throws {
    let d = try discussion(comments: sample)
    #expect(try matching("author:pg -rust", in: d) == ["a1x"])
    #expect(try matching("author:bob or deleted", in: d) == ["a2", "b"])
    #expect(try matching("(author:bob or author:ann) -score<0", in: d) == ["a1"])
    #expect(try matching("-(rust or deleted) depth<3", in: d) == ["a1", "b"])
}

@Test func newComesFromTheCaller() throws {
    let d = try discussion(comments: sample)
    #expect(try matching("new", in: d) == [])
    #expect(try matching("new author:pg", in: d, isNew: { $0 >= 2 }) == ["a1x"])
}

@Test func newFlagsAnswerNewAlikeByIndexAndByRange() throws {
    let d = try discussion(comments: sample)
    let flags = (0..<d.count).map { $0 >= 2 }
    let matcher = QueryMatcher(
        query: try Query.parse("new author:pg or -new depth<2"), discussion: d, tree: CommentTree(discussion: d),
        newFlags: flags)
    let byIndex = (0..<d.count).filter { matcher.matches($0) }
    let ranged = matcher.matches(in: 0..<d.count)
    #expect(ranged.indices.filter { ranged[$0] } == byIndex)
    #expect(byIndex.map { d.id(of: $0)?.key } == ["a", "a1x"])
    // Fewer flags than comments (a visit of a shorter document) read as not new, never out of range.
    let short = QueryMatcher(
        query: try Query.parse("new"), discussion: d, tree: CommentTree(discussion: d), newFlags: [true])
    #expect(short.matches(in: 0..<d.count).indices.filter { short.matches(in: 0..<d.count)[$0] } == [0])
}

@Test func opIsWhatTheDocumentSays() throws {
    // The article's author alone names no original poster: the document's `op` flag does.
    let d = try discussion(comments: sample, articleAuthor: "pg")
    #expect(try matching("op", in: d) == [])
    let marked = try discussion(
        comments: #"{"id": "a", "author": "pg", "op": true, "body": "x"}, {"id": "b", "author": "bob", "body": "y"}"#)
    #expect(try matching("op", in: marked) == ["a"])
    let tree = CommentTree(discussion: d)
    let matcher = QueryMatcher(
        query: try Query.parse("op"), discussion: d, tree: tree, isOriginalPoster: { $0 == 4 })
    #expect((0..<d.count).filter { matcher.matches($0) } == [4])
}

@Test func catastrophicPatternsRunInLinearTime() throws {
    // (a+)+b and a*a*a*a*b backtrack for ages in a backtracking engine on a long run of a's.
    let run = String(repeating: "a", count: 20_000)
    for pattern in ["(a+)+b", "a*a*a*a*a*b", "(a|a)*b", "(.*)*x"] {
        #expect(try !GuardedRegex(pattern).matches(run), "\(pattern)")
    }
}

@Test func anEscapeLetterIsNotText() throws {
    // The raw bytes hold "nfoo" in "\nfoo", but the comment's text holds a newline and "foo".
    let d = try discussion(comments: #"{"id": "e", "body": "line\nfoo and a\\nbar"}, {"id": "u", "body": "\u0052ust"}"#)
    #expect(try matching("nfoo", in: d) == [])
    #expect(try matching("foo", in: d) == ["e"])
    #expect(try matching("\\nbar", in: d) == ["e"])
    #expect(try matching("rust", in: d) == ["u"])
    #expect(try matching("nbar", in: d) == ["e"])
}

@Test func authorIndexGivesTheSameAnswer() throws {
    let d = try discussion(comments: sample + #", {"id": "e", "author": "P\u0047"}, {"id": "n"}"#)
    let tree = CommentTree(discussion: d)
    let index = AuthorIndex(d)
    for text in ["author:pg", "author:PG or author:ann", "-author:bob", "author:nobody"] {
        let plain = QueryMatcher(query: try Query.parse(text), discussion: d, tree: tree)
        let indexed = QueryMatcher(query: try Query.parse(text), discussion: d, tree: tree, authors: index)
        #expect(indexed.matches(in: 0..<d.count) == plain.matches(in: 0..<d.count), "\(text)")
    }
    #expect(try matching("author:pg", in: d) == ["a", "a1x", "e"])
}
