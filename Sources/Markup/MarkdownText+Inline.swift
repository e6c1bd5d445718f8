/// Inline Markdown: escapes, code spans, entities, links, superscript, spoilers, then emphasis.
extension MarkdownText {
    /// Renders one paragraph's inline Markdown (UTF-8, "\n" at hard breaks) as plain text.
    static func renderInline(_ text: [UInt8], references: References = [:]) -> [UInt8] {
        var renderer = InlineRenderer(text, references: references)
        renderer.scan()
        return renderer.output()
    }

    /// One left-to-right pass that turns text into literal runs and emphasis delimiter runs; every
    /// look-ahead stops at a bound (the next `[`, `<` or a precomputed match), so the pass is linear.
    struct InlineRenderer {
        let text: [UInt8]
        let references: References
        var tokens: [Token] = []
        /// The text of every literal token, in order.
        var literals: [UInt8] = []
        /// For each backtick run length, the starts of such runs, and how far they have been used.
        private var backtickRuns: [Int: [Int]] = [:]
        private var backtickCursor: [Int: Int] = [:]
        /// The `)` matching each `(`, computed only when the text has a `^(`.
        private var closingParen: [Int: Int] = [:]
        /// For the `)` of a `^(…)`: whether it is written (the superscript touches a word).
        private var superscriptClose: [Int: Bool] = [:]
        /// Where each `!<` starts, in order, and the next one not yet passed.
        private var spoilerEnds: [Int] = []
        private var spoilerCursor = 0
        private var openSpoilerEnd: Int?

        init(_ text: [UInt8], references: References) {
            self.text = text
            self.references = references
            prepare()
        }

        private mutating func prepare() {
            var index = 0
            var hasSuperscriptParen = false
            while index < text.count {
                let byte = text[index]
                if byte == UInt8(ascii: "`") {
                    let length = run(of: byte, at: index)
                    backtickRuns[length, default: []].append(index)
                    index += length
                    continue
                }
                if byte == UInt8(ascii: "!"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "<") {
                    spoilerEnds.append(index)
                }
                if byte == UInt8(ascii: "^"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "(") {
                    hasSuperscriptParen = true
                }
                index += 1
            }
            if hasSuperscriptParen { matchParentheses() }
        }

        private mutating func matchParentheses() {
            var open: [Int] = []
            var index = 0
            while index < text.count {
                switch text[index] {
                case UInt8(ascii: "\\"): index += 1
                case UInt8(ascii: "("): open.append(index)
                case UInt8(ascii: ")"): if let start = open.popLast() { closingParen[start] = index }
                default: break
                }
                index += 1
            }
        }

        func run(of byte: UInt8, at start: Int) -> Int {
            var end = start
            while end < text.count, text[end] == byte { end += 1 }
            return end - start
        }

        mutating func scan() {
            var index = 0
            while index < text.count {
                if let end = openSpoilerEnd, index >= end {
                    openSpoilerEnd = nil
                    literal("]")
                    if index == end {
                        index += 2
                        continue
                    }
                }
                index = step(at: index)
            }
            if openSpoilerEnd != nil { literal("]") }
        }

        /// Handles the construct at `index` and returns where the next one starts.
        private mutating func step(at index: Int) -> Int {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < text.count, isASCIIPunctuation(text[index + 1]) {
                    literal(text[index + 1])
                    return index + 2
                }
            case UInt8(ascii: "`"):
                return codeSpan(at: index)
            case UInt8(ascii: "&"):
                if let (decoded, next) = HTMLEntities.reference(in: text, at: index) {
                    literal(decoded)
                    return next
                }
            case UInt8(ascii: "<"):
                if let next = autolink(at: index) { return next }
            case UInt8(ascii: "["):
                if let next = link(at: index, image: false) { return next }
            case UInt8(ascii: "!"):
                if index + 1 < text.count, text[index + 1] == UInt8(ascii: "["),
                    let next = link(at: index + 1, image: true)
                {
                    return next
                }
            case UInt8(ascii: ">"):
                if index + 1 < text.count, text[index + 1] == UInt8(ascii: "!"), openSpoilerEnd == nil {
                    while spoilerCursor < spoilerEnds.count, spoilerEnds[spoilerCursor] <= index + 1 {
                        spoilerCursor += 1
                    }
                    if spoilerCursor < spoilerEnds.count {
                        openSpoilerEnd = spoilerEnds[spoilerCursor]
                        literal("[spoiler: ")
                        return index + 2
                    }
                }
            case UInt8(ascii: "^"):
                return superscript(at: index)
            case UInt8(ascii: ")"):
                if let written = superscriptClose[index] {
                    if written { literal(")") }
                    return index + 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                return delimiterRun(at: index)
            case UInt8(ascii: "h"), UInt8(ascii: "w"):
                if let next = bareLink(at: index) { return next }
            default:
                break
            }
            literal(byte)
            return index + 1
        }

