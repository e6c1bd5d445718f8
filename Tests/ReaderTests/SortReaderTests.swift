import Foundation
import Reader
import ReadingState
import Testing
import ThreadModel
import ThreadTestSupport

/// `sortableOutline` and two more threads: enough for the page to scroll.
private let sortable =
    sortableOutline + """

        d 15 5
        e 12 70
        """

extension ReaderState {
    /// Runs the sorts `commands` ask for as the runtime's job would, handing back their answers.
    mutating func runSorts(_ commands: [Command]) {
        for command in commands {
            if case .sortComments(let request) = command { runSorts(update(request.run())) }
        }
    }

    /// `s`, with its sort run.
    mutating func sortKey() { runSorts(press("s")) }

    /// The ids of the comments in the order shown (folded ones included).
    var order: [String] { (0..<discussion.count).map { discussion.id(of: $0)?.key ?? "-" } }

    var selectedID: String? { selection.flatMap { discussion.id(of: $0)?.key } }

    /// The screen row of the selected comment's first line.
    var selectionRowOnScreen: Int? {
        visibleLines.firstIndex { $0.position.item == selection.map(PageItem.comment) }
    }
}

@Suite struct SortReaderTests {
    func reader(_ outline: String = sortable, rows: Int = 24, sort: CommentOrder = .best) -> ReaderState {
        var options = ReaderOptions()
        options.sort = sort
        return ReaderState(discussion: scoredDiscussion(outline), rows: rows, columns: 60, options: options)
    }

    @Test func sCyclesTheOrdersAndTheStatusSaysWhich() {
        var state = reader()
        state.sortKey()
        #expect(state.order == ["b", "d", "e", "c", "c1", "a", "a2", "a2y", "a2x", "a3", "a1"])
        #expect(state.statusText.contains("sorted: top ·"))
        #expect(state.message == nil)
        state.sortKey()
        #expect(state.order == ["e", "c", "c1", "a", "a1", "a3", "a2", "a2x", "a2y", "d", "b"])
        #expect(state.statusText.contains("sorted: new"))
        state.sortKey()
        #expect(state.order.prefix(3) == ["b", "d", "a"])
        state.sortKey()
        #expect(state.order == ["a", "a1", "a2", "a2x", "a2y", "a3", "b", "c", "c1", "d", "e"])
        #expect(state.message == "sorted: best (the site's order)")
        #expect(!state.statusText.contains("sorted: best ·"))
    }

    @Test func anOrderWithoutItsDataIsSkippedAndSaidSo() {
        var state = reader("a - 10\nb - 5\nc - 20")
        state.sortKey()
        #expect(state.message == "cannot sort by top: no comment has points; sorted: new")
        #expect(state.order == ["c", "a", "b"])
        // Now known: s goes on to old, never to top again.
        state.sortKey()
        #expect(state.ordering.shown == .old)
        state.sortKey()
        #expect(state.ordering.shown == .best)
        state.sortKey()
        #expect(state.ordering.shown == .new)
    }

    @Test func aThreadWithNothingToSortBySaysSo() {
        var state = ReaderState(discussion: discussion("a\nb"), rows: 20, columns: 60)
        state.sortKey()
        #expect(state.message?.hasPrefix("cannot sort by top: no comment has points") == true)
        #expect(state.order == ["a", "b"])
        state.sortKey()
        #expect(state.message == "nothing to sort by: no comment has points or a date")
    }

    @Test func theSelectionStaysSelectedOnItsRowAndFoldsStay() throws {
        var state = reader(rows: 12)
        state.press("cJJ")
        #expect(state.selectedID == "c")
        state.press(" ")  // fold c
        #expect(state.selectedID == "c")
        let row = try #require(state.selectionRowOnScreen)
        #expect(row > 0)
        state.sortKey()
        #expect(state.selectedID == "c")
        let c = try #require(state.selection)
        #expect(state.tree.isFolded(c))
        #expect(state.selectionRowOnScreen == row)
        #expect(state.selectionIsVisible)
        // J, K and ] follow the order shown.
        state.press("J")
        #expect(state.selectedID == "a")
        state.press("K")
        state.press("K")
        #expect(state.selectedID == "e")
        state.update(.action(.nextThread))
        #expect(state.selectedID == "c")
    }

