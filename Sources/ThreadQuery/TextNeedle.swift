import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// A word or phrase to find in comment text, ignoring case.
///
/// An ASCII needle is matched byte by byte against the document's bytes where they need no
/// decoding (no backslash escape in the comment); other text is decoded first. Non-ASCII letters
/// are compared after `lowercased()`.
public struct TextNeedle: Sendable {
    public let text: String
    let lowered: String
    /// The needle's bytes, lower-cased, when it is ASCII.
    let asciiBytes: [UInt8]?

    public init(_ text: String) {
        self.text = text
        lowered = text.lowercased()
        let bytes = Array(text.utf8)
        let ascii = bytes.allSatisfy { $0 < 0x80 } ? bytes.map(Self.lower) : nil
        asciiBytes = ascii
        // JSON writes these escaped, so a needle holding one is searched in decoded text.
        plain = ascii?.allSatisfy { $0 >= 0x20 && $0 != 0x7F && $0 != 0x5C && $0 != 0x22 } ?? false
        anchor = Self.rarest(in: ascii ?? [])
    }

    /// Whether the needle has nothing JSON escapes, so it can be found in the raw bytes.
    let plain: Bool
    /// The index of the byte memchr looks for: the rarest in English text, roughly.
    let anchor: Int

    static func rarest(in needle: [UInt8]) -> Int {
        // Letters from common to rare; anything not listed (digits, punctuation) counts as rare.
        let common = Array(" etaoinshrdlcumwfgypbvkjxqz".utf8)
        var best = 0
        var bestRank = -1
        for (k, byte) in needle.enumerated() {
            let rank = common.firstIndex(of: byte) ?? common.count
            if rank > bestRank {
                best = k
                bestRank = rank
            }
        }
        return best
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }

    /// Whether `ref`'s text holds the needle.
    ///
    /// The raw bytes are searched first: a hit counts unless its first byte is the letter of an
    /// escape (`\n` holds "n" but means a newline). Escapes that could spell the needle when
    /// decoded (`\u…`, and `\/` for a needle with "/") send the comment to the decoding path.
    func matches(_ ref: TextRef, in bytes: DocumentBytes) -> Bool {
        if ref.isAbsent { return false }
        let start = Int(ref.offset)
        let end = start + ref.length
        guard end <= bytes.count else { return false }
        let raw = UnsafeRawBufferPointer(rebasing: bytes.buffer[start..<end])
        guard let needle = asciiBytes, plain else { return matches(bytes.string(ref) ?? "") }
        if !ref.isJSONEscaped { return Self.find(needle, anchor: anchor, in: raw, escaped: false) }
        if Self.find(needle, anchor: anchor, in: raw, escaped: true) { return true }
        return Self.hasEscape(in: raw, spelling: needle) && matches(bytes.string(ref) ?? "")
    }

    /// Whether `text` holds the needle.
    public func matches(_ text: String) -> Bool {
        guard let needle = asciiBytes else { return text.lowercased().contains(lowered) }
        var text = text
        return text.withUTF8 { Self.find(needle, anchor: 0, in: UnsafeRawBufferPointer($0), escaped: false) }
    }

    /// Whether a `\\u` escape, or `\\/` when the needle has a slash, lies in `raw`.
    static func hasEscape(in raw: UnsafeRawBufferPointer, spelling needle: [UInt8]) -> Bool {
        guard let base = raw.baseAddress else { return false }
        let slash = needle.contains(UInt8(ascii: "/"))
        var i = 0
        // memchr skims from one backslash to the next; an escaped backslash is stepped over whole.
        while i + 1 < raw.count, let hit = memchr(base + i, 0x5C, raw.count - i) {
            let k = base.distance(to: UnsafeRawPointer(hit))
            guard k + 1 < raw.count else { return false }
            let next = raw[k + 1]
            if next == UInt8(ascii: "u") || (slash && next == UInt8(ascii: "/")) { return true }
            i = k + 2
        }
        return false
    }

    /// ASCII case-insensitive search: memchr finds each place of the needle's anchor byte (in
    /// both cases), so the text is skimmed at memory speed. With `escaped`, a hit whose first byte
    /// follows an odd run of backslashes is an escape's letter, not text, and is passed over.
    static func find(_ needle: [UInt8], anchor: Int, in text: UnsafeRawBufferPointer, escaped: Bool) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard text.count >= n, let base = text.baseAddress else { return false }
        let lowerByte = needle[anchor]
        let upperByte = lowerByte &- UInt8(ascii: "a") < 26 ? lowerByte & ~0x20 : lowerByte
        func next(_ byte: UInt8, from position: Int) -> Int {
            guard position < text.count, let hit = memchr(base + position, Int32(byte), text.count - position) else {
                return Int.max
            }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        var nextLower = next(lowerByte, from: anchor)
        var nextUpper = upperByte == lowerByte ? Int.max : next(upperByte, from: anchor)
        while true {
            let candidate = min(nextLower, nextUpper)
            if candidate == Int.max { return false }
            let start = candidate - anchor
            if start + n > text.count { return false }
            var k = 0
            while k < n, lower(text[start + k]) == needle[k] { k += 1 }
            if k == n, !escaped || !followsEscape(text, start) { return true }
            if candidate == nextLower { nextLower = next(lowerByte, from: candidate + 1) }
            if candidate == nextUpper { nextUpper = next(upperByte, from: candidate + 1) }
        }
    }

    /// Whether `text[position]` is the letter of an escape: an odd number of backslashes before it.
    static func followsEscape(_ text: UnsafeRawBufferPointer, _ position: Int) -> Bool {
        var backslashes = 0
        var i = position - 1
        while i >= 0, text[i] == 0x5C {
            backslashes += 1
            i -= 1
        }
        return backslashes % 2 == 1
    }
}
