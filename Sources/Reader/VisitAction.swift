/// What the keys about the visit ask for: added and unread comments, read markers, marks and the jump list.
public enum VisitAction: Hashable, Sendable {
    /// `}` and `{`: the comments marked as added since the last visit (config names kept from when they
    /// were called new).
    case nextNew, previousNew
    /// `)` and `(`: comments never on screen.
    case nextUnread, previousUnread
    /// Mark read: the selected comment and its replies, its whole thread, or every comment.
    case markSubtreeRead, markThreadRead, markAllRead
    /// `m`: the next letter sets a mark on the selected comment.
    case setMark
    /// `'`: the next letter goes to its mark.
    case goToMark
    /// ctrl-O: back to where the last jump left; and forward again.
    case jumpBack, jumpForward
}
