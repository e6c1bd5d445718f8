/// A `/regex/` term, matched by a Thompson automaton: time linear in the text times the pattern.
///
/// Swift's `Regex` backtracks, so a pattern like `(a+)+b` takes exponential time and `a*a*a*b`
/// polynomial time on a long comment; with no way to stop a match midway, a query typed in the
/// reader could hang it. This engine never backtracks, so any pattern over 1 MB of text finishes in
/// well under a second. It knows literals, `.`, `[…]` classes with ranges and `^`, `\d \w \s`
/// (and upper-case negations), `\n \t`, escaped punctuation, `^` and `$` at line ends, `* + ?`,
/// `{n}`, `{n,}`, `{n,m}` (up to `repeatLimit`), `|` and `( )`/`(?: )`; ASCII letters match
/// ignoring case, like words do. No back-references or look-around: they refuse with their column.
public struct GuardedRegex: Sendable {
    public let pattern: String
    let program: RegexProgram

    /// The largest count in `{n,m}`.
    public static let repeatLimit = 50
    /// The most instructions a pattern may compile to; bounds the time per character.
    public static let sizeLimit = 64

    /// Compiles `pattern`; `column` is where it starts in the query, for errors.
    public init(_ pattern: String, column: Int = 1) throws(QueryError) {
        self.pattern = pattern
        let postfix = try RegexPostfix.compile(pattern, column: column)
        program = RegexProgram(postfix)
    }

    /// Whether the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool { program.search(text.unicodeScalars) }
}

/// A test of one character.
enum CharTest: Sendable {
    case scalar(Unicode.Scalar)
    case any
    /// Ranges, any of which matches; `negated` inverts.
    case set([ClosedRange<UInt32>], negated: Bool)

    func matches(_ c: Unicode.Scalar) -> Bool {
        switch self {
        case .scalar(let s): return s == c || s == Self.fold(c)
        case .any: return c != "\n"
        case .set(let ranges, let negated):
            let v = c.value
            let f = Self.fold(c).value
            let u = Self.upper(c).value
            let hit = ranges.contains { $0.contains(v) || $0.contains(f) || $0.contains(u) }
            return hit != negated
        }
    }

    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value | 0x20) ?? c : c
    }

    static func upper(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 0x61 && c.value <= 0x7A ? Unicode.Scalar(c.value & ~0x20) ?? c : c
    }

    static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    static let space: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x20]
}

/// Postfix instructions of a pattern, as the shunting-yard pass writes them.
enum RegexOp: Sendable {
    case char(CharTest)
    case lineStart, lineEnd, empty
    case concat, alternate, star, plus, optional
}
