import ThreadModel

/// A hash of every comment's author name, folded to ASCII lower case, built once per document.
///
/// `author:NAME` then compares four bytes per comment in one array instead of reaching into the
/// document's pages for each name; a hash hit is checked against the name itself.
public struct AuthorIndex: Sendable {
    let keys: [UInt32]
    /// Which document it was built from: its bytes' address and its entry count.
    private let documentStart: UInt
    private let documentCount: Int

    /// Whether this index was built from `discussion` (not from the document a reload replaced).
    public func isFor(_ discussion: Discussion) -> Bool {
        documentCount == discussion.records.count
            && documentStart == UInt(bitPattern: discussion.bytes.buffer.baseAddress)
    }

    public init(_ discussion: Discussion) {
        let bytes = discussion.bytes
        documentStart = UInt(bitPattern: bytes.buffer.baseAddress)
        documentCount = discussion.records.count
        keys = discussion.records.map { Self.key(of: $0.author, in: bytes) }
    }

    /// The key of the author name at `ref`; 0 when there is none.
    static func key(of ref: TextRef, in bytes: DocumentBytes) -> UInt32 {
        if ref.isAbsent { return 0 }
        let start = Int(ref.offset)
        let end = start + ref.length
        guard end <= bytes.count else { return 0 }
        let raw = UnsafeRawBufferPointer(rebasing: bytes.buffer[start..<end])
        if ref.isJSONEscaped, raw.contains(UInt8(ascii: "\\")) {
            return key(AuthorName.fold(bytes.string(ref) ?? ""))
        }
        return key(raw)
    }

    /// FNV-1a over the bytes, ASCII letters lower-cased; never 0, which marks "no author".
    static func key(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(AuthorName.lower(byte))) &* 16_777_619 }
        return hash == 0 ? 1 : hash
    }
}
