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

    // MARK: - Reading a field

    /// Reads the value of comment `index`'s member `field` into `record` (its id's hash into `id`).
    mutating func readField(
        _ field: CommentField, into record: inout CommentRecord, id: inout UInt64, at index: Int
    ) throws(DocumentError) {
        switch field {
        case .body:
            record.body = try text("body")
        case .author:
            record.author = try text("author")
        case .id:
            let (ref, isInteger) = try identifier("id")
            record.id = ref
            id = Self.loadHash(ref, in: scanner.bytes, bytes: bytes)
            if isInteger { record.flags.insert(.integerID) }
        case .parent:
            let (ref, isInteger) = try identifier("parent")
            record.parentID = ref
            sawParentField = true
            let hash = Self.loadHash(ref, in: scanner.bytes, bytes: bytes)
            hashes.setParent(hash, of: index)
            if isInteger { record.flags.insert(.integerParentID) }
        case .published:
            record.published = try text("published")
        case .score:
            if let score = try score() {
                record.score = score
                record.flags.insert(.hasScore)
            }
        case .deleted:
            let at = scanner.position
            guard
                scanner.peek().map({ $0 == UInt8(ascii: "t") || $0 == UInt8(ascii: "f") || $0 == UInt8(ascii: "n") })
                    == true
            else { throw try wrongType("a comment's \"deleted\" must be true or false", at: at) }
            if try scanner.readLiteral() == true { record.flags.insert(.deleted) }
        case .op:
            try readTrue(.op, into: &record.flags)
        case .role:
            // A role tread does not know (a site's new badge) is dropped, never an error.
            guard scanner.peek() == UInt8(ascii: "\"") else {
                try scanner.skipValue()
                return
            }
            if let role = bytes.string(try scanner.readString()).flatMap({ CommentRole(named: $0) }) {
                record.flags.subtract(.roles)
                record.flags.insert(CommentRecord.Flags(role: role))
            }
        case .placeholder:
            // Written by `DocumentWriter` for Reddit's "more" stubs and forum events.
            try readTrue(.placeholder, into: &record.flags)
        case .more:
            // Kept as a span of raw JSON: checked and decoded only when a stub is fetched.
            let start = scanner.position
            try scanner.skipValue()
            let more = TextRef(offset: start, length: scanner.position - start, jsonEscaped: false)
            // A second `more` in one object replaces the first, as any repeated field does.
            if openStubs.last?.index == Int32(index) { openStubs.removeLast() }
            openStubs.append((Int32(index), more))
        case .replies, .unknown:
            try scanner.skipValue()
        }
    }

    /// A member that only `true` sets (`op`, `placeholder`): any other value is skipped as unknown fields
    /// always were, so older documents read the same.
    @inline(__always) private mutating func readTrue(
        _ flag: CommentRecord.Flags, into flags: inout CommentRecord.Flags
    ) throws(DocumentError) {
        if scanner.peek() == UInt8(ascii: "t"), try scanner.readLiteral() == true {
            flags.insert(flag)
        } else {
            try scanner.skipValue()
        }
    }

    @inline(__always) mutating func text(_ field: String) throws(DocumentError) -> TextRef {
        if scanner.peek() == UInt8(ascii: "\"") { return try scanner.readString() }
        if scanner.skipNull() { return .absent }
        throw try wrongType("a comment's \"\(field)\" must be a string")
    }

    mutating func identifier(_ field: String) throws(DocumentError) -> (TextRef, isInteger: Bool) {
        switch scanner.peek() {
        case UInt8(ascii: "\""):
            return (try scanner.readString(), false)
        case UInt8(ascii: "n"):
            _ = try scanner.readLiteral()
            return (.absent, false)
        case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte):
            let at = scanner.position
            let number = try scanner.readNumber()
            guard number.isInteger else {
                throw try wrongType("a comment's \"\(field)\" must be a string or an integer", at: at)
            }
            // An id is its text, and an integer's text is its shortest decimal form: `-0` is `0`
            // (JSON allows no other second spelling of an integer). So `0` and `-0` are one id,
            // as the writer, which writes integers in that form, will make them.
            var range = number.range
            if range.count == 2, scanner.bytes[range.lowerBound] == UInt8(ascii: "-"),
                scanner.bytes[range.lowerBound + 1] == UInt8(ascii: "0")
            {
                range = range.dropFirst()
            }
            return (TextRef(offset: range.lowerBound, length: range.count, jsonEscaped: false), true)
        default:
            throw try wrongType("a comment's \"\(field)\" must be a string or an integer")
        }
    }

    /// A score; integers beyond 64 bits are clamped, since a score is only shown.
    mutating func score(of field: String = "a comment's \"score\"") throws(DocumentError) -> Int64? {
        if scanner.skipNull() { return nil }
        let at = scanner.position
        guard let byte = scanner.peek(), byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte) else {
            throw try wrongType("\(field) must be an integer", at: at)
        }
        let number = try scanner.readNumber()
        guard number.isInteger else {
            throw try wrongType("\(field) must be an integer", at: at)
        }
        return scanner.integer(in: number.range) ?? (scanner.bytes[at] == UInt8(ascii: "-") ? Int64.min : Int64.max)
    }
}
