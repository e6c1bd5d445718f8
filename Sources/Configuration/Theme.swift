/// The colours of the screen by role. The defaults use the terminal's own palette.
public struct Theme: Equatable, Sendable {
    /// The thread guides' colours, by depth, repeating.
    public var guides: [Style] = [
        Palette16.blue, Palette16.magenta, Palette16.cyan, Palette16.green, Palette16.yellow, Palette16.red,
    ].map { Style(.indexed($0)) }
    public var author = Style(bold: true)
    public var op = Style(.indexed(Palette16.green), bold: true)
    public var quote = Style(dim: true)
    public var code = Style(.indexed(Palette16.cyan))
    public var link = Style(.indexed(Palette16.blue), underline: true)
    public var selection = Style(reverse: true)
    public var searchHit = Style(.indexed(Palette16.black), reverse: true)
    public var new = Style(.indexed(Palette16.yellow), bold: true)
    public var muted = Style(dim: true)
    /// The preset the roles started from (`theme = "dark"`); `.terminal` is the look without a config.
    public var preset = ThemePreset.terminal
    /// The whole screen's background and text colour: the terminal's own unless a preset sets them.
    public var background = Color.terminalDefault
    public var foreground = Color.terminalDefault
    /// A preset's 256-colour indices and their twins among the basic eight, for a terminal with only
    /// those; a colour the config sets itself has none (it keeps the rule `Palette` applies).
    public var basicTwins: [UInt8: UInt8] = [:]

    public init() {}

    /// Roles as the `[theme]` table names them, `guides` apart (it is a list).
    public static let roleNames = [
        "author", "op", "quote", "code", "link", "selection", "search-hit", "new", "muted",
    ]

    /// What each role colours, for `tread config`'s comments.
    public static let roleHelp = [
        "author": "a comment's author",
        "op": "the original poster's name and OP, and the mod, admin and staff labels",
        "quote": "quoted lines",
        "code": "code blocks",
        "link": "links and their numbers",
        "selection": "the selected comment: its header in this style, the bar beside its text in this colour",
        "search-hit": "search matches",
        "new": "comments new since the last visit",
        "muted": "dates and scores, quote marks, deleted comments and placeholders",
    ]

    public subscript(role name: String) -> Style? {
        get {
            switch name {
            case "author": return author
            case "op": return op
            case "quote": return quote
            case "code": return code
            case "link": return link
            case "selection": return selection
            case "search-hit": return searchHit
            case "new": return new
            case "muted": return muted
            default: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch name {
            case "author": author = newValue
            case "op": op = newValue
            case "quote": quote = newValue
            case "code": code = newValue
            case "link": link = newValue
            case "selection": selection = newValue
            case "search-hit": searchHit = newValue
            case "new": new = newValue
            case "muted": muted = newValue
            default: break
            }
        }
    }
}
