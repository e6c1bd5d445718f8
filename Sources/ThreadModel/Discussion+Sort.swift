/// A discussion put in another order, and where each of its entries went.
public struct SortedDiscussion: Sendable {
    public let order: CommentOrder
    public let discussion: Discussion
    /// For each entry of the discussion that was sorted, its index in `discussion`.
    public let oldToNew: [Int32]
    /// Each entry's place in the data's order (what `best` sorts by): given back to `sorted(by:ranks:)`
    /// when this discussion is sorted again, so `best` still finds the order the site sent.
    public let ranks: [Int32]
}

extension Discussion {
    /// The orders this discussion has the data for: `best` always, `top` when some comment has
    /// points, `new` and `old` when some comment has a date tread reads. Linear; stops at the first
    /// comment with each field.
    public var availableOrders: [CommentOrder] {
        var scores = false
        var dates = false
        for index in 0..<records.count where !isPlaceholder(index) {
            if !scores, records[index].flags.contains(.hasScore) { scores = true }
            if !dates, !records[index].published.isAbsent, epoch(of: index) != nil {
                dates = true
            }
            if scores && dates { break }
        }
        return CommentOrder.allCases.filter { order in
            switch order {
            case .best: return true
            case .top: return scores
            case .new, .old: return dates
            }
        }
    }

    /// The discussion with every comment's replies (and the top-level comments) in `order`; replies
    /// stay under their parent, stand-ins and comments without the field come after their siblings
    /// that have it, and ties keep the data's order.
    ///
    /// `ranks` gives each entry's place in the data's order when this discussion is not in it (a
    /// discussion sorted before); without it the order as it stands is the data's. Costs a sort of all
    /// entries and two linear passes; nothing recurses over the depth.
    public func sorted(by order: CommentOrder, ranks given: [Int32]? = nil) -> SortedDiscussion {
        let count = records.count
        let ranks = given.flatMap { $0.count == count ? $0 : nil } ?? (0..<count).map { Int32($0) }
        var keys: [SortKey] = []
        keys.reserveCapacity(count)
        for index in 0..<count {
            keys.append(sortKey(of: index, order: order, rank: ranks[index]))
        }
        keys.sort()
        // Each entry's replies, in the order wanted: slot 0 holds the top level, slot i + 1 entry i's.
        var starts = [Int32](repeating: 0, count: count + 2)
        for record in records { starts[Int(record.parent) + 2] += 1 }
        for slot in 1..<starts.count { starts[slot] += starts[slot - 1] }
        var next = starts
        var children = [Int32](repeating: 0, count: count)
        for key in keys {
            let slot = Int(records[Int(key.index)].parent) + 1
            children[Int(next[slot])] = key.index
            next[slot] += 1
        }
        // Preorder by hand, with a stack as deep as the thread has entries at most.
        var newToOld: [Int32] = []
        newToOld.reserveCapacity(count)
        var stack: [Int32] = children[Int(starts[0])..<Int(starts[1])].reversed()
        while let entry = stack.popLast() {
            newToOld.append(entry)
            let slot = Int(entry) + 1
            stack.append(contentsOf: children[Int(starts[slot])..<Int(starts[slot + 1])].reversed())
        }
        var oldToNew = [Int32](repeating: -1, count: count)
        for (new, old) in newToOld.enumerated() { oldToNew[Int(old)] = Int32(new) }
        var sortedRecords: [CommentRecord] = []
        sortedRecords.reserveCapacity(count)
        var sortedRanks: [Int32] = []
        sortedRanks.reserveCapacity(count)
        for old in newToOld {
            var record = records[Int(old)]
            if record.parent >= 0 { record.parent = oldToNew[Int(record.parent)] }
            sortedRecords.append(record)
            sortedRanks.append(ranks[Int(old)])
        }
        var result = Discussion(
            article: article, bytes: bytes, records: sortedRecords, orphanCount: orphanCount,
            distinctAuthors: distinctAuthors)
        result.notes = notes
        return SortedDiscussion(order: order, discussion: result, oldToNew: oldToNew, ranks: sortedRanks)
    }

    /// Whether `other` holds this very array of comments (not an equal one): a discussion sorted or
    /// merged since holds another. For dropping background work done on a discussion since replaced.
    public func hasSameRecords(as other: Discussion) -> Bool {
        records.count == other.records.count
            && records.withUnsafeBufferPointer { mine in
                other.records.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
            }
    }

    /// Seconds since 1970 of comment `index`'s date, read in place when it has no escapes.
    private func epoch(of index: Int) -> Int64? {
        let published = records[index].published
        if !published.isJSONEscaped, let raw = bytes.bytes(of: published) { return ISOTime.epoch(utf8: raw) }
        return self.published(of: index).flatMap(ISOTime.epoch)
    }

    private func sortKey(of index: Int, order: CommentOrder, rank: Int32) -> SortKey {
        let record = records[index]
        let value: Int64?
        switch order {
        case .best: value = 0
        case .top:
            // Bitwise not: highest first, with no overflow at Int64.min.
            value = record.flags.contains(.hasScore) && !record.flags.contains(.placeholder) ? ~record.score : nil
        case .new, .old:
            let seconds = isPlaceholder(index) ? nil : epoch(of: index)
            value = order == .new ? seconds.map { ~$0 } : seconds
        }
        return SortKey(missing: value == nil, value: value ?? 0, rank: rank, index: Int32(index))
    }
}

/// What siblings are sorted by: entries with the field first, then the field, then the data's order.
private struct SortKey: Comparable {
    var missing: Bool
    var value: Int64
    var rank: Int32
    var index: Int32

    static func < (a: SortKey, b: SortKey) -> Bool {
        if a.missing != b.missing { return !a.missing }
        if a.value != b.value { return a.value < b.value }
        return a.rank < b.rank
    }
}

extension SortedDiscussion {
    /// The new order as a merge that added nothing: what a reader keeping its place by index takes.
    public var merge: DiscussionMerge {
        DiscussionMerge(
            discussion: discussion, newIDs: [], oldToNew: oldToNew.map { Int($0) }, editedCount: 0)
    }
}
