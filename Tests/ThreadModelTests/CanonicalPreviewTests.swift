import Testing
import ThreadTestSupport

@testable import ThreadModel

/// The preview a big document's background load shows first: where it may end.
@Suite struct CanonicalPreviewTests {
    /// Loads `json` with a preview after `after` comments; the preview's outline, or nil without one.
    private func previewOutline(_ json: String, after: Int, wholeThreads: Bool) throws -> [String]? {
        var preview: Discussion?
        _ = try Discussion.load(
            canonical: DocumentBytes(Array(json.utf8)), previewAfter: after, wholeThreads: wholeThreads,
            preview: { preview = $0 }, progress: { _ in })
        return preview.map(depthsAndIDs)
    }

    /// One big first thread (a root and five replies) and a small second one.
    private let bigFirstThread = """
        {"article": {"title": "T"}, "comments": [
          {"id": "a", "replies": [{"id": "a1"}, {"id": "a2", "replies": [{"id": "a2x"}]}, {"id": "a3"}, {"id": "a4"}]},
          {"id": "b", "replies": [{"id": "b1"}]}]}
        """

    @Test func previewEndsInsideAThreadWhenAskedForNoWholeThreads() throws {
        // Before: the preview waited for the end of thread a (all of a big first thread, 0.1 s at 1M comments).
        #expect(try previewOutline(bigFirstThread, after: 2, wholeThreads: false) == ["0:a", "1:a1"])
    }

    @Test func previewWaitsForAWholeThreadByDefault() throws {
        #expect(
            try previewOutline(bigFirstThread, after: 2, wholeThreads: true) == [
                "0:a", "1:a1", "1:a2", "2:a2x", "1:a3", "1:a4",
            ])
    }

    @Test func previewWaitsForAWholeThreadOnceAMemberFollowsReplies() throws {
        // a2's author comes after its replies: a comment still open at a cut could lack such a member.
        let json = """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "replies": [{"id": "a1"}, {"id": "a2", "replies": [{"id": "a2x"}], "author": "x"},
                {"id": "a3"}, {"id": "a4"}]},
              {"id": "b"}]}
            """
        #expect(
            try previewOutline(json, after: 4, wholeThreads: false) == [
                "0:a", "1:a1", "1:a2", "2:a2x", "1:a3", "1:a4",
            ])
    }

    @Test func previewInsideAThreadKeepsEveryCommentBeforeTheCutWithItsFields() throws {
        let json = """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "author": "ann", "score": 3, "replies": [{"id": "a1", "author": "bo", "body": "hi"},
                {"id": "a2", "author": "cy"}]}]}
            """
        var preview: Discussion?
        _ = try Discussion.load(
            canonical: DocumentBytes(Array(json.utf8)), previewAfter: 2, wholeThreads: false,
            preview: { preview = $0 }, progress: { _ in })
        let shown = try #require(preview)
        #expect(shown.count == 2)
        #expect(shown.author(of: 0) == "ann")
        #expect(shown.score(of: 0) == 3)
        #expect(shown.author(of: 1) == "bo")
        #expect(shown.body(of: 1) == "hi")
        #expect(shown.parent(of: 1) == 0)
    }
}