        /// A code span: the text between two backtick runs of the same length, verbatim.
        private mutating func codeSpan(at start: Int) -> Int {
            let length = run(of: UInt8(ascii: "`"), at: start)
            let runs = backtickRuns[length] ?? []
            var cursor = backtickCursor[length] ?? 0
            while cursor < runs.count, runs[cursor] <= start { cursor += 1 }
            backtickCursor[length] = cursor
            guard cursor < runs.count else {
                literal(Array(text[start..<(start + length)]))
                return start + length
            }
            let end = runs[cursor]
            var code = text[(start + length)..<end].map { $0 == newline ? space : $0 }
            if code.count >= 2, code.first == space, code.last == space, code.contains(where: { $0 != space }) {
                code = Array(code.dropFirst().dropLast())
            }
            literal(code)
            return end + length
        }

        /// `<https://…>`: the address alone. The scan stops at the next `<`, so it stays linear.
        private mutating func autolink(at start: Int) -> Int? {
            var end = start + 1
            while end < text.count, text[end] != UInt8(ascii: ">") {
                let byte = text[end]
                if byte == space || byte == newline || byte == UInt8(ascii: "<") { return nil }
                end += 1
            }
            guard end < text.count else { return nil }
            let address = text[(start + 1)..<end]
            let isLink =
                address.contains(UInt8(ascii: ":"))
                && address.prefix { $0 != UInt8(ascii: ":") }.allSatisfy {
                    isASCIILetter($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                }
            guard isLink || address.contains(UInt8(ascii: "@")) else { return nil }
            literal(Array(address))
            return end + 1
        }

        /// `^word` and `^(some words)`: the text, keeping `^` only where it touches the word before.
        private mutating func superscript(at start: Int) -> Int {
            let next = start + 1 < text.count ? text[start + 1] : space
            let previous = start > 0 ? text[start - 1] : space
            let touches = !(previous == space || previous == newline || previous == UInt8(ascii: "^"))
            if next == UInt8(ascii: "("), let close = closingParen[start + 1] {
                superscriptClose[close] = touches
                if touches { literal("^(") }
                return start + 2
            }
            if next == space || next == newline { literal("^") } else if touches { literal("^") }
            return start + 1
        }

        /// `http://`, `https://` or `www.` at the start of a word: kept whole, so `_` and `*` inside
        /// an address are not emphasis. Trailing punctuation and an unmatched `)` are not part of it.
        private mutating func bareLink(at start: Int) -> Int? {
            if start > 0, isASCIIAlphanumeric(text[start - 1]) || text[start - 1] == UInt8(ascii: "/") { return nil }
            guard MarkdownText.linkStarts.contains(where: { text[start...].starts(with: $0) }) else { return nil }
            var end = start
            var depth = 0
            while end < text.count {
                let byte = text[end]
                if byte == space || byte == newline || byte == tab || byte == UInt8(ascii: "<") { break }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                end += 1
            }
            let trailing: Set<UInt8> = Set(Array(".,:;!?'\"*_~".utf8))
            while end > start, trailing.contains(text[end - 1]) { end -= 1 }
            literal(MarkdownText.decodeAddress(text[start..<end]))
            return end
        }

        private mutating func delimiterRun(at start: Int) -> Int {
            let byte = text[start]
            let length = run(of: byte, at: start)
            // Reddit strikes through with exactly two tildes; other runs are text.
            if byte == UInt8(ascii: "~"), length != 2 {
                literal(Array(text[start..<(start + length)]))
                return start + length
            }
            let before = MarkdownText.scalar(before: start, in: text)
            let after = MarkdownText.scalar(at: start + length, in: text)
            let leftFlanking =
                !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before))
            let rightFlanking =
                !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after))
            var token = Token(delimiter: byte, count: length)
            if byte == UInt8(ascii: "_") {
                token.canOpen = leftFlanking && (!rightFlanking || isPunctuation(before))
                token.canClose = rightFlanking && (!leftFlanking || isPunctuation(after))
            } else {
                token.canOpen = leftFlanking
                token.canClose = rightFlanking
            }
            tokens.append(token)
            return start + length
        }

        mutating func literal(_ byte: UInt8) {
            let start = literals.count
            literals.append(byte)
            extendLiteral(from: start)
        }

        mutating func literal(_ bytes: [UInt8]) {
            let start = literals.count
            literals.append(contentsOf: bytes)
            extendLiteral(from: start)
        }

        /// Makes the last token cover the literal text just added at `start`, or starts a token.
        private mutating func extendLiteral(from start: Int) {
            if let last = tokens.indices.last, tokens[last].delimiter == 0 {
                tokens[last].end = literals.count
            } else {
                tokens.append(Token(start: start, end: literals.count))
            }
        }

        mutating func literal(_ string: String) { literal(Array(string.utf8)) }
    }

    /// What starts a bare link.
    static let linkStarts: [[UInt8]] = [Array("https://".utf8), Array("http://".utf8), Array("www.".utf8)]

    /// A link address as written: entities decoded (`&amp;` in a query) and backslash escapes
    /// removed (Reddit's editor writes `\_` in addresses).
    static func decodeAddress(_ address: ArraySlice<UInt8>) -> [UInt8] {
        let bytes = Array(address)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
                out.append(bytes[index + 1])
                index += 2
            } else if byte == UInt8(ascii: "&"), let (decoded, next) = HTMLEntities.reference(in: bytes, at: index) {
                out.append(contentsOf: decoded.utf8)
                index = next
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isASCIILetter(byte) || (0x30...0x39).contains(byte) }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
