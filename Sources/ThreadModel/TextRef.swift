/// Where a piece of text lies in a discussion's bytes, decoded only when asked for.
///
/// `length` carries a flag in its top bit: the text is the inside of a JSON string
/// (escapes still to be decoded) rather than plain UTF-8.
///
/// The invariant: every text reference a `Discussion` holds lies inside its bytes. It is made true
/// where references are made (the scanner and the builder cut them from the bytes they read) and
/// checked once where they meet their bytes (`Discussion`'s initialiser); every read goes through
/// `DocumentBytes.bytes(of:)`, which checks it again, so a stale reference reads as nothing
/// rather than outside the mapping.
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

    /// The reference as one number, for `CommentRecord`'s packing of a stub into its `score`.
    var bits: UInt64 { UInt64(offset) << 32 | UInt64(rawLength) }

    init(bits: UInt64) {
        self.init(offset: UInt32(truncatingIfNeeded: bits >> 32), rawLength: UInt32(truncatingIfNeeded: bits))
    }

    public var isAbsent: Bool { rawLength == UInt32.max }
    public var length: Int { isAbsent ? 0 : Int(rawLength & ~Self.escapedFlag) }
    public var isJSONEscaped: Bool { !isAbsent && rawLength & Self.escapedFlag != 0 }
}

extension DocumentBytes {
    /// Whether `ref` is absent or lies inside these bytes (the invariant above).
    public func holds(_ ref: TextRef) -> Bool {
        ref.isAbsent || Int(ref.offset) + ref.length <= count
    }

    /// The raw bytes `ref` points at (escapes not decoded); nil when it is absent or does not
    /// lie inside these bytes. The one place text is cut from the bytes.
    public func bytes(of ref: TextRef) -> UnsafeRawBufferPointer? {
        guard !ref.isAbsent, holds(ref), !isStale else { return nil }
        let start = Int(ref.offset)
        return UnsafeRawBufferPointer(rebasing: buffer[start..<start + ref.length])
    }

    /// The text `ref` points at, as a Swift string: JSON escapes decoded, invalid UTF-8
    /// and lone surrogates replaced by U+FFFD. Nil when the text is absent; U+FFFD when the
    /// reference does not lie inside the bytes; `staleText` once the file holds another version.
    public func string(_ ref: TextRef) -> String? {
        if ref.isAbsent { return nil }
        if isStale { return Self.staleText }
        guard let slice = bytes(of: ref) else { return "\u{FFFD}" }
        if !ref.isJSONEscaped || !slice.contains(UInt8(ascii: "\\")) {
            return String(decoding: slice, as: UTF8.self)
        }
        return JSONString.unescape(slice)
    }
}

/// Decoding the inside of a JSON string.
package enum JSONString {
    /// Decodes escapes; malformed escapes and lone surrogates become U+FFFD, never an error,
    /// because the scanner already accepted the string and one bad comment must not sink a file.
    package static func unescape(_ bytes: UnsafeRawBufferPointer) -> String {
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
    ///
    /// Besides what JSON requires, every scalar a terminal would obey or that reorders or
    /// breaks lines when the file is `cat`: C0 and C1 controls, DEL, bidi embeddings, overrides,
    /// isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and U+2028/2029
    /// are written as `\u` escapes, which load back as the same text.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                let byte = utf8[i]
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20, 0x7F: appendEscape(UInt32(byte), into: &out)
                case 0xC2, 0xD8, 0xE2:
                    if let (value, length) = unsafeScalar(utf8, at: i) {
                        appendEscape(value, into: &out)
                        i += length
                        continue
                    }
                    out.append(byte)
                default: out.append(byte)
                }
                i += 1
            }
        }
        out.append(0x22)
    }

    /// The scalar at `i` and its length in bytes when it is one `quote` escapes beyond ASCII.
    @inline(__always)
    private static func unsafeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        guard i + 1 < utf8.count else { return nil }
        let second = utf8[i + 1]
        switch utf8[i] {
        case 0xC2 where (0x80...0x9F).contains(second): return (UInt32(second), 2)
        case 0xD8 where second == 0x9C: return (0x061C, 2)
        case 0xE2 where i + 2 < utf8.count && (second == 0x80 || second == 0x81):
            let value = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            switch value {
            case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return (value, 3)
            default: return nil
            }
        default: return nil
        }
    }

    private static func appendEscape(_ value: UInt32, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int(value >> UInt32(shift) & 0xF)]) }
    }
}
