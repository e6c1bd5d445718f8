import Foundation
import GRDB
import Testing
import ThreadModel

@testable import ReadingState

/// Issue 23, bug 8: "added since the last visit" (ids the thread lacked when the last visit was saved) apart
/// from "unread" (never on screen).
@Suite struct AddedSinceLastVisitTests {
    /// A first visit to `first` that showed the comments at `shown`, saved, then a visit to `later` an hour on.
    func visit(_ later: Discussion, after first: Discussion, shown: [Int]) -> Visit {
        let identity = ThreadIdentity(article: first.article, path: nil)
        var visit = Visit(discussion: first, identity: identity, stored: nil, now: start)
        visit.shown(shown)
        let saved = visit.state(now: start.addingTimeInterval(60))
        return Visit(discussion: later, identity: identity, stored: saved, now: start.addingTimeInterval(3600))
    }

    @Test func anUnchangedThreadReopenedHasNothingAdded() throws {
        let discussion = try thread("a", "b<a", "c")
        let next = visit(discussion, after: discussion, shown: [0])
        #expect(next.newCount == 0)
        #expect(newIDs(next, in: discussion) == [])
        #expect(next.unreadCount == 2)
        #expect(next.newlyKnown.isEmpty)
    }

    @Test func addedAreTheIdsTheThreadLackedAtTheLastSave() throws {
        let first = try thread("a", "b<a", "c")
        let later = try thread("a", "b<a", "d<a", "c", "e")
        let next = visit(later, after: first, shown: [0])
        #expect(newIDs(next, in: later) == ["d", "e"])
        #expect(next.newCount == 2)
        #expect(next.unreadCount == 4)
        #expect(ids((0..<later.count).filter { next.isUnread($0) }, in: later) == ["b", "d", "c", "e"])
        let state = next.state(now: start.addingTimeInterval(3700))
        #expect(state.addedCount == 2)
        #expect(state.unreadCount == 4)
        #expect(state.known?.count == 5)
    }

    @Test func commentsAReloadBringsAreAddedThenKnown() throws {
        let first = try thread("a", "b")
        let reloaded = try thread("a", "b", "f<b")
        let next = visit(first, after: first, shown: [0, 1])
        let carried = next.carried(to: reloaded, oldToNew: [0, 1])
        #expect(newIDs(carried, in: reloaded) == ["f"])
        #expect(carried.unreadCount == 1)
        let third = Visit(
            discussion: reloaded, identity: next.identity, stored: carried.state(now: start.addingTimeInterval(3700)),
            now: start.addingTimeInterval(9000))
        #expect(third.newCount == 0)
        #expect(third.unreadCount == 1)
    }

    @Test func nextAndPreviousUnreadStepThroughCommentsNeverShown() throws {
        let discussion = try thread("a", "b", "c", "d")
        let next = visit(discussion, after: discussion, shown: [0, 2])
        #expect(next.nextUnread(after: nil) == 1)
        #expect(next.nextUnread(after: 1) == 3)
        #expect(next.nextUnread(after: 3) == nil)
        #expect(next.previousUnread(before: 3) == 1)
        #expect(next.previousUnread(before: 1) == nil)
        #expect(next.previousUnread(before: nil) == 3)
    }

    @Test func theFirstVisitSavesEveryIdAsKnownAndNothingAdded() throws {
        let discussion = try thread("a", "b")
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        let first = Visit(discussion: discussion, identity: identity, stored: nil, now: start)
        #expect(!first.knowsAdded)
        let state = first.state(now: start)
        #expect(state.known == SeenSet(hashes: [discussion.idHash(of: 0), discussion.idHash(of: 1)]))
        #expect(state.addedCount == 0)
        #expect(state.unreadCount == 2)
    }

