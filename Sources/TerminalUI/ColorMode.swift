/// How many colours the reader may use.
public enum ColorMode: Sendable {
    /// As many as the terminal has, and none when NO_COLOR is set (https://no-color.org).
    case automatic
    /// No colour at all: bold, dim, reverse and underline only.
    case off
    /// The 8 basic colours, if the terminal has them.
    case basic
    /// The 256-colour palette, if the terminal has it (else the 8 basic colours).
    case palette256

    /// The palette depth this mode gets on a terminal with the given capabilities.
    func depth(noColor: Bool, hasColors: Bool, colors: Int, pairs: Int) -> Palette.Depth {
        let best: Palette.Depth
        if !hasColors || colors < 8 || pairs <= Palette.pairCount {
            best = .none
        } else if colors >= 256 {
            best = .extended
        } else {
            best = .basic
        }
        switch self {
        case .automatic: return noColor ? .none : best
        case .off: return .none
        case .basic: return best == .none ? .none : .basic
        case .palette256: return best
        }
    }

    /// Whether NO_COLOR asks for no colour: present and not empty, as no-color.org specifies.
    static func noColorRequested(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty
    }
}
