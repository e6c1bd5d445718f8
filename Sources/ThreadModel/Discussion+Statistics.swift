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
    /// are counted at once (`StatisticsPart`); records out of thread order, which no discussion
    /// should hold, are counted by the one pass that takes any order.
    public func statistics(sourceBytes: Int? = nil) -> DiscussionStatistics {
        let records = self.records
        let parts = WorkSplit.map(records.indices) { StatisticsPart(records, $0) }
        var statistics =
            StatisticsPart.combine(parts)
            ?? StatisticsPart.anyOrder(records)
        statistics.distinctAuthors = distinctAuthors
        statistics.bytes = sourceBytes ?? bytes.count
        return statistics
    }
}

/// The counts of one part of a discussion's records in thread order, with what is needed to know
/// its depths once the parts before it are counted.
///
/// A comment's depth is its place on the path of open comments (every ancestor, then itself). A part
/// starting at `start` keeps its own path; when that path is empty, a comment's parent comes before the
/// part (in thread order, on the path at the part's start: its "anchor"), or it is top-level. Depths
/// in the part are then the anchor's depth plus the place on the part's path; the anchor's depth is
/// its place on the path where the part before ended, known when the parts are combined in order.
struct StatisticsPart: Sendable {
    var comments = 0
    var topLevel = 0
    var deleted = 0
    /// Each anchor in turn (-1: top level) and the greatest depth below it, counted from it; an
    /// anchor repeats only when others came between (each is one of the ancestors at the part's start).
    var anchors: [(anchor: Int32, depth: Int)] = []
    /// The path of open comments where the part ends (below its last anchor).
    var path: [Int32] = []
    /// False when a parent is neither on the path nor before the part: records out of thread order.
    var inOrder = true

    init(_ records: [CommentRecord], _ part: Range<Int>) {
        var anchor: Int32 = -2
        var deepest = 0
        for index in part {
            let record = records[index]
            let parent = record.parent
            while let last = path.last, last != parent { path.removeLast() }
            if path.isEmpty {
                let outside = max(parent, -1)
                guard outside < part.lowerBound else {
                    inOrder = false
                    return
                }
                if outside != anchor {
                    if anchor != -2 { anchors.append((anchor, deepest)) }
                    anchor = outside
                    deepest = 0
                }
            }
            path.append(Int32(truncatingIfNeeded: index))
            if record.flags.contains(.placeholder) { continue }
            comments += 1
            if parent < 0 { topLevel += 1 }
            if record.flags.contains(.deleted) { deleted += 1 }
            deepest = max(deepest, path.count)
        }
        if anchor != -2 { anchors.append((anchor, deepest)) }
    }

    /// The parts' counts together (bytes and authors left 0); nil when any part's records are out of
    /// thread order or an anchor is not where thread order puts it.
    static func combine(_ parts: [StatisticsPart]) -> DiscussionStatistics? {
        var statistics = DiscussionStatistics(
            comments: 0, topLevel: 0, maximumDepth: 0, deleted: 0, distinctAuthors: 0, bytes: 0)
        var path: [Int32] = []
        for part in parts {
            guard part.inOrder else { return nil }
            // An empty part leaves the path as it was.
            guard !part.anchors.isEmpty else { continue }
            statistics.comments += part.comments
            statistics.topLevel += part.topLevel
            statistics.deleted += part.deleted
            var kept = 0
            for (anchor, depth) in part.anchors {
                if anchor < 0 {
                    kept = 0
                } else {
                    guard let place = place(of: anchor, in: path) else { return nil }
                    kept = place + 1
                }
                if depth > 0 { statistics.maximumDepth = max(statistics.maximumDepth, kept + depth) }
            }
            path.removeSubrange(kept...)
            path.append(contentsOf: part.path)
        }
        return statistics
    }

    /// Where `index` is on `path` (ascending: an ancestor comes before its replies).
    private static func place(of index: Int32, in path: [Int32]) -> Int? {
        var low = 0
        var high = path.count
        while low < high {
            let middle = (low + high) / 2
            if path[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low < path.count && path[low] == index ? low : nil
    }

    /// The counts by one pass over records in any order, a parent's depth taken when it was reached.
    static func anyOrder(_ records: [CommentRecord]) -> DiscussionStatistics {
        var statistics = DiscussionStatistics(
            comments: 0, topLevel: 0, maximumDepth: 0, deleted: 0, distinctAuthors: 0, bytes: 0)
        var depths = [Int32](repeating: 0, count: records.count)
        for (index, record) in records.enumerated() {
            let depth: Int32 = record.parent < 0 ? 1 : depths[Int(record.parent)] + 1
            depths[index] = depth
            if record.flags.contains(.placeholder) { continue }
            statistics.comments += 1
            if record.parent < 0 { statistics.topLevel += 1 }
            if record.flags.contains(.deleted) { statistics.deleted += 1 }
            statistics.maximumDepth = max(statistics.maximumDepth, Int(depth))
        }
        return statistics
    }
}
