import ReadingState
import ThreadModel

/// What the reader keeps of the visit to its thread: new markers, marks and the jump list.
///
/// A plain value inside `ReaderState`, changed only by `update`; the event loop builds the `Visit`
/// (from the store, or a blank one with `--no-state`) and saves what `ReaderState.visitToSave` gives.
public struct VisitTracking: Sendable {
    /// Which letter prompt `m` or `'` opened.
    enum MarkPrompt: Equatable, Sendable {
        case set
        case go
    }

    /// The visit, once it is built; nil while a big thread's first screen is up without it.
    public internal(set) var visit: Visit?
    /// Comments the reader left by a jump, by index, for ctrl-O and its forward key.
    public internal(set) var jumps = JumpList<Int>()
    var markPrompt: MarkPrompt?
    /// Set by the first key, click or resize: a visit arriving later must not move the reader away.
    var touched = false

    public init() {}
}

/// What the rule under the article says of a visit after the first: "34 added · 290 unread".
public struct VisitCounts: Hashable, Sendable {
    /// Comments still marked as added since the last visit; nil when the last visit did not keep the ids
    /// it knew (a store written before schema v3), where saying "0 added" could be wrong.
    public var added: Int?
    /// Comments never on screen, in any visit.
    public var unread: Int

    public init(added: Int?, unread: Int) {
        self.added = added
        self.unread = unread
    }

    /// What the rule shows of a visit; nil on a first visit, where nothing was added and everything is unread.
    init?(_ visit: Visit?) {
        guard let visit, visit.loaded != nil else { return nil }
        self.init(added: visit.knowsAdded ? visit.newCount : nil, unread: visit.unreadCount)
    }

    /// "34 added · 290 unread", or "290 unread" when what was added is not known; numbers grouped.
    public var text: String {
        let unread = "\(CountText.grouped(self.unread)) unread"
        guard let added else { return unread }
        return "\(CountText.grouped(added)) added · \(unread)"
    }
}

/// How the reader shows that a comment is new: a `●`, or the word `new` where colours are off
/// (a `●` then looks too much like the `•` of a comment without replies).
public enum NewMarkerStyle: Sendable {
    case dot
    case word
}

/// What a comment's header says about new comments: its own marker and its hidden replies'.
struct Novelty: Sendable {
    var isNew: Bool
    /// New comments among the replies a fold hides.
    var hiddenNew: Int
    var style: NewMarkerStyle
}
