import ThreadModel

/// Cuts query text into tokens, each with its 1-based column (in characters).
enum QueryTokenizer {
    static func tokens(of text: String) throws(QueryError) -> [(token: QueryToken, column: Int)] {
        let characters = Array(text)
        var tokens: [(token: QueryToken, column: Int)] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let column = i + 1
            if c.isWhitespace {
                i += 1
            } else if c == "(" {
                tokens.append((.open, column))
                i += 1
            } else if c == ")" {
                tokens.append((.close, column))
                i += 1
            } else if c == "-", i + 1 < characters.count, !characters[i + 1].isWhitespace {
                tokens.append((.not, column))
                i += 1
            } else if c == "-" {
                throw QueryError("expected a term after -", column: column + 1)
            } else if c == "\"" {
                let (inside, end) = try quoted(characters, from: i, closer: "\"", what: "\"")
                i = end
                tokens.append((try phrase(inside, column: column), column))
            } else if c == "/" {
                let (inside, end) = try quoted(characters, from: i, closer: "/", what: "/")
                i = end
                if inside.isEmpty { throw QueryError("expected a pattern after /", column: column + 1) }
                tokens.append((.term(.regex(try GuardedRegex(inside, column: column + 1))), column))
            } else {
                var end = i
                while end < characters.count, !characters[end].isWhitespace, characters[end] != "(",
                    characters[end] != ")", characters[end] != "\""
                {
                    end += 1
                }
                let word = String(characters[i..<end])
                if word.lowercased() == "author:", end < characters.count, characters[end] == "\"" {
                    // author:"Two Words"
                    let (inside, after) = try quoted(characters, from: end, closer: "\"", what: "\"")
                    if inside.isEmpty { throw QueryError("expected a name after author:", column: end + 1) }
                    tokens.append((.term(.author(inside)), column))
                    i = after
                    continue
                }
                tokens.append((try self.word(word, column: column), column))
                i = end
            }
        }
        return tokens
    }

    /// The text between `characters[start]` and the next unescaped `closer`, and the index after it.
    /// A backslash keeps the next character (for `\"` and `\/`); inside a regex it stays written.
    static func quoted(
        _ characters: [Character], from start: Int, closer: Character, what: String
    ) throws(QueryError) -> (String, Int) {
        var inside = ""
        var i = start + 1
        while i < characters.count {
            let c = characters[i]
            if c == "\\", i + 1 < characters.count {
                let next = characters[i + 1]
                if next == closer {
                    inside.append(next)
                } else {
                    inside.append(c)
                    inside.append(next)
                }
                i += 2
                continue
            }
            if c == closer { return (inside, i + 1) }
            inside.append(c)
            i += 1
        }
        throw QueryError("expected a closing \(what) for the one", column: start + 1)
    }

    static func phrase(_ text: String, column: Int) throws(QueryError) -> QueryToken {
        if text.isEmpty { throw QueryError("expected text inside \"\"", column: column + 1) }
        return .term(.text(TextMatcher(text)))
    }

    static func word(_ word: String, column: Int) throws(QueryError) -> QueryToken {
        let lower = word.lowercased()
        switch lower {
        case "or": return .or
        case "op": return .term(.originalPoster)
        case "new": return .term(.new)
        case "long": return .term(.long)
        case "deleted": return .term(.deleted)
        case "has:link": return .term(.hasLink)
        case "has:code": return .term(.hasCode)
        default: break
        }
        if lower.hasPrefix("has:") {
            throw QueryError("unknown \(word); has:link or has:code", column: column)
        }
        if lower.hasPrefix("author:") {
            let name = String(word.dropFirst("author:".count))
            if name.isEmpty { throw QueryError("expected a name after author:", column: column + 7) }
            return .term(.author(name))
        }
        let fields: [(String, (Int64) -> Term)] = [
            ("depth>", { .depthAbove(Int(clamping: $0)) }), ("depth<", { .depthBelow(Int(clamping: $0)) }),
            ("score>", { .scoreAbove($0) }), ("score<", { .scoreBelow($0) }),
            ("replies>", { .repliesAbove(Int(clamping: $0)) }),
        ]
        for (prefix, make) in fields where lower.hasPrefix(prefix) {
            let digits = word.dropFirst(prefix.count)
            guard let number = Int64(digits) else {
                // Digits past what 64 bits hold are a number still: say so, not that none was given.
                let unsigned = digits.first == "-" || digits.first == "+" ? digits.dropFirst() : digits
                let isNumber = !unsigned.isEmpty && unsigned.allSatisfy { $0.isASCII && $0.isNumber }
                throw QueryError(
                    isNumber ? "the number after \(prefix) is too large" : "expected a number after \(prefix)",
                    column: column + prefix.count)
            }
            return .term(make(number))
        }
        return .term(.text(TextMatcher(word)))
    }
}
