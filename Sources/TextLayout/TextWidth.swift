/// The display width of text, as ncurses will draw it.
///
/// ncurses advances the cursor by glibc's `wcwidth` of each scalar it is given, and terminals
/// draw most scalars with the same width; where they disagree (joined emoji, variation selectors)
/// `Sanitizer.drawable` leaves the troublesome scalars out. The width of a cluster is the width of
/// what `drawable` keeps, so layout and drawing agree cell for cell.
public enum TextWidth {
    /// Columns one grapheme cluster occupies once drawn (0, 1 or 2): the width of
    /// `Sanitizer.drawable(character)`.
    ///
    /// 0 means the cluster draws nothing (only invisible characters); layout drops it.
    @inline(__always)
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return Sanitizer.walkDrawable(character) { _ in }
    }

    /// Columns a string occupies once drawn (the sum over its characters).
    ///
    /// Printable ASCII is counted a byte at a time; the first other byte hands the rest of the
    /// string to the cluster-by-cluster count.
    public static func of<S: StringProtocol>(_ string: S) -> Int {
        let utf8 = string.utf8
        var columns = 0
        var index = utf8.startIndex
        var previous = index
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x20 || byte >= 0x7F { break }
            columns += 1
            previous = index
            utf8.formIndex(after: &index)
        }
        guard index != utf8.endIndex else { return columns }
        // A combining mark joins the character before it, so restart one ASCII byte early.
        if index != utf8.startIndex {
            columns -= 1
            index = previous
        }
        for character in string[index...] { columns += of(character) }
        return columns
    }
}
