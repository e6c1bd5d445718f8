/// Numbers about a discussion, for `tread stats`.
public struct DiscussionStatistics: Equatable, Sendable {
    public var comments: Int
    public var topLevel: Int
    /// Levels of nesting: 1 when every comment is top-level, 0 without comments.
    public var maximumDepth: Int
    public var deleted: Int
    public var distinctAuthors: Int
    public var bytes: Int
}

extension Discussion {
    /// Counts comments, top-level threads, depth, deleted comments and distinct authors in one pass.
    ///
    /// Authors are compared by their bytes as stored, so no string is made for the common
    /// case of an author with no escapes.
    public func statistics(sourceBytes: Int? = nil) -> DiscussionStatistics {
        var comments = 0
        var topLevel = 0
        var deleted = 0
        var maximumDepth = 0
        var depths = [Int32](repeating: 0, count: records.count)
        var authors = Set<Int>()
        let buffer = bytes.buffer
        for (index, record) in records.enumerated() {
            let depth: Int32 = record.parent < 0 ? 1 : depths[Int(record.parent)] + 1
            depths[index] = depth
            if record.flags.contains(.placeholder) { continue }
            comments += 1
            if record.parent < 0 { topLevel += 1 }
            if record.flags.contains(.deleted) { deleted += 1 }
            maximumDepth = max(maximumDepth, Int(depth))
            let author = record.author
            guard !author.isAbsent else { continue }
            var hasher = Hasher()
            if author.isJSONEscaped {
                hasher.combine(bytes.string(author))
            } else {
                let start = Int(author.offset)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<start + author.length]))
            }
            authors.insert(hasher.finalize())
        }
        return DiscussionStatistics(
            comments: comments, topLevel: topLevel, maximumDepth: maximumDepth, deleted: deleted,
            distinctAuthors: authors.count, bytes: sourceBytes ?? bytes.count)
    }
}
