/// Emphasis and strikethrough: which delimiter runs pair up, by CommonMark's bounded algorithm.
extension MarkdownText {
    /// A run of literal text, or a run of `*`, `_` or `~~` that may open or close emphasis.
    struct Token {
        /// The run's character; 0 for literal text.
        var delimiter: UInt8 = 0
        var canOpen = false
        var canClose = false
        /// Characters of the run not yet used by a match, and the run's length as written.
        /// (32 bits: a paragraph holds up to a million runs, and each token counts.)
        var count: Int32 = 0
        var original: Int32 = 0
        /// Strikethroughs this run opens and closes.
        var opens: Int32 = 0
        var closes: Int32 = 0
        /// Literal text: where it lies in the renderer's `literals`, one buffer for the paragraph.
        var start = 0
        var end = 0

        init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        init(delimiter: UInt8, count: Int) {
            self.delimiter = delimiter
            self.count = Int32(clamping: count)
            original = self.count
        }
    }
}

extension MarkdownText.InlineRenderer {
    /// Pairs delimiter runs (CommonMark's "process emphasis") and writes the text out.
    ///
    /// The search for an opener never goes below the lowest point a previous search for the same
    /// kind of closer failed at, so the pairing is linear however the runs are arranged.
    mutating func output() -> [UInt8] {
        let runs = tokens.indices.filter { tokens[$0].delimiter != 0 }
        // A doubly linked list over `runs`, so runs can be removed as they are used.
        var previous = Array(-1..<(runs.count - 1))
        var next = Array(1...max(1, runs.count))
        var bottom: [Int: Int] = [:]
        func remove(_ position: Int) {
            if previous[position] >= 0 { next[previous[position]] = next[position] }
            if next[position] < runs.count { previous[next[position]] = previous[position] }
        }
        var current = 0
        while current < runs.count {
            let closer = tokens[runs[current]]
            guard closer.canClose else {
                current = next[current]
                continue
            }
            let key = Int(closer.delimiter) * 8 + (closer.canOpen ? 4 : 0) + Int(closer.original % 3)
            let floor = bottom[key] ?? -1
            var candidate = previous[current]
            var found: Int?
            while candidate > floor {
                let opener = tokens[runs[candidate]]
                if opener.delimiter == closer.delimiter, opener.canOpen, opener.count > 0,
                    !MarkdownText.oddMatch(opener, closer)
                {
                    found = candidate
                    break
                }
                candidate = previous[candidate]
            }
            guard let match = found else {
                bottom[key] = previous[current]
                let after = next[current]
                if !closer.canOpen { remove(current) }
                current = after
                continue
            }
            let used: Int32 =
                closer.delimiter == UInt8(ascii: "~")
                ? 2 : (closer.count >= 2 && tokens[runs[match]].count >= 2 ? 2 : 1)
            tokens[runs[match]].count -= used
            tokens[runs[current]].count -= used
            if closer.delimiter == UInt8(ascii: "~") {
                tokens[runs[match]].opens += 1
                tokens[runs[current]].closes += 1
            }
            // Runs between the pair can no longer pair with anything outside it.
            next[match] = current
            previous[current] = match
            if tokens[runs[match]].count == 0 { remove(match) }
            if tokens[runs[current]].count == 0 {
                let after = next[current]
                remove(current)
                current = after
            }
        }
        var out: [UInt8] = []
        for token in tokens {
            if token.delimiter == 0 {
                out.append(contentsOf: literals[token.start..<token.end])
                continue
            }
            for _ in 0..<token.closes { out.append(UInt8(ascii: "]")) }
            out.append(contentsOf: [UInt8](repeating: token.delimiter, count: Int(token.count)))
            for _ in 0..<token.opens { out.append(contentsOf: "[struck: ".utf8) }
        }
        return out
    }
}

extension MarkdownText {
    /// CommonMark's "rule of 3": a run that can both open and close pairs with another only when
    /// their lengths' sum is not a multiple of 3, unless both are.
    static func oddMatch(_ opener: Token, _ closer: Token) -> Bool {
        guard opener.delimiter != UInt8(ascii: "~"), opener.canClose || closer.canOpen else { return false }
        return (opener.original + closer.original) % 3 == 0 && !(opener.original % 3 == 0 && closer.original % 3 == 0)
    }

    /// The scalar ending just before `index` in UTF-8 `text`; nil at the start.
    static func scalar(before index: Int, in text: [UInt8]) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        if text[index - 1] < 0x80 { return Unicode.Scalar(text[index - 1]) }
        var start = index - 1
        while start > 0, index - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: text[start..<index], as: UTF8.self).unicodeScalars.last
    }

    /// The scalar starting at `index` in UTF-8 `text`; nil at the end.
    static func scalar(at index: Int, in text: [UInt8]) -> Unicode.Scalar? {
        guard index < text.count else { return nil }
        if text[index] < 0x80 { return Unicode.Scalar(text[index]) }
        return String(decoding: text[index..<min(text.count, index + 4)], as: UTF8.self).unicodeScalars.first
    }

    /// Unicode whitespace, or the start or end of the paragraph.
    static func isWhitespace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        if scalar.isASCII { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }
        return scalar.properties.isWhitespace
    }

    /// ASCII punctuation, or a Unicode punctuation or symbol character.
    static func isPunctuation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return MarkdownText.isASCIIPunctuation(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
