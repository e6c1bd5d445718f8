/// The display width of text, as ncurses will draw it.
///
/// Placeholder implementation; the real table lands with the TextLayout work.
public enum TextWidth {
    /// Columns one grapheme cluster occupies once drawn (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.isEmojiPresentation { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return 2
        default:
            return 1
        }
    }

    /// Columns a whole string occupies once drawn.
    public static func of<S: StringProtocol>(_ string: S) -> Int {
        var total = 0
        for character in string { total += of(character) }
        return total
    }
}
