#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A forward-only reader of JSON tokens over raw bytes, with no nesting limit.
///
/// It never builds a tree: callers pull exactly the values they need and skip the rest,
/// so a million-comment file costs one pass and no recursion. Errors carry a line and
/// column. Invalid UTF-8 and raw control characters inside strings are let through;
/// decoding replaces what cannot be shown.
package struct JSONScanner {
    package let bytes: UnsafeRawBufferPointer
    package var position = 0

    package init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }

    @inline(__always) mutating func skipWhitespace() {
        let n = bytes.count
        while position < n {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next non-blank byte, not consumed; nil at the end of the input.
    @inline(__always) package mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(DocumentError) {
        guard peek() == byte else { throw syntaxError("expected \(what)") }
        position += 1
    }

    /// Reads a string at the current position (which must be its opening quote) and returns where its inside lies.
    mutating func readString() throws(DocumentError) -> TextRef {
        guard peek() == UInt8(ascii: "\"") else { throw syntaxError("expected a string") }
        let start = position + 1
        let n = bytes.count
        guard let base = bytes.baseAddress else { throw syntaxError("unterminated string") }
        // Most strings are short (keys, ids, names, dates): their first 32 bytes are searched 8 at a
        // time for a quote or a backslash, in line; a call to memchr would cost more than the search.
        var at = start
        let shortEnd = start + Self.shortString
        while at + 8 <= n, at < shortEnd {
            let marks = Self.quoteOrBackslash(
                UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
            if marks != 0 {
                at += marks.trailingZeroBitCount >> 3
                if base.load(fromByteOffset: at, as: UInt8.self) == 0x22 {
                    position = at + 1
                    return try ref(start, at, escaped: false)
                }
                return try readEscapedString(from: start)
            }
            at += 8
        }
        // Longer strings: most hold no backslash, so the first quote ends them.
        guard let quote = memchr(base + at, 0x22, n - at) else {
            throw syntaxError("unterminated string", at: position)
        }
        let quoteOffset = base.distance(to: UnsafeRawPointer(quote))
        if memchr(base + at, 0x5C, quoteOffset - at) == nil {
            position = quoteOffset + 1
            return try ref(start, quoteOffset, escaped: false)
        }
        return try readEscapedString(from: start, firstQuote: quoteOffset)
    }

    /// How many bytes of a string `readString` searches in line before it calls memchr.
    private static let shortString = 32

    /// A word with the top bit set in each byte that is a quote or a backslash, and in no byte
    /// before the first such (bytes after it may be marked wrongly: only the lowest mark counts).
    @inline(__always) private static func quoteOrBackslash(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        return ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & highs
    }

    /// The rest of `readString` for a string with a backslash before its first quote: a quote ends
    /// it when an even number of backslashes stands before it.
    /// `firstQuote` is where the first quote after `start` is, when known.
    private mutating func readEscapedString(from start: Int, firstQuote: Int? = nil) throws(DocumentError) -> TextRef {
        let n = bytes.count
        guard let base = bytes.baseAddress else { throw syntaxError("unterminated string", at: start - 1) }
        var candidate: Int
        if let firstQuote {
            candidate = firstQuote
        } else if let quote = memchr(base + start, 0x22, n - start) {
            candidate = base.distance(to: UnsafeRawPointer(quote))
        } else {
            throw syntaxError("unterminated string", at: start - 1)
        }
        while true {
            var backslashes = 0
            while candidate - backslashes - 1 >= start, bytes[candidate - backslashes - 1] == 0x5C { backslashes += 1 }
            if backslashes % 2 == 0 {
                position = candidate + 1
                return try ref(start, candidate, escaped: true)
            }
            guard candidate + 1 < n, let next = memchr(base + candidate + 1, 0x22, n - candidate - 1) else {
                throw syntaxError("unterminated string", at: start - 1)
            }
            candidate = base.distance(to: UnsafeRawPointer(next))
        }
    }

    private func ref(_ start: Int, _ end: Int, escaped: Bool) throws(DocumentError) -> TextRef {
        guard end - start < Int(TextRef.escapedFlag) else { throw syntaxError("string too long", at: start) }
        return TextRef(offset: start, length: end - start, jsonEscaped: escaped)
    }

    /// Reads an object key and the colon after it.
    package mutating func readKey() throws(DocumentError) -> TextRef {
        guard peek() == UInt8(ascii: "\"") else { throw syntaxError("expected a quoted key") }
        let key = try readString()
        guard peek() == UInt8(ascii: ":") else { throw syntaxError("expected ':' after a key") }
        position += 1
        return key
    }

    /// Whether a key read by `readKey` is `name` (keys are compared decoded).
    @inline(__always) func key(_ key: TextRef, is name: StaticString) -> Bool {
        let length = name.utf8CodeUnitCount
        if !key.isJSONEscaped {
            guard key.length == length else { return false }
            let start = Int(key.offset)
            return name.withUTF8Buffer { expected in
                for k in 0..<length where bytes[start + k] != expected[k] { return false }
                return true
            }
        }
        let decoded = JSONString.unescape(
            UnsafeRawBufferPointer(rebasing: bytes[Int(key.offset)..<Int(key.offset) + key.length]))
        return name.withUTF8Buffer { decoded.utf8.elementsEqual($0) }
    }

    /// Reads a JSON number; returns its text range and whether it is a plain integer.
    mutating func readNumber() throws(DocumentError) -> (range: Range<Int>, isInteger: Bool) {
        skipWhitespace()
        let start = position
        let n = bytes.count
        var i = position
        var isInteger = true
        if i < n, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < n, isDigit(bytes[i]) { i += 1 }
        guard i > digitsStart else { throw syntaxError("expected a value", at: start) }
        if bytes[digitsStart] == UInt8(ascii: "0"), i - digitsStart > 1 {
            throw syntaxError("a number cannot start with 0", at: start)
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let fraction = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            guard i > fraction else { throw syntaxError("expected digits after '.'", at: i) }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let exponent = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            guard i > exponent else { throw syntaxError("expected digits in the exponent", at: i) }
        }
        position = i
        return (start..<i, isInteger)
    }

    /// The value of an integer token, nil when it does not fit in 64 bits, or when its bytes are no
    /// longer digits (a mapped file cut short under the load reads as zeros since it was scanned).
    func integer(in range: Range<Int>) -> Int64? {
        // Accumulated as a negative number, so Int64.min fits too.
        var value: Int64 = 0
        var negative = false
        for i in range {
            let byte = bytes[i]
            if byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (minus, o2) = times.subtractingReportingOverflow(Int64(digit))
            if o1 || o2 { return nil }
            value = minus
        }
        if negative { return value }
        return value == Int64.min ? nil : -value
    }

    /// Reads `true`, `false` or `null`.
    mutating func readLiteral() throws(DocumentError) -> Bool? {
        switch peek() {
        case UInt8(ascii: "t") where matches("true"):
            position += 4
            return true
        case UInt8(ascii: "f") where matches("false"):
            position += 5
            return false
        case UInt8(ascii: "n") where matches("null"):
            position += 4
            return nil
        default:
            throw syntaxError("expected a value")
        }
    }

    private func matches(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        return word.withUTF8Buffer { expected in
            for k in 0..<length where bytes[position + k] != expected[k] { return false }
            return true
        }
    }

    /// Whether the next value is `null`; consumes it if so.
    mutating func skipNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), matches("null") else { return false }
        position += 4
        return true
    }

    /// Skips one whole value of any depth, checking its syntax, without recursion; returns how
    /// many elements or members the value holds (0 for a string, number or literal).
    @discardableResult
    package mutating func skipValue() throws(DocumentError) -> Int {
        // Each open container: true for an object, false for an array.
        var open: [Bool] = []
        var expectingValue = true
        var count = 0
        while true {
            if expectingValue {
                if open.count == 1 { count += 1 }
                guard let byte = peek() else { throw syntaxError("unexpected end of the file") }
                switch byte {
                case UInt8(ascii: "{"):
                    position += 1
                    if peek() == UInt8(ascii: "}") {
                        position += 1
                    } else {
                        open.append(true)
                        _ = try readKey()
                        continue
                    }
                case UInt8(ascii: "["):
                    position += 1
                    if peek() == UInt8(ascii: "]") {
                        position += 1
                    } else {
                        open.append(false)
                        continue
                    }
                case UInt8(ascii: "\""): _ = try readString()
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): _ = try readLiteral()
                default: _ = try readNumber()
                }
                expectingValue = false
            }
            guard let isObject = open.last else { return count }
            guard let byte = peek() else { throw syntaxError("unexpected end of the file") }
            if byte == UInt8(ascii: ",") {
                position += 1
                if isObject { _ = try readKey() }
                expectingValue = true
            } else if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                position += 1
                open.removeLast()
            } else {
                throw syntaxError(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    /// Checks that nothing but white space follows the document.
    package mutating func expectEnd() throws(DocumentError) {
        skipWhitespace()
        guard atEnd else { throw syntaxError("unexpected text after the document") }
    }

    @inline(never) package func syntaxError(_ message: String, at offset: Int? = nil) -> DocumentError {
        var message = message
        let at = min(offset ?? position, bytes.count)
        if at >= bytes.count, offset == nil, !message.contains("end of the file") {
            message += " (the file ends early)"
        }
        let (line, column) = lineAndColumn(of: at)
        return DocumentError(kind: .syntax(message, line: line, column: column))
    }

    @inline(never) func shapeError(_ message: String, at offset: Int) -> DocumentError {
        let (line, column) = lineAndColumn(of: offset)
        return DocumentError(kind: .shape(message, line: line, column: column))
    }

    /// The 1-based line and column (in characters) of a byte offset; only computed for errors.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
