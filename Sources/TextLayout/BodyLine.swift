/// One display line of a laid-out comment or article body.
public struct BodyLine: Equatable, Sendable {
    /// What block the line belongs to, which decides how the renderer decorates it.
    public enum Kind: Equatable, Sendable {
        /// Paragraph text.
        case text
        /// Quoted text, `level` deep (">>" is 2); the renderer draws `BodyLayout.quotePrefix(level:)`.
        case quote(level: Int)
        /// A line of a code block, verbatim; inside a quote when `quoteLevel` > 0.
        case code
        /// A line of a list item: its first line starts with the marker ("- ", "* ", "1. ").
        case listItem
        /// The single empty line between blocks.
        case blank
    }

    public var kind: Kind
    /// The text to draw, sanitised: quotes without their ">" markers, code verbatim (cut into
    /// pieces when longer than the width).
    public var text: String
    /// Columns `text` occupies: `TextWidth.of(text)`.
    public var width: Int
    /// Blank columns before `text` (under a list marker, before code); for quotes, after the bars.
    public var indent: Int
    /// Quote levels the line sits in (its kind's level for quoted text; code may be quoted too):
    /// the renderer draws `BodyLayout.quotePrefix(level: quoteLevel)` before `indent`.
    public var quoteLevel: Int

    /// `quoteLevel` defaults to the level of a `.quote` kind, else 0.
    public init(kind: Kind, text: String, width: Int, indent: Int, quoteLevel: Int? = nil) {
        self.kind = kind
        self.text = text
        self.width = width
        self.indent = indent
        if let quoteLevel {
            self.quoteLevel = quoteLevel
        } else if case .quote(let level) = kind {
            self.quoteLevel = level
        } else {
            self.quoteLevel = 0
        }
    }

    /// The empty line between blocks.
    public static let blank = BodyLine(kind: .blank, text: "", width: 0, indent: 0)
}
