/// The hash the canonical loader takes of ids, `parent` ids and authors, for its own tables only
/// (the id index, the distinct authors): 8 bytes at a time, where `TextHash` (whose values stores
/// keep) takes one, which was a tenth of a big load. Never 0; equal for equal decoded text, escaped
/// or not.
enum LoadHash {
    /// The hash of the first `count` bytes of `bytes` (the bytes after them may be read, not hashed).
    @inline(__always) static func of(_ bytes: UnsafeRawBufferPointer, count: Int) -> UInt64 {
        var words: UInt64 = 0
        return of(bytes, count: count, words: &words)
    }

    /// `of(_:count:)`, with every word hashed OR-ed into `words` (a byte over 0x7F sets a top bit).
    @inline(__always) static func of(_ bytes: UnsafeRawBufferPointer, count: Int, words: inout UInt64) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: count &+ 1)
        var at = 0
        while at + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            words |= word
            hash = mix(hash ^ word)
            at += 8
        }
        let rest = count - at
        var last: UInt64 = 0
        if rest > 0 {
            if at + 8 <= bytes.count {
                // The bytes after the text are read and dropped: one load, not one per byte.
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                last = word & (UInt64.max >> UInt64(64 - 8 * rest))
            } else {
                for k in 0..<rest { last |= UInt64(bytes[at + k]) << UInt64(8 * k) }
            }
        }
        words |= last
        hash = mix(hash ^ last)
        hash ^= hash >> 33
        return hash == 0 ? 1 : hash
    }

    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        let x = value &* 0xBF58_476D_1CE4_E5B9
        return (x ^ (x >> 31)) &* 0x94D0_49BB_1331_11EB
    }

    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0), count: $0.count) }
    }

    /// `RecordHashes.deletedAuthor` by this hash.
    static let deletedAuthor = of(Discussion.deletedAuthor)
}

extension CanonicalLoader {
    /// The `LoadHash` of the text `ref` points at (decoded first when it holds escapes); 0 when absent.
    /// `scanned` is the scanner's buffer, from which `ref` was just cut, so it lies inside it.
    ///
    /// Static, and its result taken before it is stored: a method of the loader called inside a
    /// mutation of one of its members made a copy of the whole loader for every author.
    @inline(__always) static func loadHash(
        _ ref: TextRef, in scanned: UnsafeRawBufferPointer, bytes: DocumentBytes
    ) -> UInt64 {
        if ref.isAbsent { return 0 }
        if ref.isJSONEscaped { return LoadHash.of(bytes.string(ref) ?? "") }
        let start = Int(ref.offset)
        var words: UInt64 = 0
        let hash = LoadHash.of(UnsafeRawBufferPointer(rebasing: scanned[start...]), count: ref.length, words: &words)
        // Invalid UTF-8 reads as U+FFFD, as a lone surrogate's escape does: such text is hashed as read,
        // so ids that read the same are one id (and `convert`, which writes them as read, keeps the thread).
        guard words & 0x8080_8080_8080_8080 != 0,
            String(validating: UnsafeRawBufferPointer(rebasing: scanned[start..<start + ref.length]), as: UTF8.self)
                == nil
        else { return hash }
        return LoadHash.of(bytes.string(ref) ?? "")
    }
}
