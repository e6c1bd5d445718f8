import Foundation
import Testing
import ThreadModel

@testable import ReadingState

/// A thread's row holding numbers no tread writes (a hostile or damaged file): saving over it is a damaged
/// store, one line on quitting, never a stop of the process (which would fail the quit).
@Suite struct HostileRowTests {
    /// A store holding a visit to a four-comment thread, with `sql` then run on it; and a second visit that
    /// saw every comment, to save over it.
    private func storeAfter(_ sql: String) throws -> (store: ReadingStore, visit: Visit) {
        let folder = temporaryFolder()
        let discussion = try thread("a", "b", "c", "d")
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        var first = Visit(discussion: discussion, identity: identity, stored: nil, now: start)
        first.shown([0])
        try ReadingStore(directory: folder).save(first, now: start)
        try StoreConnection(path: (folder as NSString).appendingPathComponent(ReadingStore.fileName)).run(sql)
        let store = try ReadingStore(directory: folder)
        var second = Visit(discussion: discussion, identity: identity, stored: try store.load(identity), now: start)
        second.shown(0..<4)
        return (store, second)
    }

    @Test(arguments: ["64", "65", "9223372036854775807", "-9223372036854775808", "-1", "17"])
    func aSaveOverASplitNoTreadMakesIsADamagedStore(seenBits: String) throws {
        let (store, visit) = try storeAfter("UPDATE thread SET seenBits = \(seenBits)")
        #expect(throws: StoreError.damaged(path: store.path, detail: "a value out of range in the column seenBits")) {
            try store.save(visit, now: start)
        }
    }

    @Test(arguments: ["9223372036854775807", "-1"])
    func aSaveOverASeenCountNoTreadMakesIsADamagedStore(seenCount: String) throws {
        let (store, visit) = try storeAfter("UPDATE thread SET seenCount = \(seenCount)")
        #expect(throws: StoreError.damaged(path: store.path, detail: "a value out of range in the column seenCount")) {
            try store.save(visit, now: start)
        }
    }

    /// Revisions are only compared for equality, so the last one is followed by the first, not by a stop.
    @Test func aSaveAfterTheLastRevisionIsSaved() throws {
        let (store, visit) = try storeAfter("UPDATE thread SET revision = 9223372036854775807")
        try store.save(visit, now: start)
        let saved = try #require(try store.load(visit.identity))
        #expect(saved.revision == Int64.min)
        #expect(saved.seen.count == 4)
    }
}
