import CNcursesw
import Reader

/// How each `Tint` looks at a given colour depth: colour pairs and attributes.
///
/// Without a theme, pairs are fixed numbers (1 to 6 the nesting levels, then accent, muted,
/// highlight); with one, the guides', the roles' and the accent's (`TerminalTheme.pair(for:)`).
struct Palette {
    enum Depth: Equatable {
        /// No colour pairs at all; tints become attributes.
        case none
        /// The 8 basic colours.
        case basic
        /// The 256-colour palette.
        case extended
    }

    let depth: Depth
    /// The user's colours by role; nil for tread's built-in look.
    var theme: TerminalTheme?

    init(depth: Depth, theme: TerminalTheme? = nil) {
        self.depth = depth
        self.theme = theme
    }

    /// Number of nesting-level colours before they repeat.
    static let levelCount = 6
    static let accentPair: Int16 = 7
    static let mutedPair: Int16 = 8
    static let highlightPair: Int16 = 9
    static let pairCount = 9

    /// Blue, green, gold, pink, cyan, lavender: distinct, readable on dark and light backgrounds.
    static let extendedLevels: [Int16] = [75, 114, 179, 175, 80, 140]
    static let basicLevels: [Int16] = [
        Int16(COLOR_BLUE), Int16(COLOR_GREEN), Int16(COLOR_YELLOW),
        Int16(COLOR_MAGENTA), Int16(COLOR_CYAN), Int16(COLOR_RED),
    ]

    /// The foreground and background of every pair, in pair order (-1 is the terminal's own colour).
    var pairColors: [(foreground: Int16, background: Int16)] {
        if let theme, depth != .none {
            let background = fitted(theme.background)
            return (theme.guides + theme.roles).map { (fitted($0.color), background) }
        }
        switch depth {
        case .none:
            return []
        case .basic:
            return Self.basicLevels.map { ($0, -1) } + [
                (Int16(COLOR_CYAN), -1),
                (-1, -1),
                (Int16(COLOR_BLACK), Int16(COLOR_YELLOW)),
            ]
        case .extended:
            return Self.extendedLevels.map { ($0, -1) } + [(214, -1), (244, -1), (16, 220)]
        }
    }

    /// Starts colour and defines the pairs; call once, after the screen is open.
    func install() {
        guard depth != .none else { return }
        start_color()
        use_default_colors()
        // A preset's screen colours: what pair 0 (every cell without a colour of its own, the blank
        // screen included) is drawn in.
        if let theme, theme.foreground >= 0 || theme.background >= 0 {
            assume_default_colors(Int32(fitted(theme.foreground)), Int32(fitted(theme.background)))
        }
        for (index, pair) in pairColors.enumerated() {
            init_pair(Int16(index + 1), pair.foreground, pair.background)
        }
    }

    /// The attributes and colour pair that draw `style`; the selected comment's header takes the
    /// `selection` role over them.
    func attributes(for style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        var (attributes, pair) = ownAttributes(for: style)
        guard style.selected else { return (attributes, pair) }
        guard let theme else { return (attributes | nc_a_reverse(), pair) }
        let role = theme.selection
        if role.bold { attributes |= nc_a_bold() }
        if role.dim { attributes |= nc_a_dim() }
        if role.reverse { attributes |= nc_a_reverse() }
        if role.underline { attributes |= nc_a_underline() }
        if depth != .none, fitted(role.color) >= 0 {
            pair = theme.pair(for: .selection) ?? pair
        } else if !(role.bold || role.dim || role.reverse || role.underline) {
            // A colour this terminal cannot show, and no attribute: the selection must still be seen.
            attributes |= nc_a_reverse()
        }
        return (attributes, pair)
    }

    /// Whether `style` draws as `werase` leaves a cell: no attribute, the terminal's own colours.
    func isErased(_ style: CellStyle) -> Bool {
        let (attributes, pair) = self.attributes(for: style)
        return attributes == nc_a_normal() && pair == 0
    }

    /// The look of `style` by its tint and attributes, the selection aside.
    private func ownAttributes(for style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        var attributes = nc_a_normal()
        if let theme, style.tint == .selection {
            // The bar takes the selection's colour only: reverse video would make it a block.
            attributes |= nc_a_bold()
            if depth != .none, fitted(theme.selection.color) >= 0 {
                return (attributes, theme.pair(for: .selection) ?? 0)
            }
            let (pair, extra) = tint(.accent)
            return (attributes | extra, pair)
        }
        if let theme, let role = theme.role(for: style.tint) {
            if style.bold || role.bold { attributes |= nc_a_bold() }
            if style.dim || role.dim { attributes |= nc_a_dim() }
            if style.reverse || role.reverse { attributes |= nc_a_reverse() }
            if style.underline || role.underline { attributes |= nc_a_underline() }
            if style.italic { attributes |= nc_a_italic() }
            // Without colours a search hit must still stand out.
            if depth == .none, style.tint == .highlight { attributes |= nc_a_reverse() }
            let pair = depth == .none || role.color < 0 ? 0 : theme.pair(for: style.tint) ?? 0
            return (attributes, pair)
        }
        if style.bold { attributes |= nc_a_bold() }
        if style.dim { attributes |= nc_a_dim() }
        if style.reverse { attributes |= nc_a_reverse() }
        if style.underline { attributes |= nc_a_underline() }
        if style.italic { attributes |= nc_a_italic() }
        let (pair, extra) = tint(style.tint)
        return (attributes | extra, pair)
    }

    /// A theme colour the terminal can show: the basic eight take bright colours as their twins,
    /// a preset's 256-colour ones as the twins it names, and lose the others to the terminal's own colour.
    func fitted(_ color: Int16) -> Int16 {
        guard color >= 0 else { return -1 }
        if depth == .basic { return color < 16 ? color % 8 : theme?.basicTwins[color] ?? -1 }
        return color
    }

    private func tint(_ tint: Tint) -> (pair: Int16, attributes: attr_t) {
        switch (depth, tint) {
        case (_, .author): return (0, nc_a_bold())
        case (_, .op), (_, .new): return self.tint(.accent)
        case (_, .quote): return self.tint(.muted)
        case (_, .code), (_, .selection): return self.tint(.accent)
        case (_, .link): return (0, nc_a_underline())
        case (_, .plain):
            return (0, nc_a_normal())
        case (.none, .level):
            return (0, nc_a_normal())
        case (.none, .accent):
            return (0, nc_a_bold())
        case (.none, .muted):
            return (0, nc_a_dim())
        case (.none, .highlight):
            return (0, nc_a_reverse())
        case (_, .level(let n)):
            let index = ((n % Self.levelCount) + Self.levelCount) % Self.levelCount
            return (Int16(index + 1), nc_a_normal())
        case (_, .accent):
            // With a theme, the pairs are the theme's: the accent (borders, headings, the map), which no
            // role sets, is the terminal's own colour, bold, as the theme's default look is.
            return (theme == nil ? Self.accentPair : 0, nc_a_bold())
        case (.basic, .muted):
            // Eight colours have no grey; dim is the closest.
            return (0, nc_a_dim())
        case (_, .muted):
            return (Self.mutedPair, nc_a_normal())
        case (_, .highlight):
            return (Self.highlightPair, nc_a_normal())
        }
    }
}
