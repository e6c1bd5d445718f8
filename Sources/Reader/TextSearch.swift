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
    }

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
        if ref.isAbsent { return false }
        guard let needle = asciiNeedle else { return matches(bytes.string(ref) ?? "") }
        let start = Int(ref.offset)
        let text = UnsafeRawBufferPointer(rebasing: bytes.buffer[start..<start + ref.length])
        if contains(needle, in: text) { return true }
        // A \u escape may hide a letter of the query: only then is decoding worth it.
        return ref.isJSONEscaped && contains(Array("\\u".utf8), in: text) && matches(bytes.string(ref) ?? "")
    }

    /// Case-insensitive ASCII search: memchr finds each candidate for the first byte, in
    /// both cases, so the text is mostly skimmed at memory speed.
    private func contains(_ needle: [UInt8], in text: UnsafeRawBufferPointer) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard text.count >= n, let base = text.baseAddress else { return false }
        return needle.withUnsafeBufferPointer { needle in
            let lower = needle[0]
            let upper = lower &- UInt8(ascii: "a") < 26 ? lower & ~0x20 : lower
            let last = text.count - n
            var nextLower = find(lower, in: base, from: 0, to: last + 1)
            var nextUpper = upper == lower ? Int.max : find(upper, in: base, from: 0, to: last + 1)
            while true {
                let i = min(nextLower, nextUpper)
                if i > last { return false }
                var k = 1
                while k < n, Self.lower(text[i + k]) == needle[k] { k += 1 }
                if k == n { return true }
                if i == nextLower { nextLower = find(lower, in: base, from: i + 1, to: last + 1) }
                if i == nextUpper { nextUpper = find(upper, in: base, from: i + 1, to: last + 1) }
            }
        }
    }

    /// The offset of the first `byte` in `start..<end`, or Int.max.
    private func find(_ byte: UInt8, in base: UnsafeRawPointer, from start: Int, to end: Int) -> Int {
        guard start < end, let hit = memchr(base + start, Int32(byte), end - start) else { return Int.max }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}
