import Testing
import ThreadModel

@testable import Reader

/// A canonical document from its JSON, for threads with ids and stubs.
private func document(_ json: String) throws -> Discussion {
    try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
}

/// A reader on `discussion` opened from an address, 8 rows by 80 columns.
private func liveReader(_ discussion: Discussion, source: ThreadSource = .address) -> ReaderState {
    ReaderState(discussion: discussion, rows: 8, columns: 80, source: source)
}

/// The index of the entry with id `key`.
private func index(_ key: String, in discussion: Discussion) throws -> Int {
    try #require((0..<discussion.count).first { discussion.id(of: $0)?.key == key })
}

private let liveThread = """
    {"article": {"title": "T"}, "comments": [
      {"id": "a", "author": "a", "body": "A", "replies": [{"id": "a1", "author": "a1", "body": "A1"}]},
      {"id": "b", "author": "b", "body": "B", "replies": [{"id": "b1", "author": "b1", "body": "B1"}]},
      {"id": "c", "author": "c", "body": "C"}]}
    """

private let liveGrown = """
    {"article": {"title": "T"}, "comments": [
      {"id": "n", "author": "n", "body": "new first"},
      {"id": "a", "author": "a", "body": "A", "replies": [
        {"id": "a0", "author": "a0", "body": "new"}, {"id": "a1", "author": "a1", "body": "A1"}]},
      {"id": "b", "author": "b", "body": "B", "replies": [{"id": "b1", "author": "b1", "body": "B1"}]},
      {"id": "c", "author": "c", "body": "C"}]}
    """

@Suite struct LiveReaderTests {
    @Test func reloadUnderAFilterFiltersTheNewThread() throws {
        let old = try document(liveThread)
        var state = liveReader(old)
        state.apply(.applyFilter("author:n or author:a0"))
        #expect(state.filter?.result?.matchCount == 0)
        state.press("R")
        let merge = try old.merging(reload: try document(liveGrown))
        state.update(.reloaded(merge))
        // The filter's rows are of the new thread: its two new comments match, by their new indices.
        let result = try #require(state.filter?.result)
        let matched = result.matches.map { state.discussion.id(of: Int($0))?.key }
        #expect(matched == ["n", "a0"])
        #expect(result.role(of: try index("a", in: state.discussion)) == .context)
    }

    @Test func reloadKeepsFoldsSelectionAndTopByCommentID() throws {
        let old = try document(liveThread)
        var state = liveReader(old)
        state.apply(.toggleFold)  // folds a
        state.apply(.nextComment)  // b
        state.apply(.lineDown, .lineDown, .lineDown)
        let topBefore = state.top
        let topID = try #require(topBefore.item.comment.flatMap { old.id(of: $0) })
        #expect(state.selectedName == "b")
        state.press("R")
        #expect(state.fetch?.kind == .reload)
        let merge = try old.merging(reload: try document(liveGrown))
        state.update(.reloaded(merge))
        let a = try index("a", in: state.discussion)
        let b = try index("b", in: state.discussion)
        #expect(state.fetch == nil)
        #expect(state.selectedName == "b")
        #expect(state.tree.isFolded(a))
        #expect(!state.tree.isFolded(b))
        // The new first comment "n" does not push the page down: the same line stays on top.
        #expect(state.top == PagePosition(.comment(try index(topID.key, in: state.discussion)), topBefore.line))
        #expect(state.statusText.contains("2 new comments"))
    }

    @Test func reloadWithNothingNewSaysSo() throws {
        let old = try document(liveThread)
        var state = liveReader(old, source: .file)
        state.press("R")
        #expect(state.fetch?.kind == .reload)
        state.update(.reloaded(try old.merging(reload: try document(liveThread))))
        #expect(state.message == "no new comments")
        #expect(state.selectedName == "a")
    }

    @Test func reloadWithoutAddressOrFileSaysWhy() throws {
        var state = liveReader(try document(liveThread), source: .none("it was read from standard input"))
        state.press("R")
        #expect(state.fetch == nil)
        #expect(state.message == "cannot reload: it was read from standard input")
    }

    @Test func failedFetchLeavesTheThreadAsItWas() throws {
        var state = liveReader(try document(liveThread))
        state.apply(.nextComment, .nextComment)
        let before = (state.discussion.count, state.selection, state.top)
        state.press("R")
        state.update(.fetchFailed("http://127.0.0.1:1/x: connection refused; check the network"))
        #expect(state.fetch == nil)
        #expect(state.discussion.count == before.0)
        #expect(state.selection == before.1)
        #expect(state.top == before.2)
        #expect(state.message == "http://127.0.0.1:1/x: connection refused; check the network")
    }

