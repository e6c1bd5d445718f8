import SiteFormats
import Testing
import ThreadModel

/// Hacker News's count of a story's comments (`descendants`) leaves out its dead and deleted comments, which
/// the reader shows: the thread says how many, so a front page's row, once read, counts what the reader showed.
@Suite struct HackerNewsCountTests {
    @Test func theRecordedStoryCountsTheCommentsItsSiteLeavesOut() throws {
        let path = Corpus.directory.appendingPathComponent("hn_firebase/ibm_rto_43727727_items.json").path
        let discussion = try Discussion.load(DocumentBytes.read(path: path))
        #expect(discussion.article.commentCount == 318)
        #expect(discussion.commentCount == 351)
        #expect(discussion.eventCount == 33)
        // Converted (the cache's copy), it says the same.
        let cached = try Discussion.load(DocumentBytes(DocumentWriter.canonicalJSON(discussion)), format: .tread)
        #expect(cached.eventCount == 33)
    }

    @Test func aStoryWithoutItsSitesCountOrAnotherSiteHasNone() throws {
        let without = #"{"article": {"title": "T", "site": "hn"}, "comments": [{"id": 1, "body": "x"}]}"#
        #expect(try Discussion.load(DocumentBytes(Array(without.utf8))).eventCount == 0)
        let reddit = #"{"article": {"title": "T", "site": "reddit", "commentCount": 0}, "comments": [{"id": 1}]}"#
        #expect(try Discussion.load(DocumentBytes(Array(reddit.utf8))).eventCount == 0)
    }
}
