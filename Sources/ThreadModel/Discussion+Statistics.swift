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
    /// Authors were counted by hash while loading, so this reads no text.
    public func statistics(sourceBytes: Int? = nil) -> DiscussionStatistics {
        var comments = 0
        var topLevel = 0
        var deleted = 0
        var maximumDepth = 0
        var depths = [Int32](repeating: 0, count: records.count)
        for (index, record) in records.enumerated() {
            let depth: Int32 = record.parent < 0 ? 1 : depths[Int(record.parent)] + 1
            depths[index] = depth
            if record.flags.contains(.placeholder) { continue }
            comments += 1
            if record.parent < 0 { topLevel += 1 }
            if record.flags.contains(.deleted) { deleted += 1 }
            maximumDepth = max(maximumDepth, Int(depth))
        }
        return DiscussionStatistics(
            comments: comments, topLevel: topLevel, maximumDepth: maximumDepth, deleted: deleted,
            distinctAuthors: distinctAuthors, bytes: sourceBytes ?? bytes.count)
    }
}