    @Test func theSearchFollowsTheOrderShown() {
        var state = reader()
        state.update(.key(.character("/")))
        for character in "text of" { state.update(.key(.character(character))) }
        state.update(.key(.enter))
        state.sortKey()
        let found = state.search?.hits.compactMap { hit -> String? in
            if case .comment(let index) = hit { return state.discussion.id(of: index)?.key }
            return nil
        }
        #expect(found == state.order)
        let before = state.selection ?? -1
        state.press("n")
        #expect(state.selection == before + 1)
    }

    @Test func theFilterFollowsTheOrderShown() {
        var state = reader()
        state.update(.action(.applyFilter("score>4")))
        state.sortKey()
        #expect(state.statusText.contains("sorted: top"))
        state.press("c")
        var visited = [state.selectedID]
        for _ in 0..<6 {
            state.press("n")
            visited.append(state.selectedID)
        }
        #expect(visited == ["b", "d", "e", "c", "a", "a2", "a2y"])
    }

    @Test func theConfigsOrderForTheThreadsSiteIsTheOneAsked() {
        var options = ReaderOptions()
        options.siteSorts = ["reddit": .top, "hn": .old]
        let reddit = scoredDiscussion(sortable).fromSite("reddit")
        #expect(ReaderState(discussion: reddit, rows: 24, columns: 60, options: options).ordering.wanted == .top)
        let hn = scoredDiscussion(sortable).fromSite("hn")
        #expect(ReaderState(discussion: hn, rows: 24, columns: 60, options: options).ordering.wanted == .old)
        // Another site, or a document that does not say its site, opens in the one order.
        options.sort = .new
        let lobsters = scoredDiscussion(sortable).fromSite("lobsters")
        #expect(ReaderState(discussion: lobsters, rows: 24, columns: 60, options: options).ordering.wanted == .new)
        #expect(
            ReaderState(discussion: scoredDiscussion(sortable), rows: 24, columns: 60, options: options)
                .ordering.wanted == .new)
    }

    @Test func aThreadFromASiteWithAnOrderIsSortedInItOnOpening() throws {
        var options = ReaderOptions()
        options.siteSorts = ["reddit": .top]
        var state = ReaderState(
            discussion: scoredDiscussion(sortable).fromSite("reddit"), rows: 24, columns: 60, options: options)
        let visit = Visit(
            discussion: state.discussion, identity: ThreadIdentity(key: "site-sort", site: nil), stored: nil,
            now: Date(timeIntervalSince1970: 1_800_000_000))
        state.update(.started)
        state.runSorts(state.update(.visitReady(visit)))
        #expect(state.order.first == "b")
        #expect(state.statusText.contains("sorted: top"))
    }

    @Test func theConfigsOrderSortsOnOpeningOnceTheVisitIsIn() throws {
        var state = reader(sort: .top)
        let commands = state.update(.started)
        #expect(commands.done.contains(.buildVisit))
        #expect(!commands.done.contains(.sortComments))
        let visit = Visit(
            discussion: state.discussion, identity: ThreadIdentity(key: "sort", site: nil), stored: nil,
            now: Date(timeIntervalSince1970: 1_800_000_000))
        let afterVisit = state.update(.visitReady(visit))
        #expect(afterVisit.done == [.sortComments])
        state.runSorts(afterVisit)
        #expect(state.order.first == "b")
        #expect(state.selectedID == "b")
        #expect(state.top.item == .article)
        #expect(state.statusText.contains("sorted: top"))
    }

    @Test func aResumedPlaceIsKeptByTheConfigsSort() throws {
        let identity = ThreadIdentity(key: "sort-resume", site: nil)
        var first = reader(rows: 12)
        first.update(
            .visitReady(Visit(discussion: first.discussion, identity: identity, stored: nil, now: firstVisitTime)))
        first.press("cJJ")
        #expect(first.selectedID == "c")
        let saved = try #require(savedState(of: first))
        var second = reader(rows: 12, sort: .top)
        second.update(.started)
        let visit = Visit(
            discussion: second.discussion, identity: identity, stored: saved,
            now: firstVisitTime.addingTimeInterval(3600))
        second.runSorts(second.update(.visitReady(visit)))
        #expect(second.ordering.shown == .top)
        #expect(second.selectedID == "c")
        #expect(second.selectionIsVisible)
    }

    @Test func noSortRunsWhileAFetchMergesIntoTheThread() throws {
        var state = ReaderState(
            discussion: scoredDiscussion(sortable), rows: 24, columns: 60, source: .file)
        state.press("R")
        #expect(state.fetch != nil)
        #expect(!state.press("s").done.contains(.sortComments))
        #expect(state.message == "sorting once the fetch ends")
        let after = state.update(.fetchFailed("the file cannot be read"))
        #expect(after.done == [.sortComments])
        state.runSorts(after)
        #expect(state.ordering.shown == .top)
    }

    @Test func aReloadKeepsTheOrderWithNewCommentsInTheirPlace() throws {
        var state = ReaderState(
            discussion: scoredDiscussion(sortable), rows: 24, columns: 60, source: .file)
        state.sortKey()
        state.press("R")
        let fresh = scoredDiscussion(sortable + "\nf 11 80\n  f1 1 81\n  f2 30 82")
        let merge = try state.discussion.merging(reload: fresh)
        state.runSorts(state.update(.reloaded(merge)))
        #expect(state.order == ["b", "d", "e", "f", "f2", "f1", "c", "c1", "a", "a2", "a2y", "a2x", "a3", "a1"])
        #expect(state.message == "3 new comments")
        state.sortKey()
        state.sortKey()
        state.sortKey()
        #expect(state.order.last == "f2")
        #expect(state.order.prefix(2) == ["a", "a1"])
    }

    @Test func repliesFetchedForAStubLandInTheirSortedPlace() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let a = builder.add(Comment(id: .string("a"), author: "a", score: 5, body: "A"))
        builder.add(Comment(id: .string("a1"), author: "a1", score: 1, body: "A1"), under: a)
        builder.add(Comment(id: .string("a2"), author: "a2", score: 9, body: "A2"), under: a)
        builder.addPlaceholder(
            "2 more replies", more: MoreStub(link: "t3_x", parent: "t1_a", children: ["a3", "a4"]), under: a)
        builder.add(Comment(id: .string("b"), author: "b", score: 20, body: "B"))
        var state = ReaderState(discussion: try builder.build(), rows: 30, columns: 60, source: .address)
        state.sortKey()
        #expect(state.order == ["b", "a", "a2", "a1", "-"])
        state.press("G")
        let stub = try #require(state.selection)
        #expect(state.discussion.isPlaceholder(stub))
        state.update(.key(.enter))
        #expect(state.fetch != nil)
        let fetched = try Discussion.load(
            canonical: DocumentBytes(
                Array(
                    """
                    {"article": {"title": "T"}, "comments": [
                      {"id": "a3", "parent": "a", "author": "a3", "score": 7, "body": "A3"},
                      {"id": "a4", "parent": "a", "author": "a4", "score": 0, "body": "A4"}]}
                    """.utf8)))
        state.runSorts(state.update(.expanded(try state.discussion.merging(stub: stub, with: fetched))))
        #expect(state.order == ["b", "a", "a2", "a3", "a1", "a4"])
        #expect(state.message == "2 new comments")
        // Back to the site's order: the fetched replies where the stub was.
        state.sortKey()
        #expect(state.ordering.shown == .best)
        #expect(state.order == ["a", "a1", "a2", "a3", "a4", "b"])
    }

    @Test func anAnswerToASortSinceReplacedIsDropped() {
        var state = reader()
        let first = state.press("s")
        let second = state.press("s")
        #expect(first.done == [.sortComments])
        #expect(second.done == [.sortComments])
        state.runSorts(first)
        #expect(state.ordering.shown == .best)
        state.runSorts(second)
        #expect(state.ordering.shown == .new)
    }

    @Test func theSortedScreenIsTheExpectedText() throws {
        var state = reader(rows: 16)
        state.press("cJJ")
        state.sortKey()
        let expected = try String(contentsOf: expectedFile("sorted-top-60x16.txt"), encoding: .utf8)
        #expect(state.render().plainText == expected)
    }
}
