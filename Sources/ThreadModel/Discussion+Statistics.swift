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
    /// Counts comments, top-level threads, depth, deleted comments and distinct authors.
    ///
    /// Authors were counted by hash while loading, so this reads no text. A big discussion's parts
    /// are counted at once (`StatisticsPart`), then their depths joined in order.
    /// The canonical loader counts while it reads (`CanonicalLoader.countComment`), when no comment
    /// names its parent by id: then nothing is read again.
    public func statistics(sourceBytes: Int? = nil) -> DiscussionStatistics {
        var statistics = loadedStatistics ?? countedStatistics()
        statistics.distinctAuthors = distinctAuthors
        statistics.bytes = sourceBytes ?? bytes.count
        return statistics
    }

    /// The counts of `statistics()` taken from the records (bytes and authors left 0).
    func countedStatistics() -> DiscussionStatistics {
        let records = self.records
        return StatisticsPart.combine(WorkSplit.map(records.indices) { StatisticsPart(records, $0) })
    }

    /// No comment yet: the counts a loader starts from.
    static let noStatistics = DiscussionStatistics(
        comments: 0, topLevel: 0, maximumDepth: 0, deleted: 0, distinctAuthors: 0, bytes: 0)
}

/// The counts of one part of a discussion's records, with their depths counted from the part's start.
///
/// A comment's depth is its parent's plus one (1 at the top level, and, as the one pass over all
/// records always had it, 1 when its parent comes after it). A part starting at `start` cannot know
/// the depth of a parent before it: it counts from that parent (the comment's "anchor"), and the
/// anchor's depth is known once the parts before are joined. In thread order the anchors are the
/// ancestors of the part's first comment, so few, and each comes in one stretch.
struct StatisticsPart: Sendable {
    let start: Int
    var comments: Int
    var topLevel: Int
    var deleted: Int
    /// Each comment's depth counted from its anchor.
    var depths: [Int32]
    /// Each comment's anchor: a comment before the part, or -1 (the depth is the whole depth).
    var anchorOf: [Int32]
    /// Each stretch of one anchor and the greatest depth of a comment (not a placeholder) below it.
    var anchors: [(anchor: Int32, depth: Int32)]

    init(_ records: [CommentRecord], _ part: Range<Int>) {
        start = part.lowerBound
        let start = Int32(truncatingIfNeeded: part.lowerBound)
        var depths = [Int32](repeating: 0, count: part.count)
        var anchorOf = [Int32](repeating: -1, count: part.count)
        var anchor: Int32 = -2
        var deepest: Int32 = 0
        var comments = 0
        var topLevel = 0
        var deleted = 0
        var anchors: [(anchor: Int32, depth: Int32)] = []
        records.withUnsafeBufferPointer { records in
            depths.withUnsafeMutableBufferPointer { depths in
                anchorOf.withUnsafeMutableBufferPointer { anchorOf in
                    // Without a branch on the parent (where it is can change with every comment).
                    for index in part {
                        let parent = records[index].parent
                        let flags = records[index].flags
                        let local = Int32(truncatingIfNeeded: index) &- start
                        let inside = UInt32(bitPattern: parent &- start) < UInt32(bitPattern: local)
                        let before = UInt32(bitPattern: parent) < UInt32(bitPattern: start)
                        let k = inside ? Int(parent &- start) : 0
                        let depth = inside ? depths[k] &+ 1 : 1
                        let above = inside ? anchorOf[k] : (before ? parent : -1)
                        depths[Int(local)] = depth
                        anchorOf[Int(local)] = above
                        if above != anchor {
                            if anchor != -2 { anchors.append((anchor, deepest)) }
                            anchor = above
                            deepest = 0
                        }
                        if flags.contains(.placeholder) { continue }
                        comments &+= 1
                        topLevel &+= parent < 0 ? 1 : 0
                        deleted &+= flags.contains(.deleted) ? 1 : 0
                        deepest = max(deepest, depth)
                    }
                }
            }
        }
        if anchor != -2 { anchors.append((anchor, deepest)) }
        self.depths = depths
        self.anchorOf = anchorOf
        self.comments = comments
        self.topLevel = topLevel
        self.deleted = deleted
        self.anchors = anchors
    }

    /// The parts' counts together, `parts` in order and touching (bytes and authors left 0).
    static func combine(_ parts: [StatisticsPart]) -> DiscussionStatistics {
        var statistics = DiscussionStatistics(
            comments: 0, topLevel: 0, maximumDepth: 0, deleted: 0, distinctAuthors: 0, bytes: 0)
        for part in parts {
            statistics.comments += part.comments
            statistics.topLevel += part.topLevel
            statistics.deleted += part.deleted
            for (anchor, below) in part.anchors where below > 0 {
                statistics.maximumDepth = max(statistics.maximumDepth, depth(of: anchor, in: parts) + Int(below))
            }
        }
        return statistics
    }

    /// The whole depth of comment `index` (0 for -1): its depth in its part plus its anchor's, and so on
    /// back (each anchor is in an earlier part).
    private static func depth(of index: Int32, in parts: [StatisticsPart]) -> Int {
        var total = 0
        var index = Int(index)
        var partIndex = parts.count - 1
        while index >= 0 {
            while parts[partIndex].start > index { partIndex -= 1 }
            let part = parts[partIndex]
            total += Int(part.depths[index - part.start])
            index = Int(part.anchorOf[index - part.start])
        }
        return total
    }
}
