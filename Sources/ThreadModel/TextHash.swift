/// 64-bit hashes of text, the same whether the text sits raw in a file, JSON-escaped, or in a Swift string.
enum TextHash {
    /// FNV-1a over the bytes, then a finaliser so every bit depends on every byte. Never 0.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash == 0 ? 1 : hash
    }

    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// The hash of the text `ref` points at, decoded first when it holds escapes; 0 when absent.
    static func of(_ ref: TextRef, in bytes: DocumentBytes) -> UInt64 {
        if ref.isAbsent { return 0 }
        if ref.isJSONEscaped { return of(bytes.string(ref) ?? "") }
        guard let text = bytes.bytes(of: ref) else { return of("\u{FFFD}") }
        return of(text)
    }
}
