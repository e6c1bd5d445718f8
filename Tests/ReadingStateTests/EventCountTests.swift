import Foundation
import Testing
import ThreadModel

@testable import ReadingState

/// A Discourse topic's events (small actions) are posts to the site and one-line events to the reader: the
/// store keeps how many a thread held, so a front page's count (the site's) can be told from the comments.
@Suite struct EventCountTests {
    /// A topic as the Discourse importer reads it: comments, and its events as placeholders.
    static func topic() throws -> Discussion {
        var builder = DiscussionBuilder(article: Article(id: "6482", title: "Topic", source: "Discourse"))
        builder.add(Comment(id: .integer(2), author: "a", body: "first"))
        builder.addPlaceholder("weitjong closed the topic")
        builder.add(Comment(id: .integer(4), author: "b", body: "second"))
        builder.addPlaceholder("weitjong unpinned the topic")
        return try builder.build().fromSite("discourse")
    }

    @Test func aVisitSavesTheEventsOfADiscourseTopic() throws {
        let discussion = try Self.topic()
        #expect(discussion.commentCount == 2 && discussion.eventCount == 2)
        let store = try ReadingStore(directory: temporaryFolder())
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        let visit = Visit(discussion: discussion, identity: identity, stored: nil, now: Date(timeIntervalSince1970: 1))
        try store.save(visit, now: Date(timeIntervalSince1970: 2))
        #expect(try store.load(identity)?.eventCount == 2)
        let summary = try #require(try store.summary(identity))
        #expect(summary.commentCount == 2 && summary.eventCount == 2)
    }

    @Test func otherSitesStandInsAreNotEvents() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.add(Comment(author: "a", body: "x"))
        builder.addPlaceholder("2 more replies")
        #expect(try builder.build().fromSite("reddit").eventCount == 0)
        #expect(try builder.build().fromSite("discourse").eventCount == 1)
    }

    @Test func aStoreOfSchemaV3OpensWithoutEventCounts() throws {
        let folder = try storeFolder(
            migratedUpTo: "v3",
            """
            INSERT INTO thread (key, title, site, url, path, opened, saved, commentCount, newCount,
                seenBits, seenCount, markedNew, folded, selected, selectedRow, revision, address)
            VALUES ('k', 'Old thread', NULL, NULL, NULL, 1, 1, 31, 0, 0, 0, x'', x'', NULL, 0, 1, NULL)
            """)
        let store = try ReadingStore(directory: folder)
        let summary = try #require(try store.summary(ThreadIdentity(key: "k", site: nil)))
        #expect(summary.commentCount == 31 && summary.eventCount == nil)
    }
}
