import Foundation
import GRDB
import Testing
import ThreadModel

@testable import ReadingState

/// What opening and closing the store cost a start and a quit (issue 25): opening writes nothing,
/// closing leaves the log for the next reader instead of three syncs.
@Suite struct StoreOpenAndCloseTests {
    func size(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    func savedVisit(_ folder: String) throws -> (identity: ThreadIdentity, saved: ThreadState) {
        let discussion = try thread("a", "b", "c")
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        let store = try ReadingStore(directory: folder)
        var visit = Visit(discussion: discussion, identity: identity, stored: nil, now: start)
        visit.shown([0, 1])
        try store.save(visit, now: start)
        return (identity, try #require(try store.load(identity)))
    }

    @Test func closingLeavesTheLogAndTheNextStoreReadsIt() throws {
        let folder = temporaryFolder()
        let (identity, saved) = try savedVisit(folder)
        // The store above is closed: its save is still in the log, not folded into state.sqlite.
        let log = (folder as NSString).appendingPathComponent(ReadingStore.fileName + "-wal")
        #expect(try size(log) > 0)
        #expect(try ReadingStore(directory: folder).load(identity) == saved)
    }

    @Test func openingAStoreWhoseLogIsEmptyWritesNothing() throws {
        let folder = temporaryFolder()
        let (identity, saved) = try savedVisit(folder)
        let log = (folder as NSString).appendingPathComponent(ReadingStore.fileName + "-wal")
        do {
            let store = try ReadingStore(directory: folder)
            try store.access { try $0.run("PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        #expect(try size(log) == 0)
        let store = try ReadingStore(directory: folder)
        #expect(try store.load(identity) == saved)
        #expect(try size(log) == 0)
    }

    /// SQLite's automatic checkpoint folded the kept log in but left its pages valid in the file: the next
    /// process rebuilt its index from all of them, so the log grew by every visit's pages for ever, each
    /// open read all of it and each quit past 100 pages folded it in again (two syncs).
    @Test func theLogIsEmptiedOnceItHoldsAHundredPages() throws {
        let folder = temporaryFolder()
        let discussion = try thread("a", "b", "c")
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        let log = (folder as NSString).appendingPathComponent(ReadingStore.fileName + "-wal")
        var sizes: [Int] = []
        for round in 0..<60 {
            let now = start.addingTimeInterval(Double(round))
            let store = try ReadingStore(directory: folder)
            var visit = Visit(discussion: discussion, identity: identity, stored: try store.load(identity), now: now)
            visit.shown([round % 3])
            try store.save(visit, now: now)
            sizes.append(try size(log))
        }
        // A page in the log is its 4,096 bytes and a 24-byte header; the log's own header is 32 bytes.
        let pages = sizes.map { ($0 - 32) / (4096 + 24) }
        #expect(pages.max() ?? 0 <= ReadingStore.foldPages + 10, "pages in the log after each save: \(pages)")
        // Emptied on the way, not only short at the end.
        #expect(pages.contains { $0 < pages[0] })
        let saved = try #require(try ReadingStore(directory: folder).load(identity))
        #expect(saved.opened == start.addingTimeInterval(59))
    }

    @Test func aFileWhereTheFolderShouldBeIsStillRefused() throws {
        let parent = temporaryFolder()
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let folder = (parent as NSString).appendingPathComponent("tread")
        #expect(FileManager.default.createFile(atPath: folder, contents: Data("x".utf8)))
        #expect(throws: StoreError.self) { try ReadingStore(directory: folder) }
        do {
            _ = try ReadingStore(directory: folder)
        } catch {
            #expect(error.description.contains("cannot make the folder"))
        }
    }

    /// The pragmas set in one call (startup5): each connection, the first on a new file and the next ones,
    /// has the README's durability (WAL, synchronous NORMAL), the log's trim limit and foreign keys on.
    @Test func everyConnectionHasTheStoresSettings() throws {
        let folder = temporaryFolder()
        for _ in 0..<2 {
            let store = try ReadingStore(directory: folder)
            let settings = try store.access { db in
                try ["journal_mode", "synchronous", "journal_size_limit", "foreign_keys"].map { pragma in
                    try db.first("PRAGMA \(pragma)") { row in try (try? row.string(0)) ?? String(row.int64(0)) }
                }
            }
            #expect(settings == ["wal", "1", "1048576", "1"])
        }
    }
}
