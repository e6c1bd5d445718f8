import Reader

/// The screen's colours by role, as the user's config sets them; TerminalUI's own copy, so it
/// never imports Configuration (`tread` converts one to the other).
public struct TerminalTheme: Equatable, Sendable {
    /// One role's look: a colour (a 0–255 palette index, or -1 for the terminal's own) and attributes.
    public struct Role: Equatable, Sendable {
        public var color: Int16
        public var bold: Bool
        public var underline: Bool
        public var reverse: Bool
        public var dim: Bool

        public init(
            color: Int16 = -1, bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
        ) {
            self.color = color
            self.bold = bold
            self.underline = underline
            self.reverse = reverse
            self.dim = dim
        }
    }

    /// The guides' colours by depth, repeating; never empty, at most 16 (so the pairs fit an 8-colour terminal's 64).
    public var guides: [Role]
    public var author: Role
    public var op: Role
    public var quote: Role
    public var code: Role
    public var link: Role
    /// The selected comment: its header takes the attributes, and the colour when there is one;
    /// the bar beside its text takes the colour. The default, reverse video, is tread's look without a theme.
    public var selection: Role
    public var searchHit: Role
    public var new: Role
    public var muted: Role
    /// The whole screen's text colour and background (a preset's); -1 is the terminal's own.
    public var foreground: Int16 = -1
    public var background: Int16 = -1
    /// Twins among the basic eight of the 256-colour indices a preset uses, for a terminal with only those.
    public var basicTwins: [Int16: Int16] = [:]

    public init(
        guides: [Role], author: Role, op: Role, quote: Role, code: Role, link: Role,
        selection: Role = Role(reverse: true), searchHit: Role, new: Role, muted: Role
    ) {
        self.guides = guides.isEmpty ? [Role()] : Array(guides.prefix(16))
        self.author = author
        self.op = op
        self.quote = quote
        self.code = code
        self.link = link
        self.selection = selection
        self.searchHit = searchHit
        self.new = new
        self.muted = muted
    }

    /// The role that draws `tint`, when the theme has one.
    func role(for tint: Tint) -> Role? {
        switch tint {
        case .plain, .accent: return nil
        case .level(let n):
            let count = guides.count
            return guides[((n % count) + count) % count]
        case .selection: return selection
        case .author: return author
        case .op: return op
        case .quote: return quote
        case .code: return code
        case .link: return link
        case .highlight: return searchHit
        case .new: return new
        case .muted: return muted
        }
    }

    /// Every role with a colour pair of its own, in pair order after the guides.
    var roles: [Role] { [author, op, quote, code, link, searchHit, new, muted, selection] }

    /// The pair number of a tint's role (guides first, from 1), or nil for the terminal's colours.
    func pair(for tint: Tint) -> Int16? {
        let base = Int16(guides.count)
        switch tint {
        case .plain, .accent: return nil
        case .level(let n):
            let count = guides.count
            return Int16(((n % count) + count) % count) + 1
        case .author: return base + 1
        case .op: return base + 2
        case .quote: return base + 3
        case .code: return base + 4
        case .link: return base + 5
        case .highlight: return base + 6
        case .new: return base + 7
        case .muted: return base + 8
        case .selection: return base + 9
        }
    }
}
