import ThreadModel

/// A parsed filter query: a boolean expression over comment tests, built by `Query.parse`.
///
/// Nesting is capped by the parser (`Query.nestingLimit`), so walking the expression recursively
/// costs a bounded stack however long the query is: a long run of `a b c …` is one flat `all` node.
public struct Query: Sendable {
    /// The expression; `.all([])` for an empty query, which every comment matches.
    public let expression: Expression
    /// The query as typed.
    public let text: String

    /// The deepest parentheses and `-` may nest.
    public static let nestingLimit = 32

    /// Comments whose body is longer than this many bytes match `long`.
    public static let longBodyBytes = 1000

    /// Whether the query has no terms and so keeps every comment.
    public var isEmpty: Bool {
        if case .all(let parts) = expression { return parts.isEmpty }
        return false
    }

    /// Whether every term reads only fields (author, depth, score, flags), never a comment's text:
    /// such a query evaluates over a million comments in one step.
    public var readsOnlyFields: Bool { expression.cost == 0 }

    /// Whether some term is `author:`: only then is an `AuthorIndex` worth building.
    public var readsAuthors: Bool { expression.readsAuthors }

    /// Whether some term is `new`: such a query must run again when the reading state changes.
    public var readsNew: Bool { expression.readsNew }
}

/// One node of a query.
public indirect enum Expression: Sendable {
    case term(Term)
    case not(Expression)
    /// Every part matches (the parts are the terms written side by side).
    case all([Expression])
    /// Some part matches (`or`).
    case any([Expression])

    /// Whether an `author:` term is inside (the nesting cap bounds this walk's depth).
    var readsAuthors: Bool {
        switch self {
        case .term(.author): return true
        case .term: return false
        case .not(let inner): return inner.readsAuthors
        case .all(let parts), .any(let parts): return parts.contains { $0.readsAuthors }
        }
    }

    /// Whether a `new` term is inside (the nesting cap bounds this walk's depth).
    var readsNew: Bool {
        switch self {
        case .term(.new): return true
        case .term: return false
        case .not(let inner): return inner.readsNew
        case .all(let parts), .any(let parts): return parts.contains { $0.readsNew }
        }
    }

    /// 0 when only fields are read, 1 when text is searched, 2 when a regular expression runs.
    var cost: Int {
        switch self {
        case .term(let term): return term.cost
        case .not(let inner): return inner.cost
        case .all(let parts), .any(let parts): return parts.map(\.cost).max() ?? 0
        }
    }
}

/// One test of a comment.
public enum Term: Sendable {
    /// A word or a quoted phrase in the body's decoded text, by the document's own matching rule.
    case text(TextMatcher)
    /// A regular expression (`/…/`) over the body.
    case regex(GuardedRegex)
    /// `author:NAME`, ignoring ASCII case.
    case author(String)
    /// `op`: written by the original poster.
    case originalPoster
    /// `new`: not read on an earlier visit.
    case new
    case depthAbove(Int)
    case depthBelow(Int)
    case scoreAbove(Int64)
    case scoreBelow(Int64)
    case repliesAbove(Int)
    /// `long`: a body over `Query.longBodyBytes` bytes.
    case long
    case hasLink
    case hasCode
    case deleted

    var cost: Int {
        switch self {
        case .text, .long, .hasLink, .hasCode: return 1
        case .regex: return 2
        default: return 0
        }
    }
}

/// A mistake in a query, with where it is.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, without the position.
    public let message: String
    /// 1-based column in the query, counted in characters.
    public let column: Int

    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "\(message) at column \(column)" }
}
