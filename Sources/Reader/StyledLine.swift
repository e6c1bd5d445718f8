import ThreadModel

/// A run of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of the page, laid out but not yet placed on a screen.
///
/// The reader draws its spans into a frame; `--print` writes their text. That is the
/// "one renderer of comments, two outputs" of the design.
public struct StyledLine: Equatable, Sendable {
    public enum Role: Equatable, Sendable {
        case heading
        /// The header of a comment; `marker` is the column of its fold marker.
        case header(marker: Int)
        case body
        case spacer
    }

    public var spans: [Span]
    public var role: Role
    /// The column where the selection bar goes on a selected comment's body lines.
    public var barColumn: Int?

    public init(_ spans: [Span] = [], role: Role = .body, barColumn: Int? = nil) {
        self.spans = spans
        self.role = role
        self.barColumn = barColumn
    }

    /// The text without styles, trailing blanks removed.
    public var plainText: String {
        var text = spans.map(\.text).joined()
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension StyledLine {
    /// The line's grapheme clusters, folded for matching, span by span as they are drawn.
    public var foldedClusters: [String] {
        var clusters: [String] = []
        for span in spans { clusters.append(contentsOf: span.text.map(TextMatcher.fold)) }
        return clusters
    }
}
