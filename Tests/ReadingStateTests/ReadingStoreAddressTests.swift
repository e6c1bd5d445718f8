import Foundation
import GRDB
import Testing

@testable import ReadingState

/// The address a fetched thread was opened by, which `tread recent` reopens it with (schema v2).
@Suite struct ReadingStoreAddressTests {
    let hackerNews = ThreadIdentity(key: "site:Hacker News\u{1F}42", site: "Hacker News")

    @Test func theAddressAThreadWasFetchedFromIsKeptApartFromTheArticleURL() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        let state = ThreadState(
            title: "Show HN", site: "Hacker News", url: "https://example.org/linked-page",
            address: "https://news.ycombinator.com/item?id=42", opened: start)
        try store.save(state, for: hackerNews, changedMarks: [:])
        let recent = try #require(try store.recent().first)
        #expect(recent.url == "https://example.org/linked-page")
        #expect(recent.address == "https://news.ycombinator.com/item?id=42")
        #expect(try store.load(hackerNews)?.address == "https://news.ycombinator.com/item?id=42")
    }

    @Test func aVisitKeepsTheAddressItWasOpenedBy() throws {
        let discussion = try thread("a")
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        let visit = Visit(
            discussion: discussion, identity: identity, stored: nil, address: "https://lobste.rs/s/abc", now: start)
        #expect(visit.state(now: start).address == "https://lobste.rs/s/abc")
        #expect(visit.state(now: start).path == nil)
    }

    @Test func forgetFindsAThreadByItsAddress() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        let state = ThreadState(title: "t", address: "https://news.ycombinator.com/item?id=42", opened: start)
        try store.save(state, for: hackerNews, changedMarks: [:])
        #expect(try store.forget("https://news.ycombinator.com/item?id=42") == 1)
        #expect(try store.recent().isEmpty)
    }

    @Test func aStoreOfTheFirstVersionOpensWithItsThreadsAndNoAddress() throws {
        let folder = temporaryFolder()
        let path = (folder as NSString).appendingPathComponent(ReadingStore.fileName)
        do {
            // The store as the previous tread left it: migrated to v1 only, one thread in it.
            let old = try DatabaseQueue(path: path)
            try ReadingStore.migrator.migrate(old, upTo: "v1")
            try old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO thread (key, title, site, url, path, opened, saved, commentCount, newCount,
                            seenBits, seenCount, markedNew, folded, selected, selectedRow, revision)
                        VALUES ('file:/f.json', 'Old thread', NULL, NULL, '/f.json', 1, 1, 3, 0, 0, 0, x'', x'',
                            NULL, 0, 1)
                        """)
            }
        }
        let store = try ReadingStore(directory: folder)
        let recent = try store.recent()
        #expect(recent.map(\.title) == ["Old thread"])
        #expect(recent.first?.path == "/f.json")
        #expect(recent.first?.address == nil)
        let state = ThreadState(title: "Fetched", address: "https://lobste.rs/s/abc", opened: start)
        try store.save(state, for: hackerNews, changedMarks: [:])
        #expect(try store.recent().first?.address == "https://lobste.rs/s/abc")
    }
}
