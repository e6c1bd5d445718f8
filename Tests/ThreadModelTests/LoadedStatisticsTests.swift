import Testing

@testable import ThreadModel

/// The canonical loader counts `tread stats`' numbers while it reads (`CanonicalLoader.countComment`):
/// they must be those counted from the records afterwards, for one scan and for a split load taking
/// runs at any depth, and are not used when a comment names its parent by id.
@Suite struct LoadedStatisticsTests {
    typealias SplitMix = SplitLoadTests.SplitMix

    /// A nested document written from `StatisticsPartTests.records` (thread order): deleted comments,
    /// placeholders, a deep chain, empty objects, and members after some comments' `replies`.
    static func document(count: Int, chain: Int, chainAt: Int, seed: UInt64) -> [UInt8] {
        let records = StatisticsPartTests.records(count: count, chain: chain, chainAt: chainAt, seed: seed)
        var text = "{\"article\":{\"title\":\"t\"},\"comments\":["
        // Comments whose replies are open, innermost last, each with whether it writes a member after them.
        var open: [(index: Int, late: Bool)] = []
        for (index, record) in records.enumerated() {
            while let last = open.last, last.index != Int(record.parent) {
                open.removeLast()
                text += last.late ? "],\"score\":\(last.index)}" : "]}"
            }
            if text.last != "[" { text += "," }
            let hasReplies = index + 1 < records.count && Int(records[index + 1].parent) == index
            if index % 11 == 5 && !hasReplies && !record.flags.contains(.deleted)
                && !record.flags.contains(.placeholder)
            {
                text += "{}"
                continue
            }
            text += "{\"id\":\"c\(index)\",\"author\":\"a\(index % 7)\""
            if record.flags.contains(.deleted) { text += ",\"deleted\":true" }
            if record.flags.contains(.placeholder) { text += ",\"placeholder\":true,\"more\":{\"count\":2}" }
            if hasReplies {
                text += ",\"replies\":["
                open.append((index, index % 3 == 0 && !record.flags.contains(.placeholder)))
            } else {
                text += index % 5 == 0 ? ",\"replies\":[]}" : "}"
            }
        }
        while let last = open.popLast() { text += last.late ? "],\"score\":\(last.index)}" : "]}" }
        return Array((text + "]}").utf8)
    }

    static func load(_ bytes: [UInt8], splitAt: Int = -1, runSize: Int = ScanSplit.runSize) throws -> Discussion {
        var loader = CanonicalLoader(bytes: DocumentBytes(bytes))
        loader.splitRunSize = runSize
        return try loader.load(splitAt: splitAt)
    }

    @Test(arguments: [(0, 0, 0), (1, 0, 0), (300, 40, 100), (3_000, 200, 2_500), (3_000, 3, 0)])
    func countsReadAreTheRecordsCounts(count: Int, chain: Int, chainAt: Int) throws {
        let bytes = Self.document(count: count, chain: chain, chainAt: chainAt, seed: UInt64(count + chain))
        let discussion = try Self.load(bytes)
        let loaded = try #require(discussion.loadedStatistics)
        #expect(loaded == discussion.countedStatistics())
        #expect(discussion.statistics() == StatisticsPartTests.onePass(discussion.records).with(discussion))
    }

    /// Split loads at many places and with small runs (so runs are taken inside replies, several
    /// levels down, and at the top level): the same counts as one scan.
    @Test func splitLoadsCountAsOneScan() throws {
        for seed in UInt64(1)...3 {
            let bytes = Self.document(count: 2_000, chain: 30, chainAt: Int(seed) * 500, seed: seed)
            let alone = try Self.load(bytes)
            let expected = alone.countedStatistics()
            #expect(alone.loadedStatistics == expected)
            var taken = 0
            for (k, guess) in SplitLoadTests.braces(bytes, limit: 40).enumerated() {
                var loader = CanonicalLoader(bytes: DocumentBytes(bytes))
                loader.splitRunSize = [ScanSplit.runSize, 1, 2, 7][k % 4]
                let split = try loader.load(splitAt: guess)
                taken += loader.splitTaken
                #expect(split.loadedStatistics == expected, "seed \(seed), split at \(guess)")
            }
            #expect(taken > 40)
        }
    }

    /// A `parent` field can place a comment anywhere: the records are counted after the load.
    @Test func parentsByIDAreCountedFromTheRecords() throws {
        let flat = Array(
            """
            {"article":{"title":"t"},"comments":[{"id":"a","replies":[{"id":"b"}]},{"id":"c","parent":"b"},\
            {"id":"d","parent":"zz"}]}
            """.utf8)
        let discussion = try Self.load(flat)
        #expect(discussion.loadedStatistics == nil)
        let statistics = discussion.statistics()
        #expect(statistics.maximumDepth == 3)
        #expect(statistics.topLevel == 2)
    }
}

extension DiscussionStatistics {
    /// These counts with `discussion`'s authors and bytes, as `statistics()` fills them.
    fileprivate func with(_ discussion: Discussion) -> DiscussionStatistics {
        var statistics = self
        statistics.distinctAuthors = discussion.distinctAuthors
        statistics.bytes = discussion.bytes.count
        return statistics
    }
}
