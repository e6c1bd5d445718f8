import Testing

@testable import ReadingState

@Suite struct SeenSetTests {
    @Test func encodingRoundTrips() {
        let set = SeenSet(hashes: [5, 1, UInt64.max, 1, 0, 1 << 40])
        #expect(set.hashes == [1, 5, 1 << 40, UInt64.max])
        #expect(SeenSet(encoded: set.encoded()) == set)
        #expect(SeenSet(encoded: SeenSet().encoded()) == SeenSet())
    }

    @Test func unionMergesSortedWithoutDuplicates() {
        let union = SeenSet(hashes: [1, 4, 9]).union(SeenSet(hashes: [2, 4, 10]))
        #expect(union.hashes == [1, 2, 4, 9, 10])
        #expect(union.contains(9) && !union.contains(3))
    }

    @Test func damagedBlobsAreRejected() {
        let good = SeenSet(hashes: [3, 70_000, 1 << 50]).encoded()
        #expect(SeenSet(encoded: Array(good.dropLast())) == nil)
        #expect(SeenSet(encoded: good + [0]) == nil)
        #expect(SeenSet(encoded: [2] + good.dropFirst()) == nil)
        // A count far past what the bytes could hold must not reserve memory for it.
        #expect(SeenSet(encoded: [1, 0xff, 0xff, 0xff, 0xff, 0x0f]) == nil)
        // Ten continuation bytes overflow 64 bits.
        #expect(SeenSet(encoded: [1, 1] + [UInt8](repeating: 0xff, count: 10) + [1]) == nil)
        // A zero gap would repeat a hash.
        #expect(SeenSet(encoded: [1, 2, 5, 0]) == nil)
    }

    @Test func manyHashesTakeUnderEightBytesEach() {
        var generator = SystemRandomNumberGenerator()
        let set = SeenSet(hashes: (0..<100_000).map { _ in generator.next() })
        #expect(set.encoded().count < 8 * 100_000)
    }
}

@Suite struct SeenSetLookupTests {
    @Test func lookupFindsExactlyTheMembers() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 7, 8, 9, 1000, 50_000] {
            let members = (0..<size).map { _ in generator.next() as UInt64 }
            let lookup = SeenSet(hashes: members).lookup()
            #expect(members.allSatisfy { lookup.contains($0) }, "size \(size)")
            let memberSet = Set(members)
            let others = (0..<1000).map { _ in generator.next() as UInt64 }.filter { !memberSet.contains($0) }
            #expect(!others.contains { lookup.contains($0) }, "size \(size)")
        }
        let edges = SeenSet(hashes: [1, 2, UInt64.max - 1, UInt64.max]).lookup()
        #expect(edges.contains(1) && edges.contains(UInt64.max) && !edges.contains(3))
    }

    @Test func membersAnswersAsContainsDoes() {
        var generator = SystemRandomNumberGenerator()
        for (setSize, probeSize) in [(0, 5), (5, 0), (3, 40), (40_000, 1_000), (1_000, 40_000)] {
            let members = (0..<setSize).map { _ in generator.next() as UInt64 }
            let set = SeenSet(hashes: members)
            let probes =
                members.prefix(probeSize / 2)
                + (0..<(probeSize - min(probeSize / 2, setSize))).map { _ in
                    generator.next() as UInt64
                }
            #expect(set.members(of: Array(probes)) == probes.map { set.contains($0) }, "\(setSize) in \(probeSize)")
        }
    }
}
