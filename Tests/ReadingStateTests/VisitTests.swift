import Foundation
import Testing
import ThreadModel

@testable import ReadingState

@Suite struct VisitTests {
    /// A first visit that showed every comment, then a second visit an hour later to `later`.
    func secondVisit(first: Discussion, later: Discussion, after interval: TimeInterval = 3600) -> Visit {
        let identity = ThreadIdentity(article: first.article, path: nil)
        var visit = Visit(discussion: first, identity: identity, stored: nil, now: start)
        visit.shown(0..<first.count)
        let saved = visit.state(now: start.addingTimeInterval(60))
        return Visit(discussion: later, identity: identity, stored: saved, now: start.addingTimeInterval(interval))
    }

    @Test func nothingIsNewOnAFirstVisit() throws {
        let discussion = try thread("a", "b<a")
        let visit = Visit(
            discussion: discussion, identity: ThreadIdentity(article: discussion.article, path: nil), stored: nil,
            now: start)
        #expect(visit.newCount == 0)
        #expect(newIDs(visit, in: discussion) == [])
    }

    @Test func aVisitCarriedOverAReloadMarksWhatArrivedAndKeepsTheRest() throws {
        let first = try thread("a", "b<a", "c")
        let later = try thread("a", "b<a", "d<b", "c", "e")
        let visit = secondVisit(first: try thread("a", "b<a"), later: first)
        #expect(newIDs(visit, in: first) == ["c"])
        // The reload put d after b and e at the end: old entries 0, 1, 2 are now 0, 1, 3.
        let carried = visit.carried(to: later, oldToNew: [0, 1, 3])
        #expect(carried.indexCount == later.count)
        #expect(newIDs(carried, in: later) == ["d", "c", "e"])
        #expect(carried.newCount == 3)
    }

    @Test func commentsAddedSinceTheLastVisitAreNew() throws {
        let first = try thread("a", "b<a", "c")
        let later = try thread("a", "b<a", "d<b", "c", "e")
        let visit = secondVisit(first: first, later: later)
        #expect(newIDs(visit, in: later) == ["d", "e"])
        #expect(visit.newCount == 2)
        #expect(visit.newCount(in: 0..<3) == 1)
    }

    /// Issue 23, bug 8: a comment never shown is unread on the next visit, not added (it was there).
    @Test func commentsNeverShownAreUnreadNotAdded() throws {
        let first = try thread("a", "b")
        let identity = ThreadIdentity(article: first.article, path: nil)
        var visit = Visit(discussion: first, identity: identity, stored: nil, now: start)
        visit.shown([0])
        let next = Visit(
            discussion: first, identity: identity, stored: visit.state(now: start), now: start.addingTimeInterval(3600))
        #expect(newIDs(next, in: first) == [])
        #expect(next.newCount == 0)
        #expect(next.unreadCount == 1)
        #expect(next.isUnread(1) && !next.isUnread(0))
    }

    @Test func shownCommentsKeepTheirMarkerUntilTheNextVisit() throws {
        let first = try thread("a")
        let later = try thread("a", "b")
        var visit = secondVisit(first: first, later: later)
        visit.shown(0..<later.count)
        #expect(newIDs(visit, in: later) == ["b"])
        let third = Visit(
            discussion: later, identity: visit.identity, stored: visit.state(now: start.addingTimeInterval(3700)),
            now: start.addingTimeInterval(7200))
        #expect(newIDs(third, in: later) == [])
    }

    @Test func reopeningWithinFiveMinutesKeepsTheMarkers() throws {
        let first = try thread("a")
        let later = try thread("a", "b", "c")
        var visit = secondVisit(first: first, later: later)
        visit.shown(0..<later.count)
        let saved = visit.state(now: start.addingTimeInterval(3700))
        let soon = Visit(
            discussion: later, identity: visit.identity, stored: saved, now: start.addingTimeInterval(3700 + 299))
        #expect(newIDs(soon, in: later) == ["b", "c"])
        let afterwards = Visit(
            discussion: later, identity: visit.identity, stored: saved, now: start.addingTimeInterval(3700 + 301))
        #expect(newIDs(afterwards, in: later) == [])
    }

