/// Word wrapping and truncation of single lines, measured in terminal columns.
public enum Wrapper {
    /// Wraps one logical line to `width` columns (a width below 1 counts as 1).
    ///
    /// The text is sanitised first, and a "\n" in it counts as a space. Lines break at runs of
    /// spaces, which are dropped at the break (spaces at the start are kept while they fit, spaces
    /// at the end are dropped), and around wide characters, so CJK without spaces wraps as well.
    /// A word longer than a line fills the rest of the current line and is then cut between
    /// clusters. Continuation lines start with `hangingIndent` spaces, clamped so at least one
    /// column of text remains. A grapheme cluster is never split, a wide character never straddles
    /// the edge (one that cannot fit even a one-column line is shown as "…"), and clusters that
    /// draw nothing are dropped. Never returns an empty array: empty input gives one empty line.
    public static func wrap(_ line: String, width: Int, hangingIndent: Int = 0) -> [WrappedLine] {
        let lines = LineBreaker.lines(
            of: Sanitizer.sanitize(line), width: width, hangingIndent: hangingIndent)
        return lines.map { line in
            guard line.indent > 0 else { return WrappedLine(text: line.text, width: line.width) }
            return WrappedLine(
                text: String(repeating: " ", count: line.indent) + line.text,
                width: line.indent + line.width)
        }
    }

    /// Cuts text to at most `width` columns, ending with "…" when it was cut (the ellipsis
    /// counts in the width); a width below 1 gives "".
    ///
    /// The text is sanitised and made one line ("\n" becomes a space); clusters that draw nothing
    /// are dropped, and spaces left before the ellipsis are trimmed. Stops reading at the cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var result = ""
        var columns = 0
        // How many bytes of `result` leave room for the ellipsis (an offset, as appending
        // invalidates indices).
        var cutLength = 0
        for character in Sanitizer.sanitize(text) {
            let cluster: String
            let clusterColumns: Int
            if character == "\n" {
                (cluster, clusterColumns) = (" ", 1)
            } else if let (prepared, preparedColumns) = LineBreaker.prepared(character) {
                (cluster, clusterColumns) = (prepared, preparedColumns)
            } else {
                continue
            }
            if columns + clusterColumns > width {
                var cut = String(decoding: result.utf8.prefix(cutLength), as: UTF8.self)
                while cut.last == " " { cut.removeLast() }
                return cut + LineBreaker.tooWide
            }
            result += cluster
            columns += clusterColumns
            if columns <= width - 1 { cutLength = result.utf8.count }
        }
        return result
    }

    /// The end of one-line `text` in at most `width` columns, starting with "…" when its start was
    /// cut (the ellipsis counts in the width): a prompt's text, whose cursor is at its end. Reads
    /// from the end and stops at the cut; a width below 1 gives "".
    public static func truncateLeading(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var kept: [Character] = []
        var columns = 0
        for character in text.reversed() {
            columns += TextWidth.of(character)
            if columns > width {
                // Cut: make room for the ellipsis.
                var room = columns - TextWidth.of(character)
                while room > width - 1, let last = kept.popLast() { room -= TextWidth.of(last) }
                return "…" + String(kept.reversed())
            }
            kept.append(character)
        }
        return text
    }
}
