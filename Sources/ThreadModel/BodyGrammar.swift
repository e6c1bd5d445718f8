/// The one grammar of comment and article bodies: what importers write and the layout reads.
///
/// A body is plain text, read a line at a time; each line is one of
/// - blank: only spaces; it ends a block;
/// - code: indented by 4 spaces (`codeIndent`), the rest verbatim;
/// - a quote: up to 3 spaces, then one ">" per level, each marker followed by at most one space
///   (">>" and "> >" are both level 2); what follows the markers is again code (4 spaces, so
///   `">     let x = 1"` is code at quote level 1), a list item or a paragraph line;
/// - a list item: "- ", "* " or 1 to 9 digits and ". ";
/// - a paragraph line: anything else; a single line break stays a line break.
///
/// Tabs are read as the sanitiser makes them (4 spaces), so a body is parsed after sanitising.
/// Parsing a line costs its length once; nothing here recurses, whatever the quote depth.
public enum BodyGrammar {
    /// Spaces that make a line code, at the top level or after a quote's markers.
    public static let codeIndent = 4

    /// What a line is, apart from its quote level.
    public enum Kind: Equatable, Sendable {
        case blank
        case paragraph
        case code
        /// A list item whose marker ("- ", "12. ") takes `markerWidth` columns.
        case listItem(markerWidth: Int)
    }

    /// One parsed line.
    public struct Line: Equatable, Sendable {
        /// How many quote markers open it; 0 outside quotes.
        public var quoteLevel: Int
        public var kind: Kind
        /// The text after the markers and indent: code verbatim, a list item with its marker,
        /// a quoted line with the spaces after its markers.
        public var content: Substring

        public init(quoteLevel: Int, kind: Kind, content: Substring) {
            self.quoteLevel = quoteLevel
            self.kind = kind
            self.content = content
        }
    }

    /// Parses one line (without its line break).
    public static func parse(_ line: Substring) -> Line {
        let leading = spaces(at: line)
        if leading == line.utf8.count { return Line(quoteLevel: 0, kind: .blank, content: line[line.endIndex...]) }
        if leading >= codeIndent {
            return Line(quoteLevel: 0, kind: .code, content: Substring(line.utf8.dropFirst(codeIndent)))
        }
        // Markers and spaces are ASCII, so they are read as bytes: `Character` would break the
        // clusters of the rest of the line (one may be the whole line) at every step.
        let content = Substring(line.utf8.dropFirst(leading))
        guard content.utf8.first == UInt8(ascii: ">") else {
            if let marker = listMarkerWidth(of: content) {
                return Line(quoteLevel: 0, kind: .listItem(markerWidth: marker), content: content)
            }
            return Line(quoteLevel: 0, kind: .paragraph, content: content)
        }
        var level = 0
        var bytes = content.utf8[...]
        while bytes.first == UInt8(ascii: ">") {
            level += 1
            bytes = bytes.dropFirst()
            if bytes.first == 0x20 { bytes = bytes.dropFirst() }
        }
        let rest = Substring(bytes)
        let indent = spaces(at: rest)
        if indent >= codeIndent && indent < rest.utf8.count {
            return Line(quoteLevel: level, kind: .code, content: Substring(rest.utf8.dropFirst(codeIndent)))
        }
        if let marker = listMarkerWidth(of: rest) {
            return Line(quoteLevel: level, kind: .listItem(markerWidth: marker), content: rest)
        }
        return Line(quoteLevel: level, kind: .paragraph, content: rest)
    }

    /// The markers that open a line at quote `level`: "> " per level.
    public static func quoteMarkers(level: Int) -> String {
        String(repeating: "> ", count: max(0, level))
    }

    /// A line of code as a body holds it, inside `quoteLevel` quotes: `">     let x = 1"`.
    public static func codeLine(_ code: some StringProtocol, quoteLevel: Int = 0) -> String {
        quoteMarkers(level: quoteLevel) + String(repeating: " ", count: codeIndent) + code
    }

    /// Spaces at the start of `text`.
    private static func spaces(at text: Substring) -> Int {
        var count = 0
        for byte in text.utf8 {
            guard byte == 0x20 else { break }
            count += 1
        }
        return count
    }

    /// The columns of the list marker that opens `line` ("- ", "* ", "12. "), or nil.
    public static func listMarkerWidth(of line: Substring) -> Int? {
        if line.utf8.starts(with: "- ".utf8) || line.utf8.starts(with: "* ".utf8) { return 2 }
        let digits = line.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        guard (1...9).contains(digits) else { return nil }
        return line.utf8.dropFirst(digits).starts(with: ". ".utf8) ? digits + 2 : nil
    }
}
