#if canImport(Glibc)
    import Glibc
#endif

extension Discussion {
    /// Whether comment `index`'s author or decoded text holds the query.
    public func matches(_ matcher: TextMatcher, comment index: Int) -> Bool {
        let record = records[index]
        return bytes.holds(matcher, in: record.body) || bytes.holds(matcher, in: record.author)
    }

    /// Whether comment `index`'s decoded body holds the query (its author left out).
    public func bodyMatches(_ matcher: TextMatcher, comment index: Int) -> Bool {
        bytes.holds(matcher, in: records[index].body)
    }

    /// Whether the article's title or one of its paragraphs holds the query.
    public func articleMatches(_ matcher: TextMatcher) -> Bool {
        matcher.matches(article.title) || article.body.contains { matcher.matches($0) }
    }

    /// How many times the article's title and paragraphs hold the query.
    public func articleOccurrences(_ matcher: TextMatcher) -> Int {
        ([article.title] + article.body).reduce(0) { $0 + matcher.occurrences(in: $1) }
    }

    /// The comments in `range` that hold the query, in thread order; a big range is read by every core.
    public func comments(matching matcher: TextMatcher, in range: Range<Int>) -> [Int] {
        let range = range.clamped(to: 0..<count)
        return WorkSplit.map(range) { part in part.filter { matches(matcher, comment: $0) } }.flatMap { $0 }
    }
}

extension DocumentBytes {
    /// Whether the decoded text at `ref` holds the query.
    ///
    /// For an ASCII query the raw bytes are skimmed first (memchr on the query's rarest byte), so
    /// most comments are never decoded. A raw hit is taken as it is only where the bytes around
    /// it cannot change its meaning: no escape reaching into it, ASCII on both sides (so the
    /// query's clusters are whole clusters of the text). Any other raw hit is checked on the
    /// decoded text; so is a text without one whose escapes (`\u`, `\/`) or Kelvin sign (which
    /// lower-cases to `k`) could still spell the query once decoded.
    func holds(_ matcher: TextMatcher, in ref: TextRef) -> Bool {
        guard !ref.isAbsent, !matcher.isEmpty else { return false }
        // `bytes(of:)` is nil for a reference outside the bytes (see `TextRef`): nothing to match.
        guard let text = bytes(of: ref) else { return false }
        guard let needle = matcher.asciiNeedle else {
            // A query that folds to non-ASCII needs a non-ASCII character: a raw byte over 0x7F or
            // a \u escape. Most comments of English text have neither and are never decoded.
            if matcher.needsNonASCII, !text.contains(where: { $0 >= 0x80 }),
                !(ref.isJSONEscaped && Self.find(Self.unicodeEscape, in: text, from: 0, anchor: 0) != nil)
            {
                return false
            }
            return matcher.matches(string(ref) ?? "")
        }
        var undecided = false
        var from = 0
        while let hit = Self.find(needle, in: text, from: from, anchor: matcher.anchor) {
            if Self.standsAlone(hit..<hit + needle.count, in: text) { return true }
            undecided = true
            from = hit + 1
        }
        if !undecided {
            let escapes =
                ref.isJSONEscaped
                && (Self.find(Self.unicodeEscape, in: text, from: 0, anchor: 0) != nil
                    || Self.find(Self.slashEscape, in: text, from: 0, anchor: 0) != nil)
            let kelvin =
                needle.contains(UInt8(ascii: "k")) && Self.find(Self.kelvin, in: text, from: 0, anchor: 0) != nil
            undecided = escapes || kelvin
        }
        return undecided && matcher.matches(string(ref) ?? "")
    }

    static let unicodeEscape = Array("\\u".utf8)
    static let slashEscape = Array("\\/".utf8)
    static let kelvin = Array("\u{212A}".utf8)

    /// Whether raw bytes `range` (ASCII, without backslashes) read the same decoded: no escape
    /// (at most six bytes, `\uXXXX`) begins in the five bytes before, and the bytes on either
    /// side are ASCII, so no combining mark, prepended mark or escape joins them to a cluster.
    static func standsAlone(_ range: Range<Int>, in text: UnsafeRawBufferPointer) -> Bool {
        let backslash = UInt8(ascii: "\\")
        for k in max(0, range.lowerBound - 5)..<range.lowerBound where text[k] == backslash { return false }
        if range.lowerBound > 0, text[range.lowerBound - 1] >= 0x80 { return false }
        if range.upperBound < text.count {
            let next = text[range.upperBound]
            if next >= 0x80 || next == backslash { return false }
        }
        return true
    }

    /// The offset of the first case-insensitive occurrence of `needle` (lower-cased ASCII) in `text`
    /// at or after `from`; memchr looks for byte `anchor` of the needle, in both cases.
    static func find(_ needle: [UInt8], in text: UnsafeRawBufferPointer, from: Int, anchor: Int) -> Int? {
        let n = needle.count
        guard n > 0, text.count - from >= n, let base = text.baseAddress else { return nil }
        let lower = needle[anchor]
        let upper = lower &- UInt8(ascii: "a") < 26 ? lower & ~0x20 : lower
        // Candidates for the anchor byte lie at from + anchor ..< text.count - n + anchor + 1.
        let end = text.count - n + anchor + 1
        var nextLower = memchrOffset(lower, in: base, from: from + anchor, to: end)
        var nextUpper = upper == lower ? Int.max : memchrOffset(upper, in: base, from: from + anchor, to: end)
        while true {
            let hit = min(nextLower, nextUpper)
            if hit >= end { return nil }
            let i = hit - anchor
            var k = 0
            while k < n, TextMatcher.lower(text[i + k]) == needle[k] { k += 1 }
            if k == n { return i }
            if hit == nextLower { nextLower = memchrOffset(lower, in: base, from: hit + 1, to: end) }
            if hit == nextUpper { nextUpper = memchrOffset(upper, in: base, from: hit + 1, to: end) }
        }
    }

    /// The offset of the first `byte` in `start..<end`, or Int.max.
    private static func memchrOffset(_ byte: UInt8, in base: UnsafeRawPointer, from start: Int, to end: Int) -> Int {
        guard start < end, let hit = memchr(base + start, Int32(byte), end - start) else { return Int.max }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}