    @Test func escapeStopsTheFetchAndItsLateAnswerIsDropped() throws {
        let old = try document(liveThread)
        var state = liveReader(old)
        state.press("R")
        state.update(.key(.escape))
        #expect(state.fetch == nil)
        #expect(state.message == "fetch stopped; the thread is as it was")
        state.update(.reloaded(try old.merging(reload: try document(liveGrown))))
        #expect(state.discussion.count == old.count)
        #expect(state.message == "fetch stopped; the thread is as it was")
    }

    @Test func progressShowsOnTheStatusLine() throws {
        var state = liveReader(try document(liveThread))
        state.update(.fetchProgress("fetching 1 of 2"))
        #expect(!state.statusText.contains("fetching"))  // no fetch runs: stray progress is dropped
        state.press("R")
        state.update(.fetchProgress("fetching 340 of 2,112"))
        #expect(state.statusText.contains("fetching 340 of 2,112… (Esc stops)"))
    }

    private static let withStub = """
        {"article": {"title": "T"}, "comments": [
          {"id": "a", "author": "a", "body": "A", "replies": [{"id": "a1", "author": "a1", "body": "A1"},
            {"placeholder": true, "body": "2 more replies", "more": {"site": "reddit", "link": "t3_post",
             "parent": "t1_a", "children": ["a2", "a3"]}}]},
          {"id": "b", "author": "b", "body": "B"}]}
        """

    @Test func enterOnStubFetchesItAndSelectsTheFirstNewComment() throws {
        let old = try document(Self.withStub)
        var state = liveReader(old)
        state.apply(.nextComment, .nextComment)
        #expect(state.selection == 2)
        state.update(.key(.enter))
        #expect(state.fetch?.kind == .expand(stub: 2))
        let fetched = try document(
            """
            {"article": {"title": "more"}, "comments": [
              {"id": "a2", "author": "a2", "parent": "a", "body": "two"},
              {"id": "a3", "author": "a3", "parent": "a", "body": "three"}]}
            """)
        state.update(.expanded(try old.merging(stub: 2, with: fetched)))
        #expect(state.selectedName == "a2")
        #expect(state.discussion.fetchableStubs.isEmpty)
        #expect(state.message == "2 new comments")
        #expect(state.selectionIsVisible)
    }

    private static let redditStub = Self.withStub.replacingOccurrences(
        of: "2 more replies", with: "2 more replies not in this file")

    /// Before: a thread opened by its address said "2 more replies not in this file" while Enter fetched them.
    @Test func aStubOfALiveThreadSaysEnterFetchesIt() throws {
        let live = ReaderState(
            discussion: try document(Self.redditStub), rows: 30, columns: 80, source: .address)
        #expect(live.pageText.contains("… 2 more replies · Enter fetches them"))
        let file = ReaderState(discussion: try document(Self.redditStub), rows: 30, columns: 80, source: .file)
        #expect(file.pageText.contains("… 2 more replies not in this file"))
    }

    /// Before: when the site sent none of the announced replies, the stub vanished with "no new comments".
    @Test func anExpansionThatBringsNothingSaysTheRepliesDidNotCome() throws {
        let old = try document(Self.withStub)
        var state = liveReader(old)
        state.apply(.nextComment, .nextComment)
        state.update(.key(.enter))
        let empty = try document(#"{"article": {"title": "more"}, "comments": []}"#)
        state.update(.expanded(try old.merging(stub: 2, with: empty)))
        #expect(state.message == "the announced replies did not come: the site sent none of them")
    }

    @Test func enterOnStubOfAFileSaysWhyItCannotBeFetched() throws {
        var state = liveReader(try document(Self.withStub), source: .file)
        state.apply(.nextComment, .nextComment)
        state.update(.key(.enter))
        #expect(state.fetch == nil)
        #expect(state.message == "this thread was opened from a file: open it by its address to fetch these replies")
    }

    @Test func secondFetchWaitsForTheFirst() throws {
        var state = liveReader(try document(liveThread))
        state.press("R")
        let first = state.fetch
        state.press("R")
        #expect(state.fetch == first)
        #expect(state.message == "a fetch is running: Esc stops it")
    }
}
