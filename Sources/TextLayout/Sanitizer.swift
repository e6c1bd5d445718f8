/// Makes text from strangers safe to put on a terminal.
///
/// Two layers: `sanitize` rewrites a whole string (line ends, tabs, controls, bidi and
/// invisible characters), and `drawable` reduces one grapheme cluster to the scalars ncurses can
/// size the way the terminal draws them. `TextWidth` is defined by `drawable`.
public enum Sanitizer {
    /// Columns a tab becomes. A fixed count rather than tab stops: the column a tab starts at is
    /// not known until layout, and a fixed count keeps `sanitize` a simple scalar rewrite.
    public static let tabWidth = 4

    /// Makes untrusted text safe to draw, keeping everything that is safe as it was.
    ///
    /// - Line ends: CR LF and a lone CR become "\n"; so do U+2028 and U+2029 (line and
    ///   paragraph separators, which `wcwidth` cannot size).
    /// - A tab becomes `tabWidth` (4) spaces.
    /// - C0 controls other than "\n" become their Control Pictures (U+2400 + code, so ESC is ␛),
    ///   DEL becomes ␡ (U+2421), and C1 controls (U+0080–U+009F) become U+FFFD, as the
    ///   Control Pictures block has nothing for them. ESC sequences are thus shown, not obeyed.
    /// - Removed: bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
    ///   U+200E, U+200F, U+061C), the deprecated format controls U+206A–U+206F, zero-width
    ///   space and non-joiner (U+200B, U+200C), the zero-width joiner except right after an emoji
    ///   (where it forms a sequence `drawable` knows how to cut), word joiner and invisible
    ///   operators (U+2060–U+2064), BOM (U+FEFF) and soft hyphen (U+00AD).
    ///
    /// Runs in one pass, O(n); text that needs no change is returned as is, without copying.
    public static func sanitize(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var output = ""
        var changed = false
        var copyStart = scalars.startIndex
        var index = scalars.startIndex
        var previous: Unicode.Scalar = "\0"
        while index < end {
            let scalar = scalars[index]
            var after = scalars.index(after: index)
            if let change = change(for: scalar, after: previous) {
                if !changed {
                    output.reserveCapacity(text.utf8.count + 16)
                    changed = true
                }
                output.append(contentsOf: Substring(scalars[copyStart..<index]))
                output.append(contentsOf: change)
                if scalar == "\r", after < end, scalars[after] == "\n" {
                    after = scalars.index(after: after)
                }
                copyStart = after
            }
            previous = scalar
            index = after
        }
        guard changed else { return text }
        output.append(contentsOf: Substring(scalars[copyStart..<end]))
        return output
    }

    /// The scalars to hand ncurses for one grapheme cluster, such that glibc's `wcwidth` summed
    /// over them equals `TextWidth.of(character)`.
    ///
    /// Keeps the base scalar and up to four combining marks on it; drops a ZWJ and all joined
    /// after it (so "👨‍👩‍👧" draws as "👨"), variation selectors (so "❤️" draws as "❤", one column),
    /// skin-tone modifiers and format characters; keeps both regional indicators of a flag
    /// (one column each). A cluster that starts with a combining mark is drawn on a dotted circle
    /// U+25CC; one of only invisible characters gives "" (width 0). Controls give their
    /// placeholder as `sanitize` would (a newline gives ␊), and scalars glibc cannot size give U+FFFD.
    public static func drawable(_ character: Character) -> String {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
            return String(character)
        }
        var scalars = String.UnicodeScalarView()
        _ = walkDrawable(character) { scalars.append($0) }
        return String(scalars)
    }

    /// What replaces `scalar` in sanitised text, or nil to keep it.
    @inline(__always)
    private static func change(for scalar: Unicode.Scalar, after previous: Unicode.Scalar)
        -> String?
    {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return nil }
        if value < 0xA0 {
            switch value {
            case 0x0A: return nil
            case 0x0D: return "\n"
            case 0x09: return String(repeating: " ", count: tabWidth)
            default: return String(Character(placeholder(forControl: scalar)))
            }
        }
        switch value {
        case 0xAD, 0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064,
            0x2066...0x206F, 0xFEFF:
            return ""
        case 0x200D:
            return continuesEmoji(previous) ? nil : ""
        case 0x2028, 0x2029:
            return "\n"
        default:
            return nil
        }
    }

    /// Whether a ZWJ after `previous` may be joining an emoji sequence ("👨‍👩‍👧", "🏳️‍🌈").
    private static func continuesEmoji(_ previous: Unicode.Scalar) -> Bool {
        let value = previous.value
        // ASCII digits, "#" and "*" count as emoji (keycap bases) but never start a ZWJ sequence.
        if value < 0x80 { return false }
        if value == 0xFE0F || (0xE0020...0xE007F).contains(value) { return true }
        return previous.properties.isEmoji
    }
}
