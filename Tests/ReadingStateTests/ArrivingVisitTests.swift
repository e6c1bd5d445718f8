import Foundation
import Testing
import ThreadModel

@testable import ReadingState

/// A thread opened on its first part: the comments that arrive after are not news, they are the
/// rest of what was opened, and are new only as they would have been had they been there at once.
@Suite struct ArrivingVisitTests {
    @Test func theRestOfAThreadIsNotNewOnAFirstVisit() throws {
        let part = try thread("a")
        let whole = try thread("a", "b<a", "c")
        let visit = Visit(
            discussion: part, identity: ThreadIdentity(article: part.article, path: nil), stored: nil, now: start)
        let carried = visit.carried(to: whole, oldToNew: [0], arriving: true)
        #expect(newIDs(carried, in: whole) == [])
        #expect(carried.newCount == 0)
    }

    @Test func theRestOfAThreadIsNewOnlyWhereTheLastVisitDidNotSeeIt() throws {
        let seen = try thread("a", "b<a")
        let identity = ThreadIdentity(article: seen.article, path: nil)
        var first = Visit(discussion: seen, identity: identity, stored: nil, now: start)
        first.shown(0..<seen.count)
        let saved = first.state(now: start.addingTimeInterval(60))
        let part = try thread("a")
        let visit = Visit(discussion: part, identity: identity, stored: saved, now: start.addingTimeInterval(3600))
        let carried = visit.carried(to: try thread("a", "b<a", "c"), oldToNew: [0], arriving: true)
        #expect(newIDs(carried, in: try thread("a", "b<a", "c")) == ["c"])
    }

    @Test func aReloadStillMarksEverythingItBrings() throws {
        let part = try thread("a")
        let whole = try thread("a", "b<a")
        let visit = Visit(
            discussion: part, identity: ThreadIdentity(article: part.article, path: nil), stored: nil, now: start)
        #expect(newIDs(visit.carried(to: whole, oldToNew: [0]), in: whole) == ["b"])
    }
}
