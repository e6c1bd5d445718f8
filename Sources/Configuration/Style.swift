/// How one role of the screen is drawn: a colour and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var color: Color = .terminalDefault
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(
        _ color: Color = .terminalDefault, bold: Bool = false, underline: Bool = false, reverse: Bool = false,
        dim: Bool = false
    ) {
        self.color = color
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let attributes = ["bold", "underline", "reverse", "dim"]

    /// Parses words such as `cyan bold` or `#ff8800 underline`; at most one colour. Nil with the
    /// offending word when a word is neither a colour nor an attribute.
    public static func parse(_ text: String) -> Result<Style, StyleWordError> {
        var style = Style()
        var sawColor = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init) {
            switch word.lowercased() {
            case "bold": style.bold = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "dim": style.dim = true
            default:
                guard let color = Color(parsing: word) else { return .failure(StyleWordError(word: word)) }
                guard !sawColor else { return .failure(StyleWordError(word: word, secondColor: true)) }
                style.color = color
                sawColor = true
            }
        }
        return .success(style)
    }

    /// The style as a config file writes it (`cyan bold`, `default`).
    public var description: String {
        var words = color == .terminalDefault && (bold || underline || reverse || dim) ? [] : [color.description]
        if bold { words.append("bold") }
        if underline { words.append("underline") }
        if reverse { words.append("reverse") }
        if dim { words.append("dim") }
        return words.joined(separator: " ")
    }
}

/// A word of a style that is neither a colour nor an attribute, or a second colour.
public struct StyleWordError: Error, Equatable {
    public var word: String
    public var secondColor = false
}
