/// Decoding of HTML character references (`&amp;`, `&#x27;`, `&#8217;`).
public enum HTMLEntities {
    /// Decodes every character reference in `text` once: `&amp;lt;` becomes `&lt;`, not `<`.
    ///
    /// Unknown names and malformed references stay as written, because a user may have
    /// typed a bare `&`; numbers that name no character become U+FFFD.
    public static func decode(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return String(text) }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "&", let (decoded, next) = reference(in: scalars, at: i) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = next
            } else {
                out.append(scalar)
                i += 1
            }
        }
        return String(out)
    }

    /// The reference starting at `start` (an `&`) and the index after its `;`, when it is one.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        // The longest name below is 6 letters; numbers need at most "#x10FFFF".
        let limit = min(scalars.count, start + 12)
        var end = start + 1
        while end < limit, scalars[end] != ";" {
            let value = scalars[end].value
            let isWordChar =
                (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value) || value == 0x23
            guard isWordChar else { return nil }
            end += 1
        }
        guard end < limit, end > start + 1 else { return nil }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[(start + 1)..<end])
        let word = String(name)
        if word.hasPrefix("#") {
            let digits = word.dropFirst()
            let number: UInt32?
            if digits.first == "x" || digits.first == "X" {
                number = UInt32(digits.dropFirst(), radix: 16)
            } else {
                number = UInt32(digits, radix: 10)
            }
            guard let number else { return nil }
            // NUL and surrogates are not characters; a reference to them is shown as a replacement.
            let character = number == 0 ? nil : Unicode.Scalar(number)
            return (character.map { String($0) } ?? "\u{FFFD}", end + 1)
        }
        guard let named = named[word] else { return nil }
        return (named, end + 1)
    }

    /// The named references met in saved discussions; anything rarer stays as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "copy": "©",
        "reg": "®", "trade": "™", "deg": "°", "times": "×", "divide": "÷", "euro": "€",
        "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "shy": "\u{AD}",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "minus": "−",
        "plusmn": "±", "frac12": "½", "frac14": "¼", "frac34": "¾", "micro": "µ",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    ]
}
