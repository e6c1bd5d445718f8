import ReadingState

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
