import Foundation
import Reader
import ReadingState
import ThreadModel
import ThreadTestSupport

/// The thread as first read: two threads, one reply.
let firstThread = """
    a: first
      a1: reply to a
    b: second
    """

/// The same thread saved again later: a2, a2x and c arrived.
let laterThread = """
    a: first
      a1: reply to a
      a2: new reply
        a2x: newer still
    b: second
    c: new thread
    """

/// When the first visit happened; the second comes an hour later, past the five-minute grace.
let firstVisitTime = Date(timeIntervalSince1970: 1_800_000_000)

/// What the store would hold after `reader` was quit at `firstVisitTime`.
func savedState(of reader: ReaderState) -> ThreadState? {
    reader.visitToSave(layout: LayoutCache())?.state(now: firstVisitTime)
}

/// A reader whose visit is its first to the thread (nothing new), as the loop starts it.
func firstReader(
    _ outline: String = firstThread, rows: Int = 30, columns: Int = 60, source: ThreadSource? = nil
) -> ReaderState {
    let discussion = discussion(outline)
    var state = ReaderState(discussion: discussion, rows: rows, columns: columns, source: source)
    let visit = Visit(
        discussion: discussion, identity: ThreadIdentity(key: "test", site: nil), stored: nil, now: firstVisitTime)
    state.update(.visitReady(visit))
    return state
}

/// A reader on `outline` returning an hour after a visit that left `stored`.
func returningReader(
    _ outline: String = laterThread, after stored: ThreadState?, rows: Int = 30, columns: Int = 60,
    options: ReaderOptions = ReaderOptions()
) -> ReaderState {
    let discussion = discussion(outline)
    var state = ReaderState(discussion: discussion, rows: rows, columns: columns, options: options)
    state.update(.visitReady(returningVisit(discussion, after: stored)))
    return state
}

func returningVisit(_ discussion: Discussion, after stored: ThreadState?) -> Visit {
    Visit(
        discussion: discussion, identity: ThreadIdentity(key: "test", site: nil), stored: stored,
        now: firstVisitTime.addingTimeInterval(3600))
}

/// A reader on `laterThread` after a first visit that showed all of `firstThread`.
func readerWithNews(rows: Int = 30, columns: Int = 60, options: ReaderOptions = ReaderOptions()) -> ReaderState {
    returningReader(after: savedState(of: firstReader()), rows: rows, columns: columns, options: options)
}

extension ReaderState {
    /// The names of the comments marked new on screen, top first.
    var markedNames: [String] {
        pageText.split(separator: "\n").compactMap { line in
            guard let marker = line.range(of: " ●") else { return nil }
            return line[..<marker.lowerBound].split(separator: " ").last.map(String.init)
        }
    }
}
