/// Turns query text into a `Query`.
///
/// The text is cut into tokens, then read by recursive descent whose depth is the nesting of
/// parentheses and `-`, capped at `Query.nestingLimit`; side-by-side terms and `or` chains are
/// gathered in loops, so no query makes the stack grow with its length.
extension Query {
    /// Parses `text`; throws the first mistake with its column.
    public static func parse(_ text: String) throws(QueryError) -> Query {
        let tokens = try QueryTokenizer.tokens(of: text)
        var parser = QueryParser(tokens: tokens, endColumn: text.count + 1)
        let expression = try parser.parseAll()
        return Query(expression: expression, text: text)
    }
}

enum QueryToken {
    case open, close, not, or
    case term(Term)
}

struct QueryParser {
    let tokens: [(token: QueryToken, column: Int)]
    let endColumn: Int
    var position = 0
    var depth = 0

    init(tokens: [(token: QueryToken, column: Int)], endColumn: Int) {
        self.tokens = tokens
        self.endColumn = endColumn
    }

    var column: Int { position < tokens.count ? tokens[position].column : endColumn }

    mutating func parseAll() throws(QueryError) -> Expression {
        if tokens.isEmpty { return .all([]) }
        let expression = try parseOr()
        if position < tokens.count {
            // parseOr stops only at `)` or the end.
            throw QueryError("unmatched )", column: column)
        }
        return expression
    }

    mutating func parseOr() throws(QueryError) -> Expression {
        var parts = [try parseAnd(after: nil)]
        while position < tokens.count, case .or = tokens[position].token {
            let orColumn = tokens[position].column
            position += 1
            parts.append(try parseAnd(after: ("or", orColumn)))
        }
        return parts.count == 1 ? parts[0] : .any(Self.cheapestFirst(parts))
    }

    /// Terms side by side, up to `or`, `)` or the end. `after` names what came before, for errors.
    mutating func parseAnd(after: (String, Int)?) throws(QueryError) -> Expression {
        var parts: [Expression] = []
        loop: while position < tokens.count {
            switch tokens[position].token {
            case .or, .close: break loop
            default: parts.append(try parseUnary())
            }
        }
        if parts.isEmpty {
            if let (word, _) = after {
                throw QueryError("expected a term after \(word)", column: column)
            }
            let what = position < tokens.count ? (tokens[position].token.isOr ? "or" : ")") : "the end"
            throw QueryError("expected a term before \(what)", column: column)
        }
        return parts.count == 1 ? parts[0] : .all(Self.cheapestFirst(parts))
    }

    mutating func parseUnary() throws(QueryError) -> Expression {
        let (token, tokenColumn) = tokens[position]
        switch token {
        case .not:
            try enter(at: tokenColumn)
            defer { depth -= 1 }
            position += 1
            guard position < tokens.count, tokens[position].token.startsTerm else {
                throw QueryError("expected a term after -", column: column)
            }
            return .not(try parseUnary())
        case .open:
            try enter(at: tokenColumn)
            defer { depth -= 1 }
            position += 1
            guard position < tokens.count, tokens[position].token.startsTerm else {
                throw QueryError("expected a term after (", column: column)
            }
            let inner = try parseOr()
            guard position < tokens.count, case .close = tokens[position].token else {
                throw QueryError("expected ) to close the ( at column \(tokenColumn)", column: column)
            }
            position += 1
            return inner
        case .term(let term):
            position += 1
            return .term(term)
        case .or, .close:
            // parseAnd never calls here on these.
            throw QueryError("expected a term", column: tokenColumn)
        }
    }

    mutating func enter(at column: Int) throws(QueryError) {
        depth += 1
        if depth > Query.nestingLimit {
            throw QueryError("nested deeper than \(Query.nestingLimit) levels", column: column)
        }
    }

    /// Field tests before text searches: `and`/`or` stop at the first decisive part.
    static func cheapestFirst(_ parts: [Expression]) -> [Expression] {
        parts.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element)
    }
}

extension QueryToken {
    var isOr: Bool {
        if case .or = self { return true }
        return false
    }

    var startsTerm: Bool {
        switch self {
        case .open, .not, .term: return true
        case .close, .or: return false
        }
    }
}
