import ReadingState
import Testing
import ThreadModel
import ThreadQuery
import ThreadTestSupport
import ThreadTree

@testable import Reader

/// The map's last column, top row first.
private func mapColumn(_ state: ReaderState) -> [String] {
    state.render().plainText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        .map { String($0.last ?? " ") }
}

/// The map with new comments, the `map` preference, and a filter on `new` that follows the visit.
@Suite struct MapNewTests {
    @Test func mapMarksNewCommentsWithAPlus() {
        // laterThread over 6 rows: a a1 a2 a2x (thread 1, ░), b (▒), c (░); a2, a2x and c are new.
        var state = readerWithNews(rows: 7, columns: 30)
        state.apply(.firstComment)
        state.press("M")
        #expect(mapColumn(state) == ["█", "░", "+", "+", "▒", "+"])
    }

    @Test func mapShowsNewCommentsOnceTheVisitArrivesWhileItIsShown() {
        let later = discussion(laterThread)
        var state = ReaderState(discussion: later, rows: 7, columns: 30)
        state.press("M")
        #expect(mapColumn(state) == ["█", "░", "░", "░", "▒", "░"])
        state.update(.visitReady(returningVisit(later, after: savedState(of: firstReader()))))
        #expect(mapColumn(state) == ["█", "░", "+", "+", "▒", "+"])
    }

    @Test func selectionThenMatchThenHitOutrankANewComment() {
        var state = readerWithNews(rows: 7, columns: 30)
        state.apply(.firstComment)
        state.press("M")
        // "new" is in a2's, a2x's and c's text: search hits outrank their new mark.
        state.press("/new")
        state.update(.key(.enter))
        #expect(mapColumn(state) == ["░", "░", "█", "◆", "▒", "◆"])
        // A filter match outranks the hit; the selection outranks everything.
        state.apply(.applyFilter("author:c"))
        #expect(state.selectedName == "c")
        #expect(mapColumn(state) == ["░", "░", "◆", "◆", "▒", "█"])
        state.apply(.applyFilter("author:a2x"))
        #expect(mapColumn(state) == ["░", "░", "◆", "█", "▒", "◆"])
        state.apply(.firstComment)
        #expect(mapColumn(state) == ["█", "░", "◆", "•", "▒", "◆"])
    }

    @Test func markingReadTakesTheNewMarkOffTheMap() {
        var state = readerWithNews(rows: 7, columns: 30)
        state.apply(.firstComment)
        state.press("M")
        state.press("d")  // a and its replies, a2 and a2x among them
        #expect(mapColumn(state) == ["█", "░", "░", "░", "▒", "+"])
        state.press("E")
        #expect(mapColumn(state) == ["█", "░", "░", "░", "▒", "░"])
    }

    @Test func visitListsItsNewCommentsInOrder() {
        // laterThread: a a1 a2 a2x b c; a2, a2x and c are new.
        var visit = returningVisit(discussion(laterThread), after: savedState(of: firstReader()))
        #expect(visit.newIndices() == [2, 3, 5])
        visit.markRead(2..<4)
        #expect(visit.newIndices() == [5])
    }

    @Test func mapShownOnOpeningWhenTheOptionsSaySo() {
        let options = ReaderOptions(map: .shown)
        var state = ReaderState(discussion: discussion(firstThread), rows: 4, columns: 30, options: options)
        #expect(state.map)
        #expect(mapColumn(state) == ["█", "░", "▒"])
        state.press("M")
        #expect(!state.map)
    }

    @Test func mapOffInTheOptionsLeavesTheLastColumnToThePage() {
        let options = ReaderOptions(map: .off)
        var state = ReaderState(discussion: discussion(firstThread), rows: 4, columns: 30, options: options)
        state.press("M")
        #expect(!state.map)
        #expect(state.message == #"the map is off in the config (map = "off")"#)
    }

    @Test func newFilterRunsAgainWhenTheVisitArrives() {
        // A big thread's visit arrives after the first screen, so after `--filter new` was applied.
        let later = discussion(laterThread)
        var state = ReaderState(discussion: later, rows: 30, columns: 60)
        state.apply(.applyFilter("new"))
        #expect(state.filter?.result?.matchCount == 0)
        state.update(.visitReady(returningVisit(later, after: savedState(of: firstReader()))))
        #expect(state.filter?.result?.matchCount == 3)
        #expect(state.statusText.contains("filter: 3 of 6"))
        // The filter had found nothing, so the first match is selected as Enter would have.
        #expect(state.selectedName == "a2")
    }

    @Test func newFilterWithTextRunsAgainInStepsWhenTheVisitArrives() {
        let later = discussion(laterThread)
        var state = ReaderState(discussion: later, rows: 30, columns: 60)
        state.apply(.applyFilter("new reply"))
        state.update(.visitReady(returningVisit(later, after: savedState(of: firstReader()))))
        while state.isFiltering { state.update(.filterStep) }
        #expect(state.filter?.result?.matchCount == 1)
        #expect(state.selectedName == "a2")
    }

