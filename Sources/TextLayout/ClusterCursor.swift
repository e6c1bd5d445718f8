/// The grapheme clusters of a string, with printable ASCII taken a byte at a time.
///
/// Swift's `Character` iteration costs tens of nanoseconds a cluster, which puts a megabyte of
/// text past the layout budget; most text is ASCII, and an ASCII byte followed by another ASCII
/// byte is a whole cluster (only CR LF joins two ASCII bytes, and CR is not printable). The same
/// holds for the common letters of other scripts listed in `simpleWidth` (Latin, Greek, Cyrillic,
/// general punctuation, kana, CJK ideographs): none extends, joins or is extended by another one
/// of them or by ASCII. Anything else goes through `Character`, so clusters are exactly Swift's.
struct ClusterCursor<Text: StringProtocol>: IteratorProtocol {
    enum Cluster {
        /// A printable ASCII character (U+0020–U+007E), one column wide.
        case ascii(UInt8)
        /// A one-scalar cluster from `simpleWidth`'s list, `width` columns wide, in `bytes`.
        case simple(width: Int, bytes: Range<Text.Index>)
        /// Any other cluster.
        case other(Character)
    }

    private let text: Text
    private var index: Text.Index

    init(_ text: Text) {
        self.text = text
        self.index = text.startIndex
    }

    @inline(__always)
    mutating func next() -> Cluster? {
        let utf8 = text.utf8
        guard index < utf8.endIndex else { return nil }
        let byte = utf8[index]
        if byte >= 0x20 && byte < 0x7F {
            let after = utf8.index(after: index)
            if after == utf8.endIndex || utf8[after] < 0x80 {
                index = after
                return .ascii(byte)
            }
        }
        if byte >= 0xC2, byte < 0xF0, let (width, end) = simpleScalar(at: index) {
            // Simple only if what follows cannot attach to it: ASCII, the end, or another simple one.
            if end == utf8.endIndex || utf8[end] < 0x80 || simpleScalar(at: end) != nil {
                defer { index = end }
                return .simple(width: width, bytes: index..<end)
            }
        }
        let character = text[index]
        index = text.index(after: index)
        return .other(character)
    }

    /// The width and end of the two- or three-byte scalar at `start`, if it is in `simpleWidth`'s list.
    @inline(__always)
    private func simpleScalar(at start: Text.Index) -> (Int, Text.Index)? {
        let utf8 = text.utf8
        let lead = UInt32(utf8[start])
        var value: UInt32
        var end = utf8.index(after: start)
        if lead >= 0xC2 && lead < 0xE0 {
            guard end < utf8.endIndex else { return nil }
            value = (lead & 0x1F) << 6 | (UInt32(utf8[end]) & 0x3F)
            end = utf8.index(after: end)
        } else if lead >= 0xE0 && lead < 0xF0 {
            guard end < utf8.endIndex else { return nil }
            let second = utf8.index(after: end)
            guard second < utf8.endIndex else { return nil }
            value =
                (lead & 0x0F) << 12 | (UInt32(utf8[end]) & 0x3F) << 6
                | (UInt32(utf8[second]) & 0x3F)
            end = utf8.index(after: second)
        } else {
            return nil
        }
        guard let width = Self.simpleWidth(value) else { return nil }
        return (width, end)
    }

    /// The width of scalars that always form a cluster on their own next to ASCII or each other
    /// (grapheme break property Other, no marks, not Hangul, not emoji bases that take
    /// modifiers), checked against glibc's `wcwidth`; nil for every other scalar.
    @inline(__always)
    static func simpleWidth(_ value: UInt32) -> Int? {
        switch value {
        case 0xA0...0xAC, 0xAE...0x2FF, 0x391...0x3A1, 0x3A3...0x3C9, 0x400...0x481,
            0x2010...0x2027, 0x2030...0x205E:
            return 1
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF:
            return 2
        default:
            return nil
        }
    }
}
