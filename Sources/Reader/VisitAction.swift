/// What the keys about the visit ask for: new comments, read markers, marks and the jump list.
public enum VisitAction: Hashable, Sendable {
    case nextNew, previousNew
    /// Mark read: the selected comment and its replies, its whole thread, or every comment.
    case markSubtreeRead, markThreadRead, markAllRead
    /// `m`: the next letter sets a mark on the selected comment.
    case setMark
    /// `'`: the next letter goes to its mark.
    case goToMark
    /// ctrl-O: back to where the last jump left; and forward again.
    case jumpBack, jumpForward
}
