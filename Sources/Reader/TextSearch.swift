import ThreadModel

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

    private func contains(_ needle: [UInt8], in text: UnsafeRawBufferPointer) -> Bool {
        let n = needle.count
        guard n > 0, text.count >= n else { return n == 0 }
        return needle.withUnsafeBufferPointer { needle in
            let first = needle[0]
            var i = 0
            let last = text.count - n
            while i <= last {
                if Self.lower(text[i]) == first {
                    var k = 1
                    while k < n, Self.lower(text[i + k]) == needle[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
