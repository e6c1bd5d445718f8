/// Decoding of HTML character references (`&amp;`, `&#x27;`, `&#8217;`, `&NotEqualTilde;`).
public enum HTMLEntities {
    /// Decodes every character reference in `text` once: `&amp;lt;` becomes `&lt;`, not `<`.
    ///
    /// Unknown names and malformed references stay as written, because a user may have
    /// typed a bare `&`; numbers that name no character become U+FFFD.
    public static func decode(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return String(text) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let (decoded, next) = reference(in: bytes, at: i) {
                out.append(contentsOf: decoded.utf8)
                i = next
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference starting at `start` (an `&`) in UTF-8 `bytes`, and the index after its `;`.
    ///
    /// Looks at most `longestReference` bytes ahead, so decoding a text stays linear.
    static func reference(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        let limit = min(bytes.count, start + longestReference)
        var end = start + 1
        while end < limit, bytes[end] != UInt8(ascii: ";") {
            let byte = bytes[end]
            let isWordChar =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "#")
            guard isWordChar else { return nil }
            end += 1
        }
        guard end < limit, end > start + 1 else { return nil }
        let word = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        if word.hasPrefix("#") {
            return number(word.dropFirst()).map { ($0, end + 1) }
        }
        guard let named = names[word] else { return nil }
        return (named, end + 1)
    }

    /// `&` plus the longest name (`CounterClockwiseContourIntegral`) or number (`#x0010FFFF`) plus `;`.
    private static let longestReference = 34

    /// The character a numeric reference names, as HTML5 reads it: NUL, surrogates and numbers
    /// past U+10FFFF become U+FFFD, and 128–159 are the Windows-1252 characters people meant.
    private static func number(_ digits: Substring) -> String? {
        let hex = digits.first == "x" || digits.first == "X"
        let body = hex ? digits.dropFirst() : digits
        let isDigit: (Character) -> Bool = hex ? { $0.isHexDigit } : { $0.isASCII && $0.isNumber }
        guard !body.isEmpty, body.allSatisfy(isDigit) else { return nil }
        // Too many digits for any character: what browsers show for an out-of-range number.
        guard body.count <= 8, let value = UInt32(body, radix: hex ? 16 : 10) else { return "\u{FFFD}" }
        if (0x80...0x9F).contains(value), let mapped = windows1252[value] {
            return String(mapped)
        }
        let scalar = value == 0 ? nil : Unicode.Scalar(value)
        return scalar.map { String($0) } ?? "\u{FFFD}"
    }

    /// The characters HTML5 substitutes for the C1 numbers, as browsers show them.
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}",
        0x86: "\u{2020}", 0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}",
        0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}",
        0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
        0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}",
        0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    /// Every HTML5 name (without `&` and `;`) and the text it stands for.
    static let names: [String: String] = {
        var table: [String: String] = ["NewLine": "\n"]
        for line in html5Names.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            table[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return table
    }()
}
