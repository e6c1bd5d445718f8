/// Where a piece of text lies in a discussion's bytes, decoded only when asked for.
///
/// `length` carries a flag in its top bit: the text is the inside of a JSON string
/// (escapes still to be decoded) rather than plain UTF-8.
public struct TextRef: Hashable, Sendable {
    public var offset: UInt32
    var rawLength: UInt32

    static let escapedFlag: UInt32 = 1 << 31

    public static let absent = TextRef(offset: 0, rawLength: UInt32.max)

    init(offset: Int, length: Int, jsonEscaped: Bool) {
        self.offset = UInt32(truncatingIfNeeded: offset)
        rawLength = UInt32(truncatingIfNeeded: length) | (jsonEscaped ? Self.escapedFlag : 0)
    }

    private init(offset: UInt32, rawLength: UInt32) {
        self.offset = offset
        self.rawLength = rawLength
    }

    public var isAbsent: Bool { rawLength == UInt32.max }
    public var length: Int { isAbsent ? 0 : Int(rawLength & ~Self.escapedFlag) }
    public var isJSONEscaped: Bool { !isAbsent && rawLength & Self.escapedFlag != 0 }
}

extension DocumentBytes {
    /// The text `ref` points at, as a Swift string: JSON escapes decoded, invalid UTF-8
    /// and lone surrogates replaced by U+FFFD. Nil when the text is absent.
    public func string(_ ref: TextRef) -> String? {
        if ref.isAbsent { return nil }
        let start = Int(ref.offset)
        let end = start + ref.length
        guard start <= end, end <= count else { return "\u{FFFD}" }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
        if !ref.isJSONEscaped || !slice.contains(UInt8(ascii: "\\")) {
            return String(decoding: slice, as: UTF8.self)
        }
        return JSONString.unescape(slice)
    }
}

/// Decoding the inside of a JSON string.
enum JSONString {
    /// Decodes escapes; malformed escapes and lone surrogates become U+FFFD, never an error,
    /// because the scanner already accepted the string and one bad comment must not sink a file.
    static func unescape(_ bytes: UnsafeRawBufferPointer) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < n else {
                appendReplacement(&out)
                break
            }
            let escape = bytes[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let high = hex4(bytes, at: i) else {
                    appendReplacement(&out)
                    continue
                }
                i += 4
                var scalarValue = UInt32(high)
                if (0xD800...0xDBFF).contains(high) {
                    if i + 1 < n, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                        let low = hex4(bytes, at: i + 2), (0xDC00...0xDFFF).contains(low)
                    {
                        i += 6
                        scalarValue = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else {
                        appendReplacement(&out)
                        continue
                    }
                } else if (0xDC00...0xDFFF).contains(high) {
                    appendReplacement(&out)
                    continue
                }
                if let scalar = Unicode.Scalar(scalarValue) {
                    UTF8.encode(scalar) { out.append($0) }
                } else {
                    appendReplacement(&out)
                }
            default:
                appendReplacement(&out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendReplacement(_ out: inout [UInt8]) {
        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
    }

    static func hex4(_ bytes: UnsafeRawBufferPointer, at start: Int) -> UInt16? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for k in start..<start + 4 {
            let c = bytes[k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Writes `text` as a JSON string literal, quotes included.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
