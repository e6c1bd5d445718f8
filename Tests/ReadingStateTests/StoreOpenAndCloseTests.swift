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
            try store.database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        #expect(try size(log) == 0)
        let store = try ReadingStore(directory: folder)
        #expect(try store.load(identity) == saved)
        #expect(try size(log) == 0)
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
}
