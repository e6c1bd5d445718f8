/// Lays out a comment or article body, per the document format, as display lines.
public enum BodyLayout {
    /// Columns of blank before each code line, so code stands apart from prose even in
    /// plain-text output where there is no colour to mark it.
    public static let codeIndent = 2

    /// Lays out a whole body to `width` columns (a width below 1 counts as 1).
    ///
    /// The body is sanitised, then read line by line:
    /// - a blank line ends a block; the output has one `.blank` between blocks, none at the start
    ///   or end;
    /// - a line indented by 4 spaces (or a tab) is code: the rest of it is kept verbatim, trailing
    ///   spaces trimmed, indented by `codeIndent` and cut into pieces when too long;
    /// - a line starting with ">" is a quote; ">>" or "> >" nests (the level is kept), the markers
    ///   and one space after each are removed, and the text is wrapped to `width - 2 * level`
    ///   columns (at least 1) because the renderer draws "│ " per level;
    /// - a line starting with "- ", "* " or a number and ". " is a list item, wrapped with its
    ///   continuation lines indented under its text; lines that follow it before a blank line
    ///   continue the item at that indent;
    /// - any other line is paragraph text, wrapped; a single "\n" stays a line break.
    /// Up to 3 leading spaces are ignored. Every line satisfies `indent + width <= width` (plus
    /// `2 * level` for quotes) whenever the width allows one column of text.
    public static func lines(of body: String, width: Int) -> [BodyLine] {
        let width = max(1, width)
        var output: [BodyLine] = []
        var blankPending = false
        // The indent under the list item being continued, if any.
        var listIndent: Int?
        let text = Sanitizer.sanitize(body)
        // Split on the byte: after sanitising, "\n" is always a cluster of its own.
        for lineBytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let leading = lineBytes.prefix { $0 == 0x20 }.count
            if leading == lineBytes.count {
                blankPending = !output.isEmpty
                listIndent = nil
                continue
            }
            if blankPending {
                output.append(.blank)
                blankPending = false
            }
            if leading >= 4 {
                listIndent = nil
                var code = Substring(lineBytes.dropFirst(4))
                while code.last == " " { code.removeLast() }
                let indent = width > codeIndent ? codeIndent : 0
                for piece in LineBreaker.pieces(of: code, width: width, indent: indent) {
                    output.append(BodyLine(kind: .code, piece))
                }
                continue
            }
            let content = Substring(lineBytes.dropFirst(leading))
            if content.first == ">" {
                listIndent = nil
                let (level, quoted) = quoteLevel(of: content)
                let marker = listMarkerWidth(of: quoted)
                let lines = LineBreaker.lines(
                    of: quoted, width: max(1, width - 2 * level), hangingIndent: marker ?? 0)
                for line in lines { output.append(BodyLine(kind: .quote(level: level), line)) }
                continue
            }
            let kind: BodyLine.Kind
            let lines: [LineBreaker.Line]
            if let marker = listMarkerWidth(of: content) {
                listIndent = marker
                kind = .listItem
                lines = LineBreaker.lines(of: content, width: width, hangingIndent: marker)
            } else if let indent = listIndent {
                kind = .listItem
                lines = LineBreaker.lines(
                    of: content, width: width, firstIndent: indent, hangingIndent: indent)
            } else {
                kind = .text
                lines = LineBreaker.lines(of: content, width: width)
            }
            for line in lines { output.append(BodyLine(kind: kind, line)) }
        }
        return output
    }

    /// The number of ">" markers that open `line`, and the text after them.
    private static func quoteLevel(of line: Substring) -> (Int, Substring) {
        var level = 0
        var rest = line
        while rest.first == ">" {
            level += 1
            rest = rest.dropFirst()
            if rest.first == " " { rest = rest.dropFirst() }
        }
        return (level, rest)
    }

    /// The columns of the list marker that opens `line` ("- ", "* ", "12. "), or nil.
    private static func listMarkerWidth(of line: Substring) -> Int? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return 2 }
        let digits = line.prefix { $0.isASCII && $0.isNumber }.count
        guard (1...9).contains(digits) else { return nil }
        return line.dropFirst(digits).hasPrefix(". ") ? digits + 2 : nil
    }
}

extension BodyLine {
    fileprivate init(kind: Kind, _ line: LineBreaker.Line) {
        self.init(kind: kind, text: line.text, width: line.width, indent: line.indent)
    }
}
