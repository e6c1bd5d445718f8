import Configuration

/// A key press, as the terminal decodes it and config.toml names it (one type: `Configuration.KeyName`);
/// the keymap turns it into an action.
public typealias Key = KeyName

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
