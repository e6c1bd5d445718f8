import ThreadModel

/// The order the reader shows the comments in, and the sort it asked for.
///
/// The discussion on screen is kept in the order shown (every index, fold, mark, search hit and jump
/// is of that order), so `J`, `]`, `n` and the overview follow it with nothing else to know. Sorting
/// runs beside the reader (`Command.sortComments`), and only when nothing else holds indices of the
/// discussion on screen: not while a fetch merges into it, nor before the visit (built by index) arrives.
public struct Ordering: Sendable {
    /// The order asked for last: the config's on opening, then what `s` chose.
    public internal(set) var wanted: CommentOrder
    /// The order the discussion on screen is in.
    public internal(set) var shown = CommentOrder.best
    /// Each entry's place in the data's order, while the discussion is in another; nil when in it.
    var ranks: [Int32]?
    /// The orders the document has the data for, once a sort found out.
    public internal(set) var available: [CommentOrder]?
    /// The orders to try, first available wins, for the sort to ask for next; nil when none is due.
    var due: [CommentOrder]?
    /// The sort running beside the reader.
    var running: SortRequest?
    /// How many sorts were asked for, to number the next: an answer to any but the last is dropped.
    var count = 0
    /// A visit was asked for and has not come: it comes by index of the discussion as it was, so the
    /// sort waits for it.
    var awaitingVisit = false
    /// The sort due was asked for by `s`: its outcome is said on the status line (a sort after a merge
    /// leaves the merge's "3 new comments" there).
    var announce = false
    /// The sort is the config's, on opening: once done, the first comment in the new order is selected.
    var opening = false

    init(wanted: CommentOrder) {
        self.wanted = wanted
        if wanted != .best {
            due = [wanted]
            opening = true
        }
    }

    /// What the status line says about the order: "sorted: new", "sorting: top…" (asked for, not done
    /// yet); nil in the data's order.
    public var status: String? {
        // Asked for and not done yet: running, or waiting for the visit, a fetch or the whole document.
        if let first = running?.candidates.first ?? due?.first {
            return "sorting: \(first.name)…"
        }
        return shown == .best ? nil : "sorted: \(shown.name)"
    }

    /// The orders `s` tries next, after `current`, in the cycle best → top → new → old; those the document
    /// is known to lack are left out.
    func cycle(after current: CommentOrder) -> [CommentOrder] {
        var candidates: [CommentOrder] = []
        var order = current.next
        while order != current {
            if available?.contains(order) ?? true { candidates.append(order) }
            order = order.next
        }
        return candidates
    }

    /// A sort asked for but dropped before it started (the preview's, replayed on the whole document):
    /// due again.
    mutating func askAgain() {
        if let running {
            due = due ?? running.candidates
            self.running = nil
        }
    }
}

/// A sort for the runtime to run beside the reader: the discussion on screen, the orders to try.
public struct SortRequest: Sendable {
    let number: Int
    public let discussion: Discussion
    /// Tried in turn: the first the document has the data for is the one sorted by.
    public let candidates: [CommentOrder]
    let ranks: [Int32]?

    /// Does the work (a second at a million comments; run it off the reader's thread): the answer for `update`.
    public func run() -> Message {
        let available = discussion.availableOrders
        let order = candidates.first { available.contains($0) }
        return .sorted(
            SortOutcome(
                number: number, from: discussion, candidates: candidates, available: available,
                sorted: order.map { discussion.sorted(by: $0, ranks: ranks) }))
    }
}

/// What a sort found: the discussion in its new order, or nil when the document has none of the
/// orders asked for.
public struct SortOutcome: Sendable {
    let number: Int
    /// The discussion sorted: the answer is dropped when the one on screen is no longer it.
    let from: Discussion
    let candidates: [CommentOrder]
    let available: [CommentOrder]
    let sorted: SortedDiscussion?
}
