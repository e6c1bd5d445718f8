import ThreadModel

/// Lays out a comment or article body, per the document format, as display lines.
public enum BodyLayout {
    /// Columns of blank before each code line, so code stands apart from prose even in
    /// plain-text output where there is no colour to mark it.
    public static let codeIndent = 2

    /// Quote levels drawn as bars; a deeper quote draws this many and its level as a number,
    /// as the thread's own depth is capped, so a line's prefix never grows with the input.
    public static let maximumQuoteBars = 8

    /// What the renderer draws before a line at quote `level`: "│ " per level up to
    /// `maximumQuoteBars`, then "[level] " when deeper; "" at level 0.
    public static func quotePrefix(level: Int) -> String {
        let bars = String(repeating: "│ ", count: min(max(0, level), maximumQuoteBars))
        return level > maximumQuoteBars ? bars + "[\(level)] " : bars
    }

    /// Columns `quotePrefix(level:)` takes.
    public static func quotePrefixWidth(level: Int) -> Int {
        level > maximumQuoteBars ? 2 * maximumQuoteBars + String(level).count + 3 : 2 * max(0, level)
    }

    /// Lays out a whole body to `width` columns (a width below 1 counts as 1).
    ///
    /// The body is sanitised, then read line by line in the grammar of `BodyGrammar`:
    /// - a blank line ends a block; the output has one `.blank` between blocks, none at the start
    ///   or end;
    /// - code (4 spaces, also after a quote's markers) is kept verbatim, trailing spaces trimmed,
    ///   indented by `codeIndent` and cut into pieces when too long; inside a quote it keeps its
    ///   `quoteLevel`, so it is drawn as code behind the quote's bars, never re-wrapped;
    /// - other quoted lines lose their markers and one space after each, keep their level, and
    ///   are wrapped to the width left after `quotePrefix(level:)`, which the renderer draws;
    /// - a list item is wrapped with its continuation lines indented under its text, a nested one
    ///   (spaces before its marker) that many columns in; lines that follow it before a blank line
    ///   continue the item at that indent;
    /// - any other line is paragraph text, wrapped; a single "\n" stays a line break.
    /// Every line satisfies `indent + width <= width` (less the quote prefix for quoted lines)
    /// whenever the width allows one column of text.
    public static func lines(of body: String, width: Int) -> [BodyLine] {
        let width = max(1, width)
        var output: [BodyLine] = []
        var blankPending = false
        // The indent under the list item being continued, if any.
        var listIndent: Int?
        let text = Sanitizer.sanitize(body)
        // Split on the byte: after sanitising, "\n" is always a cluster of its own.
        for lineBytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = BodyGrammar.parse(Substring(lineBytes))
            if line.kind == .blank {
                blankPending = !output.isEmpty
                listIndent = nil
                continue
            }
            if blankPending {
                output.append(.blank)
                blankPending = false
            }
            let level = line.quoteLevel
            let room = max(1, width - quotePrefixWidth(level: level))
            // A String of its own: breaking clusters in a Substring of a longer text can cost a
            // scan back to the substring's start per cluster (regional indicators), quadratic in the line.
            let content = String(line.content)
            switch line.kind {
            case .code:
                listIndent = nil
                var code = Substring(content)
                while code.last == " " { code.removeLast() }
                let indent = room > codeIndent ? codeIndent : 0
                for piece in LineBreaker.pieces(of: code, width: room, indent: indent) {
                    output.append(BodyLine(kind: .code, piece, quoteLevel: level))
                }
            case .listItem(let marker) where level > 0:
                listIndent = nil
                for piece in LineBreaker.lines(of: content, width: room, hangingIndent: marker) {
                    output.append(BodyLine(kind: .quote(level: level), piece, quoteLevel: level))
                }
            case .paragraph where level > 0:
                listIndent = nil
                for piece in LineBreaker.lines(of: content, width: room) {
                    output.append(BodyLine(kind: .quote(level: level), piece, quoteLevel: level))
                }
            case .listItem(let marker):
                // A nested item keeps the spaces before its marker (at most 3: 4 make code).
                let nesting = min(lineBytes.count - line.content.utf8.count, BodyGrammar.codeIndent - 1)
                listIndent = nesting + marker
                for piece in LineBreaker.lines(
                    of: content, width: width, firstIndent: nesting, hangingIndent: nesting + marker)
                {
                    output.append(BodyLine(kind: .listItem, piece, quoteLevel: 0))
                }
            case .paragraph, .blank:
                let pieces: [LineBreaker.Line]
                let kind: BodyLine.Kind
                if let indent = listIndent {
                    kind = .listItem
                    pieces = LineBreaker.lines(of: content, width: width, firstIndent: indent, hangingIndent: indent)
                } else {
                    kind = .text
                    pieces = LineBreaker.lines(of: content, width: width)
                }
                for piece in pieces { output.append(BodyLine(kind: kind, piece, quoteLevel: 0)) }
            }
        }
        return output
    }
}

extension BodyLine {
    fileprivate init(kind: Kind, _ line: LineBreaker.Line, quoteLevel: Int) {
        self.init(kind: kind, text: line.text, width: line.width, indent: line.indent, quoteLevel: quoteLevel)
    }
}
