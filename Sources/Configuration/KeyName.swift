/// A key, as the terminal decodes it and a config file names it: `j`, `ctrl-d`, `Down`, `PageDown`,
/// `Space`, `Enter`, `Esc`, `F1`.
///
/// The reader's `Key` is this type, so a name in config.toml is a key with no mirror type to translate
/// through; this module still never imports the reader.
public enum KeyName: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    /// ctrl plus a letter, lower case.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backspace, escape
    case function(Int)

    private static let named: [(String, KeyName)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PageUp", .pageUp),
        ("PageDown", .pageDown), ("Home", .home), ("End", .end), ("Enter", .enter), ("Tab", .tab),
        ("Backspace", .backspace), ("Esc", .escape), ("Space", .character(" ")),
    ]

    /// What the error message lists as valid key names.
    public static let expectedForm =
        "a single character, ctrl-<letter>, F1–F12, or one of Up Down Left Right PageUp PageDown Home End "
        + "Enter Tab Backspace Esc Space"

    /// Parses a key name; nil when it names no key. Named keys ignore case, single characters keep it.
    public init?(parsing text: String) {
        if text.count == 1, let c = text.first {
            guard !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                return nil
            }
            self = .character(c)
            return
        }
        let lower = text.lowercased()
        if let match = Self.named.first(where: { $0.0.lowercased() == lower }) {
            self = match.1
        } else if lower == "escape" || lower == "return" {
            self = lower == "escape" ? .escape : .enter
        } else if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isASCII, c.isLetter {
            self = .control(c)
        } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n),
            !lower.dropFirst().hasPrefix("0")
        {
            self = .function(n)
        } else {
            return nil
        }
    }

    /// The name as a config file writes it; parsing it gives the same key back.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "ctrl-\(c)"
        case .function(let n): return "F\(n)"
        default: return Self.named.first { $0.1 == self }?.0 ?? "?"
        }
    }
}

/// One action the reader can bind: its name in the config file and the keys it has by default.
///
/// The reader hands the whole list to `Preferences.load`, so this module never knows its `Action` type.
public struct BindableAction: Equatable, Sendable {
    public var name: String
    public var defaultKeys: [KeyName]
    /// One line for the comment above it in `tread config`.
    public var help: String
    /// The heading `tread config` writes above a run of actions of one group; empty for none.
    public var group: String

    public init(name: String, defaultKeys: [KeyName], help: String = "", group: String = "") {
        self.name = name
        self.defaultKeys = defaultKeys
        self.help = help
        self.group = group
    }
}
