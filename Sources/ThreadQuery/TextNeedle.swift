import ThreadModel

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
        asciiBytes = bytes.allSatisfy { $0 < 0x80 } ? bytes.map(Self.lower) : nil
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }

    /// Whether `ref`'s text holds the needle.
    func matches(_ ref: TextRef, in bytes: DocumentBytes) -> Bool {
        if ref.isAbsent { return false }
        let start = Int(ref.offset)
        let end = start + ref.length
        guard end <= bytes.count else { return false }
        let raw = UnsafeRawBufferPointer(rebasing: bytes.buffer[start..<end])
        if let needle = asciiBytes, !ref.isJSONEscaped || !raw.contains(UInt8(ascii: "\\")) {
            return Self.contains(needle, in: raw)
        }
        return matches(bytes.string(ref) ?? "")
    }

    /// Whether `text` holds the needle.
    public func matches(_ text: String) -> Bool {
        guard let needle = asciiBytes else { return text.lowercased().contains(lowered) }
        var text = text
        return text.withUTF8 { Self.contains(needle, in: UnsafeRawBufferPointer($0)) }
    }

    /// ASCII case-insensitive search: the first byte is looked for, then the rest compared.
    static func contains(_ needle: [UInt8], in text: UnsafeRawBufferPointer) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard text.count >= n else { return false }
        let first = needle[0]
        let last = text.count - n
        return needle.withUnsafeBufferPointer { needle in
            var i = 0
            while i <= last {
                if lower(text[i]) == first {
                    var k = 1
                    while k < n, lower(text[i + k]) == needle[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
