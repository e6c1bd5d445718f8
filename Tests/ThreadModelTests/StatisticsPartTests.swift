import Testing

@testable import ThreadModel

/// `tread stats` counts a big discussion's parts at once (`StatisticsPart`): whatever the cuts, the
/// counts must be those of the one pass over all records (`StatisticsPart.anyOrder`, the former code).
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

    /// `records` cut at `cuts` (sorted offsets inside), each part counted alone, then combined.
    static func combined(_ records: [CommentRecord], cuts: [Int]) -> DiscussionStatistics? {
        let bounds = [0] + cuts + [records.count]
        let parts = (0..<bounds.count - 1).map { StatisticsPart(records, bounds[$0]..<bounds[$0 + 1]) }
        return StatisticsPart.combine(parts)
    }

    @Test(arguments: [0, 1, 2, 57, 3_000, 40_000])
    func anyCutsCountAsOnePass(count: Int) throws {
        var random = SplitMix(seed: UInt64(count) &+ 7)
        for chain in [0, 1, count / 3] {
            let records = Self.records(count: count, chain: chain, chainAt: count / 4, seed: random.next())
            let whole = StatisticsPart.anyOrder(records)
            for parts in [1, 2, 3, 7] {
                let cuts = (1..<parts).map { _ in count == 0 ? 0 : Int(random.next() % UInt64(count)) }.sorted()
                #expect(try #require(Self.combined(records, cuts: cuts)) == whole, "\(count) \(chain) \(cuts)")
            }
            // A cut just inside, and just after, the chain's start and end.
            for cut in [count / 4, count / 4 + 1, count / 4 + chain, count / 4 + chain + 1] where cut <= count {
                #expect(try #require(Self.combined(records, cuts: [cut])) == whole)
            }
        }
    }

    /// A parent after its reply, or not on the path of open comments, is out of thread order: the
    /// parts give up (nil) wherever the cut falls, and the one pass counts.
    @Test func recordsOutOfThreadOrderAreLeftToTheOnePass() throws {
        var records = Self.records(count: 3_000, chain: 10, chainAt: 100, seed: 3)
        // Comment 2,000 replies to 1,500, no longer open (2,000's predecessor's path does not hold it).
        records[1_500].parent = -1
        records[1_501].parent = -1
        records[2_000].parent = 1_500
        for cut in [1, 1_000, 1_700, 1_999, 2_000, 2_001, 2_500] {
            #expect(Self.combined(records, cuts: [cut]) == nil, "cut at \(cut)")
        }
        // A reply before its parent.
        var early = Self.records(count: 100, chain: 0, chainAt: 0, seed: 4)
        early[10].parent = 50
        #expect(Self.combined(early, cuts: []) == nil)
        #expect(Self.combined(early, cuts: [60]) == nil)
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
        var expected = StatisticsPart.anyOrder(discussion.records)
        expected.distinctAuthors = 1_000
        expected.bytes = document.utf8.count
        #expect(discussion.statistics() == expected)
        #expect(expected.maximumDepth == 3_001)
    }
}
