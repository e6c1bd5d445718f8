/// Finds a `\u0000` (or `\U00000000`) escape in a TOML basic string, key or value.
///
/// TOMLKit hands strings over as C strings, so such a string would reach tread cut at the NUL in silence
/// (`sort = "top\u0000zz"` read as `"top"`, a kill rule's query shortened). The config is refused instead.
/// Only basic strings (`"…"`, `"""…"""`) read escapes: literal strings and comments are skipped, as is an
/// escaped backslash. One pass over the bytes, no recursion; the file is at most 64 KiB.
enum TOMLNulEscape {
    /// The 1-based line of the first NUL escape, or nil when there is none.
    static func line(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var i = 0
        var line = 1
        func at(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        func starts(_ byte: UInt8, count: Int, at index: Int) -> Bool {
            (0..<count).allSatisfy { at(index + $0) == byte }
        }
        let quote = UInt8(ascii: "\"")
        let apostrophe = UInt8(ascii: "'")
        let newline = UInt8(ascii: "\n")
        while i < bytes.count {
            let byte = bytes[i]
            if byte == newline {
                line += 1
                i += 1
            } else if byte == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != newline { i += 1 }
            } else if byte == apostrophe {
                // A literal string: no escapes, up to the closing quote (or the line's end for a broken one).
                let multiline = starts(apostrophe, count: 3, at: i)
                i += multiline ? 3 : 1
                while i < bytes.count {
                    if multiline, starts(apostrophe, count: 3, at: i) {
                        i += 3
                        while at(i) == apostrophe { i += 1 }
                        break
                    }
                    if !multiline, bytes[i] == apostrophe || bytes[i] == newline { break }
                    if bytes[i] == newline { line += 1 }
                    i += 1
                }
                if !multiline, at(i) == apostrophe { i += 1 }
            } else if byte == quote {
                let multiline = starts(quote, count: 3, at: i)
                i += multiline ? 3 : 1
                while i < bytes.count {
                    let c = bytes[i]
                    if c == UInt8(ascii: "\\") {
                        if isNul(bytes, escapeAt: i) { return line }
                        if at(i + 1) == newline { line += 1 }
                        i += 2
                        continue
                    }
                    if multiline, starts(quote, count: 3, at: i) {
                        i += 3
                        while at(i) == quote { i += 1 }
                        break
                    }
                    if !multiline, c == quote || c == newline { break }
                    if c == newline { line += 1 }
                    i += 1
                }
                if !multiline, at(i) == quote { i += 1 }
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Whether the escape starting at the backslash `index` is `\u0000` or `\U00000000`.
    private static func isNul(_ bytes: [UInt8], escapeAt index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let digits: Int
        switch bytes[index + 1] {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: return false
        }
        guard index + 1 + digits < bytes.count else { return false }
        return bytes[(index + 2)...(index + 1 + digits)].allSatisfy { $0 == UInt8(ascii: "0") }
    }
}
