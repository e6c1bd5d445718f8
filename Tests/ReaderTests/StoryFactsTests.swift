import SiteFormats
import Testing
import ThreadModel

@testable import Reader

@Suite struct StoryFactsTests {
    private let document = """
        {"article": {"title": "T", "score": 537, "comment_count": 3, "marks": ["locked", "from r/x\\u001b[2J"]},
         "comments": [{"id": 1, "body": "a"}, {"id": 2, "body": "b"}]}
        """

    @Test func theHeaderSaysScoreClaimedAndPresentCountsAndMarks() throws {
        let discussion = try Discussion.load(DocumentBytes(Array(document.utf8)), format: .tread)
        let facts = try #require(Blocks.storyFacts(discussion))
        #expect(facts.hasPrefix("537 points · 3 comments, 2 here · locked · from r/x"))
        #expect(!facts.unicodeScalars.contains { $0.value == 0x1B })
        let header = Blocks.article(discussion, width: 80).map(\.plainText)
        #expect(header.contains { $0.hasPrefix("537 points · 3 comments, 2 here") })
    }

    @Test func theFactsSurviveTheCanonicalFormat() throws {
        let discussion = try Discussion.load(DocumentBytes(Array(document.utf8)), format: .tread)
        let again = try Discussion.load(DocumentBytes(DocumentWriter.canonicalJSON(discussion)), format: .tread)
        #expect(again.article.score == 537 && again.article.commentCount == 3)
        #expect(again.article.marks?.first == "locked")
    }

    @Test func aDiscourseTopicsEventsAreNotAnnouncedAsComments() throws {
        // A recorded topic of 35 posts: the article, 31 comments and 3 events (pinned, closed, unpinned),
        // which Discourse counts among its posts. Before: "14 points · 34 comments, 31 here · closed" and
        // "all 31 comments are in (the site announced 34)".
        let path = Fixtures.directory.appendingPathComponent("discourse/urho3d_github-in-decay.6482.json").path
        let discussion = try Discussion.load(DocumentBytes.read(path: path))
        #expect(Blocks.storyFacts(discussion) == "14 points · 31 comments · closed")
        #expect(ReaderState.allInText(discussion) == "all 31 comments are in")
        #expect(ThreadPrinter(width: 80).text(of: discussion).contains("── 31 comments ──"))
    }

    @Test func aCountThatAgreesIsSaidOnce() throws {
        let text = #"{"article": {"title": "T", "comment_count": 1}, "comments": [{"id": 1, "body": "a"}]}"#
        let discussion = try Discussion.load(DocumentBytes(Array(text.utf8)), format: .tread)
        #expect(Blocks.storyFacts(discussion) == "1 comment")
    }
}
