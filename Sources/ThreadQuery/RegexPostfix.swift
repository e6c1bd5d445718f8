/// Reads a pattern into postfix form with an explicit stack of open groups (no recursion).
enum RegexPostfix {
    private struct Group {
        var alternatives = 0
        var atoms = 0
        /// Where the group's postfix starts, for a repeat after `)`.
        var start: Int
        var column: Int
    }

    static func compile(_ pattern: String, column base: Int) throws(QueryError) -> [RegexOp] {
        let chars = Array(pattern.unicodeScalars)
        var out: [RegexOp] = []
        var groups: [Group] = []
        var current = Group(start: 0, column: base)
        // Where the last atom's postfix starts, for a `{n,m}` that copies it.
        var lastAtom: Int?
        var i = 0
        func column(_ k: Int) -> Int { base + k }
        func check() throws(QueryError) {
            if out.count > GuardedRegex.sizeLimit {
                throw QueryError("the pattern is too large (over \(GuardedRegex.sizeLimit) steps)", column: column(i))
            }
        }
        /// Starts an atom: joins the previous one to it.
        func beginAtom() {
            if current.atoms > 1 {
                current.atoms -= 1
                out.append(.concat)
            }
        }
        func closeAlternatives(_ group: inout Group) {
            while group.atoms > 1 {
                group.atoms -= 1
                out.append(.concat)
            }
            if group.atoms == 0 { out.append(.empty) }
            while group.alternatives > 0 {
                group.alternatives -= 1
                out.append(.alternate)
            }
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "(":
                beginAtom()
                if i + 2 < chars.count, chars[i + 1] == "?" {
                    if chars[i + 2] == ":" {
                        i += 2
                    } else {
                        throw QueryError("look-around and other (? groups are not supported", column: column(i))
                    }
                }
                groups.append(current)
                if groups.count > Query.nestingLimit {
                    throw QueryError("groups nested deeper than \(Query.nestingLimit)", column: column(i))
                }
                current = Group(start: out.count, column: column(i))
                i += 1
            case "|":
                while current.atoms > 1 {
                    current.atoms -= 1
                    out.append(.concat)
                }
                if current.atoms == 0 { out.append(.empty) }
                current.atoms = 0
                current.alternatives += 1
                lastAtom = nil
                i += 1
            case ")":
                guard var outer = groups.popLast() else {
                    throw QueryError("unmatched ) in the pattern", column: column(i))
                }
                closeAlternatives(&current)
                lastAtom = current.start
                swap(&outer, &current)
                current.atoms += 1
                i += 1
            case "*", "+", "?":
                guard let start = lastAtom else {
                    throw QueryError("nothing to repeat before \(c)", column: column(i))
                }
                _ = start
                out.append(c == "*" ? .star : c == "+" ? .plus : .optional)
                i += 1
            case "{":
                guard let start = lastAtom else { throw QueryError("nothing to repeat before {", column: column(i)) }
                let (low, high, end) = try bounds(chars, from: i, column: column(i))
                let atom = Array(out[start...])
                out.removeSubrange(start...)
                var pieces = 0
                func piece(_ ops: [RegexOp]) {
                    out.append(contentsOf: ops)
                    pieces += 1
                    if pieces > 1 { out.append(.concat) }
                }
                for _ in 0..<low { piece(atom) }
                if let high {
                    for _ in low..<high { piece(atom + [.optional]) }
                } else {
                    piece(atom + [.star])
                }
                if pieces == 0 { out.append(.empty) }
                i = end
            default:
                beginAtom()
                lastAtom = out.count
                let (op, end) = try atom(chars, at: i, column: column(i))
                out.append(op)
                current.atoms += 1
                i = end
            }
            try check()
        }
        if let open = groups.last {
            _ = open
            throw QueryError("expected ) to close the ( in the pattern", column: current.column)
        }
        closeAlternatives(&current)
        return out
    }

    /// One character test (or anchor) at `chars[i]` and the index after it.
    static func atom(_ chars: [Unicode.Scalar], at i: Int, column: Int) throws(QueryError) -> (RegexOp, Int) {
        let c = chars[i]
        switch c {
        case ".": return (.char(.any), i + 1)
        case "^": return (.lineStart, i + 1)
        case "$": return (.lineEnd, i + 1)
        case "[": return try set(chars, from: i, column: column)
        case "\\":
            guard i + 1 < chars.count else { throw QueryError("expected a character after \\", column: column + 1) }
            return (.char(try escape(chars[i + 1], column: column)), i + 2)
        default: return (.char(.scalar(CharTest.fold(c))), i + 1)
        }
    }

    static func escape(_ e: Unicode.Scalar, column: Int) throws(QueryError) -> CharTest {
        switch e {
        case "d": return .set(CharTest.digit, negated: false)
        case "D": return .set(CharTest.digit, negated: true)
        case "w": return .set(CharTest.word, negated: false)
        case "W": return .set(CharTest.word, negated: true)
        case "s": return .set(CharTest.space, negated: false)
        case "S": return .set(CharTest.space, negated: true)
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "1"..."9", "k", "b", "B":
            throw QueryError("\\\(e) is not supported in a pattern", column: column)
        default:
            if e.properties.isAlphabetic {
                throw QueryError("unknown escape \\\(e)", column: column)
            }
            return .scalar(CharTest.fold(e))
        }
    }

    /// A `[…]` class starting at `chars[start]`.
    static func set(_ chars: [Unicode.Scalar], from start: Int, column: Int) throws(QueryError) -> (RegexOp, Int) {
        var i = start + 1
        var negated = false
        if i < chars.count, chars[i] == "^" {
            negated = true
            i += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while i < chars.count {
            var c = chars[i]
            if c == "]", !first { return (.char(.set(ranges, negated: negated)), i + 1) }
            first = false
            if c == "\\", i + 1 < chars.count {
                let test = try escape(chars[i + 1], column: column + i + 1 - start)
                i += 2
                switch test {
                case .set(let more, false): ranges += more
                case .scalar(let s):
                    c = s
                    ranges.append(s.value...s.value)
                default:
                    throw QueryError("a negated class escape inside [ ] is not supported", column: column + i - start)
                }
                continue
            }
            if i + 2 < chars.count, chars[i + 1] == "-", chars[i + 2] != "]" {
                let high = chars[i + 2]
                guard c.value <= high.value else {
                    throw QueryError("the range \(c)-\(high) runs backwards", column: column + i - start)
                }
                ranges.append(c.value...high.value)
                i += 3
            } else {
                ranges.append(c.value...c.value)
                i += 1
            }
        }
        throw QueryError("expected ] to close the [", column: column)
    }

    /// `{n}`, `{n,}` or `{n,m}` at `chars[start]`: the bounds and the index after `}`.
    static func bounds(
        _ chars: [Unicode.Scalar], from start: Int, column: Int
    ) throws(QueryError) -> (Int, Int?, Int) {
        guard let close = chars[start...].firstIndex(of: "}") else {
            throw QueryError("expected } to close the {", column: column)
        }
        let inside = String(String.UnicodeScalarView(chars[(start + 1)..<close]))
        let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let low = Int(parts[0]), low >= 0 else {
            throw QueryError("expected {n}, {n,} or {n,m}", column: column)
        }
        var high: Int? = low
        if parts.count == 2 {
            if parts[1].isEmpty {
                high = nil
            } else {
                guard let value = Int(parts[1]), value >= low else {
                    throw QueryError("expected {n,m} with n ≤ m", column: column)
                }
                high = value
            }
        }
        guard max(low, high ?? low) <= GuardedRegex.repeatLimit else {
            throw QueryError("a repeat count above \(GuardedRegex.repeatLimit)", column: column)
        }
        return (low, high, close + 1)
    }
}