    @Test func markingReadClearsMarkersNowAndForTheGraceReopen() throws {
        let first = try thread("a")
        let later = try thread("a", "b", "c<b", "d")
        var visit = secondVisit(first: first, later: later)
        visit.markRead(1..<3)
        #expect(newIDs(visit, in: later) == ["d"])
        #expect(visit.newCount == 1)
        let soon = Visit(
            discussion: later, identity: visit.identity, stored: visit.state(now: start.addingTimeInterval(3601)),
            now: start.addingTimeInterval(3602))
        #expect(newIDs(soon, in: later) == ["d"])
    }

    @Test func nextAndPreviousNewStepThroughMarkers() throws {
        let first = try thread("a", "c")
        let later = try thread("a", "b<a", "c", "d<c")
        let visit = secondVisit(first: first, later: later)
        #expect(visit.nextNew(after: nil) == 1)
        #expect(visit.nextNew(after: 1) == 3)
        #expect(visit.nextNew(after: 3) == nil)
        #expect(visit.previousNew(before: 3) == 1)
        #expect(visit.previousNew(before: 1) == nil)
        #expect(visit.previousNew(before: nil) == 3)
    }

    @Test func resumeFollowsCommentIdsNotRows() throws {
        let first = try thread("a", "b<a", "c", "d<c")
        let identity = ThreadIdentity(article: first.article, path: nil)
        var visit = Visit(discussion: first, identity: identity, stored: nil, now: start)
        visit.position(selected: 3, row: 7, folded: [0])
        // Two comments arrive before the selected one, and the folded one moves down.
        let later = try thread("z", "a", "y<a", "b<a", "c", "d<c")
        let next = Visit(
            discussion: later, identity: identity, stored: visit.state(now: start), now: start.addingTimeInterval(900))
        #expect(next.resume() == Resume(selected: 5, row: 7, folded: [1]))
        #expect(ids([5, 1], in: later) == ["d", "a"])
    }

    @Test func resumeStartsAtTheTopWhenTheSelectedCommentIsGone() throws {
        let first = try thread("a", "b")
        let identity = ThreadIdentity(article: first.article, path: nil)
        var visit = Visit(discussion: first, identity: identity, stored: nil, now: start)
        visit.position(selected: 1, row: 12, folded: [])
        let later = try thread("a")
        let next = Visit(discussion: later, identity: identity, stored: visit.state(now: start), now: start)
        #expect(next.resume() == Resume(selected: nil, row: 0, folded: []))
    }

    @Test func marksFollowTheirCommentAndOnlyLetters() throws {
        let first = try thread("a", "b", "c")
        let identity = ThreadIdentity(article: first.article, path: nil)
        var visit = Visit(discussion: first, identity: identity, stored: nil, now: start)
        let accepted = [
            visit.setMark("q", at: 2), visit.setMark("1", at: 0), visit.setMark("é", at: 0), visit.setMark("a", at: 99),
        ]
        #expect(accepted == [true, false, false, false])
        #expect(visit.mark("q") == 2)
        #expect(visit.mark("z") == nil)
        let later = try thread("x", "a", "b", "c")
        let next = Visit(discussion: later, identity: identity, stored: visit.state(now: start), now: start)
        #expect(next.mark("q") == 3)
        #expect(next.markLetters == ["q"])
        #expect(next.changedMarks.isEmpty)
    }

    @Test func commentsWithoutIdsAreNeverNew() throws {
        let json = """
            {"article": {"id": "t", "source": "S", "title": "T"}, "comments": [{"body": "no id"}, {"id": "a"}]}
            """
        let discussion = try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        let empty = ThreadState(title: "T", opened: start, known: SeenSet())
        let visit = Visit(discussion: discussion, identity: identity, stored: empty, now: start)
        #expect(!visit.isNew(0))
        #expect(visit.isNew(1))
    }

    @Test func aSaveBeforeThePositionIsKnownKeepsTheLastOne() throws {
        let discussion = try thread("a", "b", "c")
        let identity = ThreadIdentity(article: discussion.article, path: nil)
        var visit = Visit(discussion: discussion, identity: identity, stored: nil, now: start)
        visit.position(selected: 2, row: 5, folded: [1])
        let next = Visit(discussion: discussion, identity: identity, stored: visit.state(now: start), now: start)
        let again = Visit(discussion: discussion, identity: identity, stored: next.state(now: start), now: start)
        #expect(again.resume() == Resume(selected: 2, row: 5, folded: [1]))
    }
}
