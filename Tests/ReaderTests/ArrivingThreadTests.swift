import Testing
import ThreadModel

@testable import Reader

/// A canonical document from its JSON.
private func document(_ json: String) throws -> Discussion {
    try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
}

/// The first part of a thread still arriving: two threads, b's reply not in yet.
private let firstPart = """
    {"article": {"title": "T"}, "comments": [
      {"id": "a", "author": "a", "body": "A", "replies": [{"id": "a1", "author": "a1", "body": "A1"}]},
      {"id": "b", "author": "b", "body": "B"}]}
    """

/// Later: b's reply and a third thread between a and b (rank order from the site).
private let laterPart = """
    {"article": {"title": "T"}, "comments": [
      {"id": "a", "author": "a", "body": "A", "replies": [{"id": "a1", "author": "a1", "body": "A1"}]},
      {"id": "m", "author": "m", "body": "M"},
      {"id": "b", "author": "b", "body": "B", "replies": [{"id": "b1", "author": "b1", "body": "B1"}]}]}
    """

@Suite struct ArrivingThreadTests {
    /// A reader opened on `firstPart` whose fetch goes on.
    private func openedEarly() throws -> ReaderState {
        var state = ReaderState(
            discussion: try document(firstPart), rows: 10, columns: 80, options: ReaderOptions(),
            opening: ReaderOpening(source: .address, restArriving: true))
        state.update(.started)
        return state
    }

    @Test func partsMergeInKeepingFoldsAndSelection() throws {
        var state = try openedEarly()
        #expect(state.fetch?.kind == .rest)
        state.apply(.toggleFold)  // folds a
        state.apply(.nextComment)  // b
        state.update(.fetchProgress("fetching 340 of 2,112 comments"))
        #expect(state.statusText.contains("fetching 340 of 2,112"))
        state.update(.arrived(try state.discussion.merging(reload: document(laterPart)), whole: false))
        let names = (0..<state.discussion.count).map { state.discussion.id(of: $0)?.key }
        #expect(names == ["a", "a1", "m", "b", "b1"])
        #expect(state.tree.isFolded(0))
        #expect(state.selectedName == "b")
        // The fetch is still running until the whole thread is in.
        #expect(state.fetch?.kind == .rest)
    }

    @Test func theWholeThreadEndsTheFetchAndSaysSo() throws {
        var state = try openedEarly()
        state.update(.arrived(try state.discussion.merging(reload: document(laterPart)), whole: true))
        #expect(state.fetch == nil)
        #expect(state.discussion.commentCount == 5)
        #expect(state.statusText.contains("all 5 comments are in"))
    }

    @Test func theRestArrivingWhileTheArticleIsReadLeavesTheViewOnIt() throws {
        let body = (1...12).map { "\"paragraph \($0)\"" }.joined(separator: ", ")
        let long = { (json: String) in
            json.replacingOccurrences(of: "\"title\": \"T\"}", with: "\"title\": \"T\", \"body\": [\(body)]}")
        }
        var state = ReaderState(
            discussion: try document(long(firstPart)), rows: 10, columns: 80, options: ReaderOptions(),
            opening: ReaderOpening(source: .address, restArriving: true))
        state.update(.started)
        #expect(state.positionText(layout: LayoutCache()) == "article")
        state.update(.arrived(try state.discussion.merging(reload: document(long(laterPart))), whole: true))
        #expect(state.top.item == .article)
        #expect(state.positionText(layout: LayoutCache()) == "article")
        #expect(state.selectedName == "a")
    }

    @Test func escStopsTheRestAndKeepsWhatArrived() throws {
        var state = try openedEarly()
        state.update(.arrived(try state.discussion.merging(reload: document(laterPart)), whole: false))
        state.apply(.cancel)
        #expect(state.fetch == nil)
        #expect(state.discussion.commentCount == 5)
        #expect(state.statusText.contains("fetch stopped; 5 comments arrived"))
        // A part that was on its way when Esc was pressed is dropped.
        state.update(.arrived(try state.discussion.merging(reload: document(firstPart)), whole: true))
        #expect(state.discussion.commentCount == 5)
    }
}

extension ArrivingThreadTests {
    @Test func theSelectionStaysWhenRepliesArriveAboveIt() throws {
        func thread(replies: Int) -> String {
            let threads = ["a", "b", "c"].map { name in
                let kids = (0..<replies).map { #"{"id": "\#(name)\#($0)", "author": "r", "body": "R"}"# }
                return
                    #"{"id": "\#(name)", "author": "\#(name)", "body": "X", "replies": [\#(kids.joined(separator: ","))]}"#
            }
            return #"{"article": {"title": "T"}, "comments": [\#(threads.joined(separator: ","))]}"#
        }
        var state = ReaderState(
            discussion: try document(thread(replies: 0)), rows: 10, columns: 80, options: ReaderOptions(),
            opening: ReaderOpening(source: .address, restArriving: true))
        state.update(.started)
        state.apply(.nextComment, .nextComment)
        #expect(state.selectedName == "c")
        state.update(.arrived(try state.discussion.merging(reload: document(thread(replies: 30))), whole: true))
        #expect(state.selectedName == "c")
    }
}
