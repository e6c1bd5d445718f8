import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// Finds a query in comments without decoding them when it can: an ASCII query is matched,
/// ignoring case, against the bytes as they lie in the document.
struct TextSearch: Sendable {
    let query: String
    private let lowered: String
    /// The query's bytes, lower-cased, when it is ASCII with nothing JSON would escape.
    private let asciiNeedle: [UInt8]?

    init(_ query: String) {
        self.query = query
        lowered = query.lowercased()
        let bytes = Array(query.utf8)
        let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }
        asciiNeedle = plain ? bytes.map { Self.lower($0) } : nil
        anchorIndex = Self.rarest(in: asciiNeedle ?? [])
    }

    /// Which byte of the needle memchr looks for first.
    private let anchorIndex: Int

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    func matches(_ text: String) -> Bool { text.lowercased().contains(lowered) }

    /// Whether comment `index`'s body or author holds the query.
    func matches(comment index: Int, in discussion: Discussion) -> Bool {
        let record = discussion.records[index]
        return matches(record.body, in: discussion.bytes) || matches(record.author, in: discussion.bytes)
    }

    private func matches(_ ref: TextRef, in bytes: DocumentBytes) -> Bool {
        // `bytes(of:)` is nil for an absent reference and for one outside the bytes (see `TextRef`).
        guard let text = bytes.bytes(of: ref) else { return false }
        guard let needle = asciiNeedle else { return matches(bytes.string(ref) ?? "") }
        if contains(needle, in: text, anchor: anchorIndex) { return true }
        // A \u escape may hide a letter of the query: only then is decoding worth it.
        return ref.isJSONEscaped && contains(Self.unicodeEscape, in: text, anchor: 0)
            && matches(bytes.string(ref) ?? "")
    }

    /// Case-insensitive ASCII search: memchr finds each candidate for the needle's rarest byte,
    /// in both cases, so the text is mostly skimmed at memory speed.
    private static let unicodeEscape = Array("\\u".utf8)

    /// `anchor` is the index in `needle` of the byte memchr looks for.
    private func contains(_ needle: [UInt8], in text: UnsafeRawBufferPointer, anchor: Int) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard text.count >= n, let base = text.baseAddress else { return false }
        return needle.withUnsafeBufferPointer { needle in
            let lower = needle[anchor]
            let upper = lower &- UInt8(ascii: "a") < 26 ? lower & ~0x20 : lower
            // Candidates for the anchor byte lie at anchor...(count - n + anchor).
            let end = text.count - n + anchor + 1
            var nextLower = find(lower, in: base, from: anchor, to: end)
            var nextUpper = upper == lower ? Int.max : find(upper, in: base, from: anchor, to: end)
            while true {
                let hit = min(nextLower, nextUpper)
                if hit >= end { return false }
                let i = hit - anchor
                var k = 0
                while k < n, Self.lower(text[i + k]) == needle[k] { k += 1 }
                if k == n { return true }
                if hit == nextLower { nextLower = find(lower, in: base, from: hit + 1, to: end) }
                if hit == nextUpper { nextUpper = find(upper, in: base, from: hit + 1, to: end) }
            }
        }
    }

    /// The needle's byte rarest in ordinary text.
    private static func rarest(in needle: [UInt8]) -> Int {
        guard !needle.isEmpty else { return 0 }
        // English letter frequency, most common first; anything else (digits, punctuation) is rarer still.
        let common = Array(" etaoinshrdlcumwfgypbvkjxqz".utf8)
        func rank(_ byte: UInt8) -> Int { common.firstIndex(of: byte).map { common.count - $0 } ?? 0 }
        var best = 0
        for k in needle.indices where rank(needle[k]) < rank(needle[best]) { best = k }
        return best
    }

    /// The offset of the first `byte` in `start..<end`, or Int.max.
    private func find(_ byte: UInt8, in base: UnsafeRawPointer, from start: Int, to end: Int) -> Int {
        guard start < end, let hit = memchr(base + start, Int32(byte), end - start) else { return Int.max }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}
