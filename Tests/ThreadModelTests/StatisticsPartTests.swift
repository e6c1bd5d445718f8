import Testing

@testable import ThreadModel

/// `tread stats` counts a big discussion's parts at once (`StatisticsPart`): whatever the cuts, the
/// counts must be those of the one pass over all records (`onePass`, the former code), in any order.
@Suite struct StatisticsPartTests {
    typealias SplitMix = SplitLoadTests.SplitMix

    /// Records in thread order: each comment a reply to one of the open comments (or top-level),
    /// some deleted, some placeholders, with a chain `chain` deep starting at `chainAt`.
    static func records(count: Int, chain: Int, chainAt: Int, seed: UInt64) -> [CommentRecord] {
        var random = SplitMix(seed: seed)
        var path: [Int32] = []
        var records: [CommentRecord] = []
        for index in 0..<count {
            let roll = random.next()
            if index >= chainAt && index < chainAt + chain {
                // Deeper and deeper: a reply to the comment just before.
            } else if roll % 4 == 0 {
                path.removeAll()
            } else {
                path.removeLast(min(path.count, Int(roll >> 8 % 4)))
            }
            var record = CommentRecord()
            record.parent = path.last ?? -1
            if roll >> 20 % 13 == 0 { record.flags.insert(.deleted) }
            if roll >> 24 % 17 == 0 { record.flags.insert(.placeholder) }
            records.append(record)
            path.append(Int32(index))
        }
        return records
    }

    /// The former count: one pass, a parent's depth as far as it was known when the pass reached it
    /// (0 for a parent after its reply).
    static func onePass(_ records: [CommentRecord]) -> DiscussionStatistics {
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

    /// `records` cut at `cuts` (sorted offsets inside), each part counted alone, then combined.
    static func combined(_ records: [CommentRecord], cuts: [Int]) -> DiscussionStatistics {
        let bounds = [0] + cuts + [records.count]
        let parts = (0..<bounds.count - 1).map { StatisticsPart(records, bounds[$0]..<bounds[$0 + 1]) }
        return StatisticsPart.combine(parts)
    }

    @Test(arguments: [0, 1, 2, 57, 3_000, 40_000])
    func anyCutsCountAsOnePass(count: Int) {
        var random = SplitMix(seed: UInt64(count) &+ 7)
        for chain in [0, 1, count / 3] {
            let records = Self.records(count: count, chain: chain, chainAt: count / 4, seed: random.next())
            let whole = Self.onePass(records)
            for parts in [1, 2, 3, 7] {
                let cuts = (1..<parts).map { _ in count == 0 ? 0 : Int(random.next() % UInt64(count)) }.sorted()
                #expect(Self.combined(records, cuts: cuts) == whole, "\(count) \(chain) \(cuts)")
            }
            // A cut just inside, and just after, the chain's start and end.
            for cut in [count / 4, count / 4 + 1, count / 4 + chain, count / 4 + chain + 1] where cut <= count {
                #expect(Self.combined(records, cuts: [cut]) == whole)
            }
            // Two cuts inside the chain: the last part's anchor is in the middle part, whose anchor is in the first.
            let inside = [count / 4 + chain / 3, count / 4 + chain * 2 / 3]
            #expect(Self.combined(records, cuts: inside) == whole)
        }
    }

    /// Records out of thread order (a parent after its reply, a parent no longer open, a comment its
    /// own parent), which no discussion should hold, count as the one pass counted them, wherever the cuts.
    @Test func recordsInAnyOrderCountAsOnePass() {
        var random = SplitMix(seed: 11)
        for count in [1, 2, 10, 500, 5_000] {
            var records = Self.records(count: count, chain: count / 5, chainAt: count / 3, seed: random.next())
            for _ in 0..<max(1, count / 50) {
                let index = Int(random.next() % UInt64(count))
                records[index].parent = Int32(truncatingIfNeeded: random.next() % UInt64(count))
            }
            let whole = Self.onePass(records)
            for parts in [1, 2, 3, 5] {
                let cuts = (1..<parts).map { _ in Int(random.next() % UInt64(count)) }.sorted()
                #expect(Self.combined(records, cuts: cuts) == whole, "\(count) \(cuts)")
            }
        }
    }

    /// A loaded discussion big enough for two parts counts as the one pass does.
    @Test func aBigDiscussionCountsAsOnePass() throws {
        var comments: [String] = []
        for k in 0..<30_000 {
            // Every tenth comment opens a thread five deep; one of them a chain of 3,000.
            let depth = k == 15_000 ? 3_000 : (k % 10 == 0 ? 5 : 0)
            let author = k % 7 == 0 ? "[deleted]" : "u\(k % 1_000)"
            var text = "{\"id\":\"c\(k)\",\"author\":\"\(author)\",\"body\":\"x\""
            for level in 0..<depth { text += ",\"replies\":[{\"id\":\"c\(k)-\(level)\",\"body\":\"y\"" }
            text += String(repeating: "}]", count: depth) + "}"
            comments.append(text)
        }
        let document = "{\"article\":{\"title\":\"t\"},\"comments\":[" + comments.joined(separator: ",") + "]}"
        let discussion = try Discussion.load(canonical: DocumentBytes(Array(document.utf8)))
        var expected = Self.onePass(discussion.records)
        expected.distinctAuthors = 1_000
        expected.bytes = document.utf8.count
        #expect(discussion.statistics() == expected)
        #expect(expected.maximumDepth == 3_001)
    }
}
