#if canImport(Glibc)
    import Glibc
#endif

/// A search query and the one rule for where it occurs in text: case-insensitively, one
/// grapheme cluster against one, each lower-cased on its own and compared by its UTF-8 (so a
/// precomposed "é" and "e" + combining accent are different text, as they are different bytes).
///
/// The reader's search (which comments match) and its highlighter (where on a line) both use it,
/// so a comment is a hit exactly when its decoded text holds what the highlighter marks.
public struct TextMatcher: Sendable {
    public let query: String
    /// The query's clusters, each folded.
    let needle: [String]
    /// The query's bytes, lower-cased, when it is printable ASCII with nothing JSON would escape:
    /// then raw document bytes can be skimmed for it before anything is decoded.
    let asciiNeedle: [UInt8]?
    /// Which byte of `asciiNeedle` memchr looks for first.
    let anchor: Int
    /// The folded clusters joined: bytes any text holding the query holds once lower-cased.
    private let foldedBytes: [UInt8]
    /// Whether only a text with some non-ASCII character can hold the query.
    let needsNonASCII: Bool
    /// Whether the query holds a sigma, which a text's final sigma (ς) must be folded to first.
    private let holdsSigma: Bool

    public init(_ query: String) {
        self.query = query
        needle = query.map(Self.fold)
        let bytes = Array(query.utf8)
        let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }
        asciiNeedle = plain && !bytes.isEmpty ? bytes.map(Self.lower) : nil
        anchor = Self.rarest(in: asciiNeedle ?? [])
        foldedBytes = Array(needle.joined().utf8)
        needsNonASCII = foldedBytes.contains { $0 >= 0x80 }
        holdsSigma = needle.contains(Self.sigma)
    }

    public var isEmpty: Bool { needle.isEmpty }

    /// A cluster as matching compares it.
    public static func fold(_ character: Character) -> String {
        // Not `asciiValue` alone: it calls the two-byte cluster CR LF plain LF.
        if character.utf8.count == 1, let ascii = character.asciiValue { return String(UnicodeScalar(lower(ascii))) }
        let lowered = String(character).lowercased()
        // As Unicode's case folding does: "ΟΔΟΣ" lower-cased a letter at a time ends in σ, "οδος" in ς.
        return lowered == "ς" ? sigma : lowered
    }

    private static let sigma = "σ"

    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// Whether `text` holds the query.
    ///
    /// Lower-casing maps each scalar on its own, so the folded clusters of a match, joined, lie
    /// in the whole text lower-cased: one byte search rules most texts out before any cluster
    /// is looked at.
    public func matches(_ text: some StringProtocol) -> Bool {
        guard !needle.isEmpty else { return false }
        var lowered = String(text).lowercased()
        if holdsSigma { lowered = lowered.replacing("ς", with: Self.sigma) }
        let candidate = lowered.withUTF8 { haystack in
            foldedBytes.withUnsafeBytes { Self.contains($0, in: UnsafeRawBufferPointer(haystack)) }
        }
        return candidate && firstMatch(in: text.map(Self.fold)) != nil
    }

    /// Whether `needle` occurs in `haystack`: memchr for its first byte, memcmp for the rest.
    private static func contains(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Bool {
        let n = needle.count
        guard n > 0, haystack.count >= n, let base = haystack.baseAddress, let first = needle.baseAddress else {
            return n == 0
        }
        let last = haystack.count - n
        var start = 0
        while start <= last, let hit = memchr(base + start, Int32(needle[0]), last - start + 1) {
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + offset, first, n) == 0 { return true }
            start = offset + 1
        }
        return false
    }

    /// Where the query starts in `clusters` (already folded) at or after `start`.
    public func firstMatch(in clusters: [String], from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0, clusters.count >= n, start <= clusters.count - n else { return nil }
        var i = max(0, start)
        while i + n <= clusters.count {
            var k = 0
            while k < n, clusters[i + k].utf8.elementsEqual(needle[k].utf8) { k += 1 }
            if k == n { return i }
            i += 1
        }
        return nil
    }

    /// How many non-overlapping occurrences `text` holds.
    public func occurrences(in text: some StringProtocol) -> Int {
        matches(text) ? matches(in: text.map(Self.fold)).count : 0
    }

    /// Every non-overlapping occurrence in `clusters` (already folded), as cluster ranges.
    public func matches(in clusters: [String]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        while let hit = firstMatch(in: clusters, from: start) {
            result.append(hit..<hit + needle.count)
            start = hit + needle.count
        }
        return result
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
}
