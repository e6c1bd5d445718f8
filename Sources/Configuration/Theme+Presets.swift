/// The theme presets `theme = "…"` names: the terminal's own colours, or colours chosen for a dark or a
/// light background, which they then also set for the whole screen.
public enum ThemePreset: String, CaseIterable, Equatable, Sendable {
    /// The terminal's own foreground and background, and tread's roles over them: the look without a config.
    case terminal
    /// Light text on a near-black background.
    case dark
    /// Dark text on a near-white background.
    case light

    public static let expectedForm = "\"terminal\", \"dark\" or \"light\""
}

extension Theme {
    /// The theme a preset starts from; the config's `[theme]` roles then override single roles.
    ///
    /// `dark` and `light` use the 256-colour palette (whose colours 16–255 are the same in every
    /// terminal, unlike the basic sixteen a terminal's own scheme redefines), set the screen's
    /// background and text colour, and name each colour's twin among the basic eight for a terminal
    /// with only those. Grey quotes and muted text have no twin: they take the preset's text colour.
    public init(preset: ThemePreset) {
        self.init()
        self.preset = preset
        func color(_ index: UInt8) -> Style { Style(.indexed(index)) }
        switch preset {
        case .terminal:
            return
        case .dark:
            background = .indexed(234)
            foreground = .indexed(252)
            guides = [75, 176, 80, 114, 179, 203].map(color)
            author = Style(.indexed(255), bold: true)
            op = Style(.indexed(114), bold: true)
            quote = color(246)
            code = color(109)
            link = Style(.indexed(75), underline: true)
            searchHit = Style(.indexed(220), reverse: true)
            new = Style(.indexed(214), bold: true)
            muted = color(244)
            basicTwins = [
                234: 0, 252: 7, 255: 7, 75: 4, 176: 5, 80: 6, 114: 2, 179: 3, 203: 1, 109: 6, 220: 3, 214: 3,
            ]
        case .light:
            background = .indexed(255)
            foreground = .indexed(236)
            guides = [25, 90, 30, 28, 130, 124].map(color)
            author = Style(.indexed(232), bold: true)
            op = Style(.indexed(28), bold: true)
            quote = color(242)
            code = color(24)
            link = Style(.indexed(25), underline: true)
            searchHit = Style(.indexed(31), reverse: true)
            new = Style(.indexed(166), bold: true)
            muted = color(245)
            basicTwins = [
                255: 7, 236: 0, 232: 0, 25: 4, 90: 5, 30: 6, 28: 2, 130: 3, 124: 1, 24: 4, 31: 6, 166: 1,
            ]
        }
    }
}