    @Test func filterWithoutNewIsLeftAloneByTheVisit() {
        let later = discussion(laterThread)
        var state = ReaderState(discussion: later, rows: 30, columns: 60)
        state.apply(.applyFilter("author:b"))
        state.apply(.firstComment)
        state.update(.visitReady(returningVisit(later, after: savedState(of: firstReader()))))
        #expect(state.filter?.result?.matchCount == 1)
        #expect(state.selectedName == "a")
    }

    @Test func aMatchMarkedReadStaysUntilTheQueryChanges() {
        var state = readerWithNews()
        state.apply(.applyFilter("new"))
        #expect(state.selectedName == "a2")
        state.press("d")
        // a2 lost its marker but is still a match, under the cursor, in full.
        #expect(state.filter?.result?.matchCount == 3)
        #expect(state.selectedName == "a2")
        #expect(state.pageText.contains("│ ▾ a2\n│ ┃ new reply"))
        #expect(state.markedNames == ["c"])
        // Typing the query again asks it of the thread as it is now: only c is new.
        state.press("&")
        state.update(.key(.backspace))
        state.press("w")
        #expect(state.filter?.result?.matchCount == 1)
    }

    @Test func reloadRunsANewFilterOnTheCarriedVisitAndTheMapFollows() throws {
        let json = { (extra: String) in
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "author": "a", "body": "A", "replies": [\(extra)]},
              {"id": "b", "author": "b", "body": "B"}]}
            """
        }
        let old = try Discussion.load(canonical: DocumentBytes(Array(json("").utf8)))
        var state = ReaderState(discussion: old, rows: 4, columns: 30, source: .file)
        let visit = Visit(
            discussion: old, identity: ThreadIdentity(key: "t", site: nil), stored: nil, now: firstVisitTime)
        state.update(.visitReady(visit))
        state.press("M")
        state.apply(.applyFilter("new"))
        #expect(state.filter?.result?.matchCount == 0)
        state.press("R")
        let grown = try Discussion.load(
            canonical: DocumentBytes(Array(json(#"{"id": "a1", "author": "a1", "body": "A1"}"#).utf8)))
        state.update(.reloaded(try old.merging(reload: grown)))
        // a1 arrived while the thread was read: new, so the filter on `new` finds it and the map marks it.
        #expect(state.filter?.result?.matchCount == 1)
        #expect(state.mapNew == [1])
    }
}

/// The map marks what the page shows as added: not a comment the kill-file hides (its one line carries
/// no `●`), but a dimmed one, which is read like any other, and a hidden one while `X` shows it.
@Suite struct MapKillFileTests {
    func reader(hiding query: String, action: KillRule.Action = .hide) throws -> ReaderState {
        var options = ReaderOptions()
        options.killFile = KillFile(rules: [try KillRule.parse(query, action: action, site: nil)])
        // laterThread over 6 rows: a a1 a2 a2x (thread 1, ░), b (▒), c (░); a2, a2x and c are new.
        var state = readerWithNews(rows: 7, columns: 30, options: options)
        state.apply(.firstComment)
        state.press("M")
        return state
    }

    @Test func aHiddenAddedCommentIsNotMarkedOnTheMap() throws {
        var state = try reader(hiding: "author:c")
        #expect(mapColumn(state) == ["█", "░", "+", "+", "▒", "░"])
        state.press("X")
        #expect(mapColumn(state) == ["█", "░", "+", "+", "▒", "+"])
        state.press("X")
        #expect(mapColumn(state) == ["█", "░", "+", "+", "▒", "░"])
    }

    @Test func aDimmedAddedCommentStaysMarkedOnTheMap() throws {
        let state = try reader(hiding: "author:c", action: .dim)
        #expect(mapColumn(state) == ["█", "░", "+", "+", "▒", "+"])
    }

    @Test func hiddenMarksFoundAfterTheVisitTakeTheirRowsOffTheMap() throws {
        var options = ReaderOptions()
        options.killFile = KillFile(rules: [try KillRule.parse("author:a2x", action: .hide, site: nil)])
        let later = discussion(laterThread)
        var state = ReaderState(discussion: later, rows: 7, columns: 30)
        state.update(.visitReady(returningVisit(later, after: savedState(of: firstReader()))))
        state.apply(.firstComment)
        state.press("M")
        #expect(mapColumn(state) == ["█", "░", "+", "+", "▒", "+"])
        // A big thread's marks arrive beside the reader, after its visit.
        state.update(.killFileApplied(options.killFile.marks(later, tree: CommentTree(discussion: later))))
        #expect(mapColumn(state) == ["█", "░", "+", "░", "▒", "+"])
    }
}
