/// A key press, as the terminal decodes it; the keymap turns it into an action.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// ctrl plus a letter, given in lower case: ctrl-n is `.control("n")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backspace, escape
    case function(Int)
}

/// A mouse event, in screen cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}
