#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes `DiscussionBuilder` writes comment text into, handed to the discussion without a copy.
///
/// It grows with `realloc`, which for a big block moves its pages instead of copying them, and
/// memory reserved but not yet written costs nothing resident; so the text of an imported thread
/// is held once, at its own size, where an array would be copied as it doubles and once more into
/// the discussion's bytes. A builder that is copied shares it until one of the two writes (the
/// builder copies it then), so the builder stays a value.
final class TextArena: @unchecked Sendable {
    private(set) var base: UnsafeMutableRawPointer?
    private(set) var count = 0
    private var capacity = 0

    init() {}

    init(copying other: TextArena) {
        reserve(other.count)
        if let base, let source = other.base, other.count > 0 { base.copyMemory(from: source, byteCount: other.count) }
        count = other.count
    }

    deinit { free(base) }

    /// Makes room for `total` bytes in all.
    func reserve(_ total: Int) {
        guard total > capacity else { return }
        guard let grown = realloc(base, max(total, 1)) else {
            fatalError("out of memory for \(CountText.counted(total, "byte")) of text")
        }
        base = grown
        capacity = total
    }

    /// Appends the UTF-8 bytes of `text`.
    func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let source = utf8.baseAddress, !utf8.isEmpty else { return }
            if count + utf8.count > capacity { reserve(max(count + utf8.count, capacity * 2, 4096)) }
            guard let base else { return }
            (base + count).copyMemory(from: source, byteCount: utf8.count)
            count += utf8.count
        }
    }

    /// The bytes written so far.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
