/// The members of a comment the canonical loader reads (FORMAT.md); any other is skipped.
enum CommentField {
    case id, author, published, score, body, replies, parent, deleted, op, role, placeholder, more, unknown
}

extension CanonicalLoader {
    /// Reads a comment's member name and the colon after it, and says which field it names.
    ///
    /// The names every comment has are matched straight from the bytes when written plainly
    /// (`"author":`, nothing between): one or two word compares, where reading the key as a
    /// string and comparing it with each name in turn took a tenth of a big load. Any other
    /// spelling (escapes, white space before the colon) is read as a key, with the same result.
    @inline(__always) mutating func readFieldName() throws(DocumentError) -> CommentField {
        if scanner.peek() == UInt8(ascii: "\""), let (field, length) = plainFieldName(at: scanner.position + 1) {
            scanner.position += 1 + length
            return field
        }
        return fieldNamed(try scanner.readKey())
    }

    /// The field whose name and `":` start at `at`, and their length; nil for any other name or when
    /// fewer than 16 bytes are left.
    @inline(__always) private func plainFieldName(at: Int) -> (CommentField, Int)? {
        let bytes = scanner.bytes
        guard at + 16 <= bytes.count, let base = bytes.baseAddress else { return nil }
        // Little-endian words of the names' bytes, first byte lowest.
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        switch UInt8(truncatingIfNeeded: word) {
        case UInt8(ascii: "i"):
            return word & 0xFFFF_FFFF == 0x3A22_6469 ? (.id, 4) : nil  // id":
        case UInt8(ascii: "a"):
            return word == 0x3A22_726F_6874_7561 ? (.author, 8) : nil  // author":
        case UInt8(ascii: "p"):
            if word == 0x6568_7369_6C62_7570 {  // publishe
                let rest = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
                return rest & 0xFF_FFFF == 0x3A_2264 ? (.published, 11) : nil  // d":
            }
            return word == 0x3A22_746E_6572_6170 ? (.parent, 8) : nil  // parent":
        case UInt8(ascii: "s"):
            return word & 0xFF_FFFF_FFFF_FFFF == 0x3A_2265_726F_6373 ? (.score, 7) : nil  // score":
        case UInt8(ascii: "b"):
            return word & 0xFFFF_FFFF_FFFF == 0x3A22_7964_6F62 ? (.body, 6) : nil  // body":
        case UInt8(ascii: "r"):
            // replies" then the colon
            return word == 0x2273_6569_6C70_6572 && bytes[at + 8] == UInt8(ascii: ":") ? (.replies, 9) : nil
        default:
            return nil
        }
    }

    /// The field a key read by `readKey` names (keys are compared decoded).
    private func fieldNamed(_ key: TextRef) -> CommentField {
        if scanner.key(key, is: "body") { return .body }
        if scanner.key(key, is: "author") { return .author }
        if scanner.key(key, is: "id") { return .id }
        if scanner.key(key, is: "parent") { return .parent }
        if scanner.key(key, is: "published") { return .published }
        if scanner.key(key, is: "score") { return .score }
        if scanner.key(key, is: "deleted") { return .deleted }
        if scanner.key(key, is: "op") { return .op }
        if scanner.key(key, is: "role") { return .role }
        if scanner.key(key, is: "placeholder") { return .placeholder }
        if scanner.key(key, is: "more") { return .more }
        if scanner.key(key, is: "replies") { return .replies }
        return .unknown
    }
}