    @Test func theKnownSetAndCountsRoundTripThroughTheStore() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        let identity = ThreadIdentity(key: "k", site: nil)
        let state = ThreadState(
            title: "t", opened: start, known: SeenSet(hashes: [5, 1, 9]), addedCount: 2, unreadCount: 7)
        try store.save(state, for: identity, changedMarks: [:])
        var expected = state
        expected.revision = 1
        #expect(try store.load(identity) == expected)
        let recent = try #require(try store.recent().first)
        #expect(recent.addedCount == 2 && recent.unreadCount == 7)
        #expect(try store.summary(identity) == recent)
        // Another process's ids are kept: a save adds to the known-set, never replaces it.
        try store.save(state, for: identity, changedMarks: [:], newlyKnown: SeenSet(hashes: [3]))
        #expect(try store.load(identity)?.known == SeenSet(hashes: [1, 3, 5, 9]))
        try store.forget("k")
        #expect(try store.load(identity) == nil)
    }

    @Test func aStoreOfSchemaV2OpensWithItsVisitsAndMarksNothingAddedOnce() throws {
        let folder = temporaryFolder()
        let path = (folder as NSString).appendingPathComponent(ReadingStore.fileName)
        let first = try thread("a", "b", "c")
        let later = try thread("a", "b", "c", "d")
        let identity = ThreadIdentity(article: first.article, path: nil)
        do {
            // The store as tread left it before this change: migrated to v2, one thread whose "a" was seen.
            let old = try DatabaseQueue(path: path)
            try ReadingStore.migrator.migrate(old, upTo: "v2")
            try old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO thread (key, title, site, url, path, opened, saved, commentCount, newCount,
                            seenBits, seenCount, markedNew, folded, selected, selectedRow, revision, address)
                        VALUES (?, 'Old thread', NULL, NULL, '/f.json', 1, 1, 3, 2, 0, 1, ?, x'', NULL, 0, 1, NULL)
                        """,
                    arguments: [identity.key, Data(SeenSet(hashes: [first.idHash(of: 1)]).encoded())])
                try db.execute(
                    sql: "INSERT INTO seen (threadKey, bucket, hashes) VALUES (?, 0, ?)",
                    arguments: [identity.key, Data(SeenSet(hashes: [first.idHash(of: 0)]).encoded())])
            }
        }
        let store = try ReadingStore(directory: folder)
        let stored = try #require(try store.load(identity))
        #expect(stored.title == "Old thread")
        #expect(stored.seen == SeenSet(hashes: [first.idHash(of: 0)]))
        #expect(stored.known == nil && stored.addedCount == nil && stored.unreadCount == nil)
        #expect(try store.recent().first?.newCount == 2)
        // The first visit after the upgrade cannot tell what was added: nothing is, and its markers (of
        // comments never shown, as tread then meant "new") are not kept either. The unread are known.
        let visit = Visit(discussion: later, identity: identity, stored: stored, now: Date(timeIntervalSince1970: 2))
        #expect(!visit.knowsAdded)
        #expect(visit.newCount == 0)
        #expect(visit.unreadCount == 3)
        try store.save(visit, now: Date(timeIntervalSince1970: 3))
        let saved = try #require(try store.load(identity))
        #expect(saved.known?.count == 4)
        #expect(saved.addedCount == nil && saved.unreadCount == 3)
        // From the next visit on, what the thread lacked then is added.
        let newest = try thread("a", "b", "c", "d", "e")
        let next = Visit(discussion: newest, identity: identity, stored: saved, now: Date(timeIntervalSince1970: 9000))
        #expect(newIDs(next, in: newest) == ["e"])
    }

    @Test func aMillionKnownIdsRoundTrip() throws {
        let store = try ReadingStore(directory: temporaryFolder())
        let identity = ThreadIdentity(key: "big", site: nil)
        let known = SeenSet(hashes: (1...1_000_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 })
        try store.save(ThreadState(title: "big", opened: start, known: known), for: identity, changedMarks: [:])
        let loaded = try #require(try store.load(identity)?.known)
        #expect(loaded.count == 1_000_000)
        #expect(loaded == known)
        #expect(known.encoded().count < 8 * 1_000_000)
    }

    /// Two treads on one thread at once, each showing other comments: the unread count the second save
    /// keeps is of the seen-sets united (it was its own visit's, as if the first tread had read nothing).
    @Test func twoTreadsSavingAtOnceCountUnreadOfBothVisits() throws {
        let discussion = try thread("a", "b", "c", "d", "e", "f")
        let store = try ReadingStore(directory: temporaryFolder())
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        var one = Visit(discussion: discussion, identity: identity, stored: nil, now: start)
        var two = Visit(discussion: discussion, identity: identity, stored: nil, now: start)
        one.shown([0, 1, 2])
        two.shown([5])
        try store.save(one, now: start.addingTimeInterval(10))
        try store.save(two, now: start.addingTimeInterval(20))
        let saved = try #require(try store.load(identity))
        #expect(saved.seen.count == 4)
        #expect(saved.unreadCount == 2)
        #expect(try store.recent().first?.unreadCount == 2)
    }
}
