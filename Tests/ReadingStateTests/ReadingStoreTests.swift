import Foundation
import GRDB
import Testing
import ThreadModel

@testable import ReadingState

@Suite struct ReadingStoreTests {
    let identity = ThreadIdentity(key: "site:Example News\u{1F}t1", site: "Example News")

    @Test func aSavedThreadLoadsAsItWasSaved() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        let state = ThreadState(
            title: "Title", site: "Example News", url: "https://example.org/t1", path: "/tmp/t1.json",
            opened: start, saved: start.addingTimeInterval(5), commentCount: 3, newCount: 2,
            seen: SeenSet(hashes: [1, 2, 3]), markedNew: SeenSet(hashes: [3]), folded: SeenSet(hashes: [2]),
            selected: UInt64.max, selectedRow: 4, marks: ["a": 1, "Z": UInt64.max])
        try store.save(state, for: identity, changedMarks: [:])
        var expected = state
        expected.revision = 1
        #expect(try store.load(identity) == expected)
        #expect(try store.load(ThreadIdentity(key: "other", site: nil)) == nil)
    }

    @Test func storeLivesUnderXDGStateHome() {
        #expect(ReadingStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/tread")
        #expect(ReadingStore.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.local/state/tread")
        #expect(
            ReadingStore.defaultDirectory(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
                == "/h/.local/state/tread")
        #expect(ReadingStore.defaultDirectory(environment: [:]) == nil)
    }

    @Test func twoVisitsAtOnceLoseNeithersMarksNorSeenComments() throws {
        let folder = temporaryFolder()
        let discussion = try thread("a", "b", "c", "d")
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        let store = try ReadingStore(directory: folder)
        var first = Visit(discussion: discussion, identity: identity, stored: nil, now: start)
        first.shown([0])
        try store.save(first, now: start)
        var one = Visit(discussion: discussion, identity: identity, stored: try store.load(identity), now: start)
        var two = Visit(discussion: discussion, identity: identity, stored: try store.load(identity), now: start)
        one.setMark("a", at: 1)
        one.shown([1])
        two.setMark("b", at: 2)
        two.shown([2])
        try store.save(one, now: start)
        try ReadingStore(directory: folder).save(two, now: start)
        let merged = try #require(try store.load(identity))
        #expect(merged.marks == ["a": discussion.idHash(of: 1), "b": discussion.idHash(of: 2)])
        #expect(merged.seen == SeenSet(hashes: (0..<3).map { discussion.idHash(of: $0) }))
        #expect(merged.revision == 3)
    }

    @Test func aMarkMovedByOneVisitIsNotMovedBackByAnother() throws {
        let folder = temporaryFolder()
        let discussion = try thread("a", "b", "c")
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        let store = try ReadingStore(directory: folder)
        var first = Visit(discussion: discussion, identity: identity, stored: nil, now: start)
        first.setMark("m", at: 0)
        try store.save(first, now: start)
        var mover = Visit(discussion: discussion, identity: identity, stored: try store.load(identity), now: start)
        var other = Visit(discussion: discussion, identity: identity, stored: try store.load(identity), now: start)
        mover.setMark("m", at: 2)
        other.setMark("o", at: 1)
        try store.save(mover, now: start)
        try store.save(other, now: start)
        let marks = try #require(try store.load(identity)).marks
        #expect(marks == ["m": discussion.idHash(of: 2), "o": discussion.idHash(of: 1)])
    }

    @Test func recentListsTheLatestOpenedFirst() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        for (number, title) in ["old", "newest", "middle"].enumerated() {
            let opened = start.addingTimeInterval([0, 200, 100][number])
            let state = ThreadState(title: title, opened: opened, commentCount: number, newCount: 1)
            try store.save(state, for: ThreadIdentity(key: title, site: nil), changedMarks: [:])
        }
        #expect(try store.recent().map(\.title) == ["newest", "middle", "old"])
        #expect(try store.recent(limit: 1).map(\.commentCount) == [1])
    }

    @Test func forgetFindsAThreadByKeyURLOrPath() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        let states = [
            ("k1", ThreadState(title: "1", url: "https://e.org/1", opened: start)),
            ("k2", ThreadState(title: "2", path: "/f/2.json", opened: start)),
            ("k3", ThreadState(title: "3", opened: start, marks: ["a": 7])),
        ]
        for (key, state) in states {
            try store.save(state, for: ThreadIdentity(key: key, site: nil), changedMarks: [:])
        }
        #expect(try store.forget("https://e.org/1") == 1)
        #expect(try store.forget("/f/2.json") == 1)
        #expect(try store.forget("k3") == 1)
        #expect(try store.forget("k3") == 0)
        #expect(try store.recent().isEmpty)
        try store.save(
            ThreadState(title: "3", opened: start), for: ThreadIdentity(key: "k3", site: nil), changedMarks: [:])
        #expect(try store.load(ThreadIdentity(key: "k3", site: nil))?.marks == [:])
    }

    @Test func aGarbageFileIsReportedDamaged() throws {
        let folder = temporaryFolder()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: folder + "/" + ReadingStore.fileName))
        #expect(throws: StoreError.damaged(path: folder + "/state.sqlite", detail: "file is not a database")) {
            try ReadingStore(directory: folder)
        }
    }

    @Test func aTruncatedFileIsReportedDamaged() throws {
        let folder = temporaryFolder()
        let path = folder + "/" + ReadingStore.fileName
        do {
            let store = try ReadingStore(directory: folder)
            let big = SeenSet(hashes: (1...100_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 })
            try store.save(ThreadState(title: "big", opened: start, seen: big), for: identity, changedMarks: [:])
            // Closing leaves the save in the log (no checkpoint at close): folded into the file here.
            try store.access { try $0.run("PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 100_000)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        #expect {
            let store = try ReadingStore(directory: folder)
            _ = try store.load(identity)
        } throws: { error in
            guard case .damaged(let damagedPath, _)? = error as? StoreError else { return false }
            return damagedPath == path && "\(error)".contains("move the file away")
        }
    }

    /// Opening reads the applied migrations without GRDB and compares them with this list: it must name
    /// the migrator's, in order, or every open would migrate again (or call a store newer).
    @Test func theMigrationNamesAreTheMigrators() {
        #expect(ReadingStore.migrationNames == ReadingStore.migrator.migrations)
    }

    @Test func aStoreFromANewerTreadIsLeftAlone() throws {
        let folder = temporaryFolder()
        do {
            let store = try ReadingStore(directory: folder)
            try store.access { db in try db.run("INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        }
        #expect(throws: StoreError.newerVersion(path: folder + "/state.sqlite")) {
            try ReadingStore(directory: folder)
        }
    }

    @Test func aDamagedSeenSetIsReportedNotTrusted() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        let state = ThreadState(title: "t", opened: start, seen: SeenSet(hashes: [1, 2]))
        try store.save(state, for: identity, changedMarks: [:])
        try store.access { db in try db.run("UPDATE seen SET hashes = x'0205ff'") }
        #expect(throws: StoreError.self) { try store.load(identity) }
    }

    @Test func aLargeSeenSetIsKeptInBucketsThatSavesAddTo() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        let many = SeenSet(hashes: (1...20_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 })
        try store.save(ThreadState(title: "t", opened: start, seen: many), for: identity, changedMarks: [:])
        let buckets = try store.access { db in try db.first("SELECT COUNT(*) FROM seen") { row in try row.int(0) } }
        #expect(buckets == 8)  // 20,000 hashes: the fewest buckets (2^3) of at most 4,096
        let one = SeenSet(hashes: [42])
        try store.save(ThreadState(title: "t", opened: start), for: identity, changedMarks: [:], newlySeen: one)
        #expect(try store.load(identity)?.seen == many.union(one))
    }
}
