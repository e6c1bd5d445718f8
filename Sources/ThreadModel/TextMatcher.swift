/// A search query and the one rule for where it occurs in text: case-insensitively, one
/// grapheme cluster against one, each lower-cased on its own.
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

    public init(_ query: String) {
        self.query = query
        needle = query.map(Self.fold)
        let bytes = Array(query.utf8)
        let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }
        asciiNeedle = plain && !bytes.isEmpty ? bytes.map(Self.lower) : nil
        anchor = Self.rarest(in: asciiNeedle ?? [])
    }

    public var isEmpty: Bool { needle.isEmpty }

    /// A cluster as matching compares it.
    public static func fold(_ character: Character) -> String {
        if let ascii = character.asciiValue { return String(UnicodeScalar(lower(ascii))) }
        return String(character).lowercased()
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// Whether `text` holds the query.
    public func matches(_ text: some StringProtocol) -> Bool {
        guard !needle.isEmpty else { return false }
        return firstMatch(in: text.map(Self.fold)) != nil
    }

    /// Where the query starts in `clusters` (already folded) at or after `start`.
    public func firstMatch(in clusters: [String], from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0, clusters.count >= n, start <= clusters.count - n else { return nil }
        var i = max(0, start)
        while i + n <= clusters.count {
            var k = 0
            while k < n, clusters[i + k] == needle[k] { k += 1 }
            if k == n { return i }
            i += 1
        }
        return nil
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
