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
    public static func of<S: StringProtocol>(_ string: S) -> Int {
        var columns = 0
        var clusters = ClusterCursor(string)
        while let cluster = clusters.next() {
            switch cluster {
            case .ascii: columns += 1
            case .simple(let width, _): columns += width
            case .other(let character): columns += of(character)
            }
        }
        return columns
    }
}
