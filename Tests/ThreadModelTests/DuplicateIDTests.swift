import Testing

@testable import ThreadModel

/// The duplicate check by parts (`IDIndex.firstDuplicate`, for big documents without `parent`
/// fields) finds the duplicate `IDIndex`'s one table finds: the first comment, in document order,
/// whose id an earlier comment has, whatever part and half each id's hash falls in.
@Suite struct DuplicateIDTests {
    /// Ids `i0`, `i1`, … as records pointing into one buffer, with `hash(k)` as comment k's hash
    /// (any value: so tests choose parts, halves, equal top bits and collisions), `text(k)` its id.
    struct Ids {
        var records: [CommentRecord] = []
        var hashes: [UInt64] = []
        let bytes: DocumentBytes

        init(count: Int, text: (Int) -> String?, hash: (Int) -> UInt64) {
            var buffer: [UInt8] = []
            for k in 0..<count {
                var record = CommentRecord()
                if let id = text(k) {
                    record.id = TextRef(offset: buffer.count, length: id.utf8.count, jsonEscaped: false)
                    buffer += Array(id.utf8)
                    hashes.append(hash(k))
                } else {
                    hashes.append(0)
                }
                records.append(record)
            }
            bytes = DocumentBytes(buffer)
        }

        /// The first duplicate by a dictionary of the texts.
        var expected: Int? {
            var seen = Set<String>()
            for (k, record) in records.enumerated() where !record.id.isAbsent {
                if !seen.insert(bytes.string(record.id) ?? "").inserted { return k }
            }
            return nil
        }

        var byParts: Int? { IDIndex.firstDuplicate(records, ids: hashes, bytes: bytes) }
        var byTable: Int? { IDIndex(records, ids: hashes, bytes: bytes).firstDuplicate }
    }

    /// Ids enough for the check by parts.
    static let count = IDIndex.splitCount + 5_000
    /// The hash's top bits that choose a part for this many ids (as `IDIndex.firstDuplicate` does).
    static let partBits = {
        var bits = 1
        while count >> bits > IDIndex.partSize { bits += 1 }
        return bits
    }()

    /// A hash in part `part` of 8 (each one part of the check's, which are 8 or more: 0–3 in one half,
    /// 4–7 in the other), the rest random.
    static func hash(part: UInt64, _ random: inout SplitLoadTests.SplitMix) -> UInt64 {
        part << 61 | random.next() >> UInt64(partBits) | 1
    }

    /// Duplicates planted at chosen places: in either half, in one part or two, later pairs before
    /// earlier ones in part order; absent ids between; hash collisions of different texts and equal top
    /// bits that are no duplicate. The first in document order is found, as by the table.
    @Test(arguments: [
        [(30_000, 40_000, 1), (20_000, 50_000, 6)],  // the earlier duplicate in the later part (other half)
        [(20_000, 50_000, 1), (30_000, 40_000, 6)],
        [(10_000, 60_000, 1), (11_000, 45_000, 2)],  // two parts of one half: the later part's is first
        [(10_000, 60_000, 2), (11_000, 45_000, 1)],
        [(1_000, 2_000, 3), (100, 3_000, 3)],  // one part, the earlier pair's second comes later
        [(5, 69_000, 7)],
        [],
    ])
    func plantedDuplicatesAreFoundInDocumentOrder(pairs: [(first: Int, second: Int, part: UInt64)]) {
        var random = SplitLoadTests.SplitMix(seed: 7)
        var hashes = (0..<Self.count).map { _ in random.next() | 1 }
        var texts = (0..<Self.count).map { "i\($0)" }
        for (first, second, part) in pairs {
            hashes[first] = Self.hash(part: part, &random)
            hashes[second] = hashes[first]
            texts[second] = texts[first]
        }
        // Different texts under one hash, and one with the same top 32 bits: no duplicate.
        hashes[15_000] = hashes[pairs.first?.first ?? 0]
        hashes[16_000] = hashes[15_000] ^ 0xFFFF
        let ids = Ids(count: Self.count, text: { $0 % 1_000 == 999 ? nil : texts[$0] }, hash: { hashes[$0] })
        #expect(ids.byParts == ids.expected)
        #expect(ids.byTable == ids.expected)
        #expect(ids.expected == pairs.map(\.second).min())
    }

    /// Every id in one part (a hash with few top bits used): the same answer, only slower.
    @Test func idsAllInOnePartAreCheckedAlike() {
        #expect(Self.partBits >= 3)
        var random = SplitLoadTests.SplitMix(seed: 9)
        let hashes = (0..<Self.count).map { _ in Self.hash(part: 5, &random) }
        let ids = Ids(
            count: Self.count, text: { "i\($0 == 60_000 ? 59_999 : $0)" },
            hash: { $0 == 60_000 ? hashes[59_999] : hashes[$0] })
        #expect(ids.expected == 60_000)
        #expect(ids.byParts == 60_000)
    }

    /// A loaded document of nested comments (no `parent` field: the check by parts) reports the first
    /// duplicate id, on its line, whichever half of the hashes each duplicate falls in.
    @Test func nestedDocumentReportsItsFirstDuplicate() throws {
        let count = Self.count
        let low = try #require((1..<100).first { LoadHash.of("c\($0)") >> 63 == 0 })
        let high = try #require((1..<100).first { LoadHash.of("c\($0)") >> 63 == 1 })
        for (first, second) in [(low, high), (high, low)] {
            var lines: [String] = []
            for k in 0..<count {
                let id = k == 30_000 ? "c\(first)" : k == 60_000 ? "c\(second)" : "c\(k)"
                lines.append(k % 3 == 1 ? "{\"id\":\"\(id)\",\"replies\":[{\"author\":\"a\"}]}" : "{\"id\":\"\(id)\"}")
            }
            let document = "{\"article\":{\"title\":\"t\"},\"comments\":[" + lines.joined(separator: ",\n") + "]}"
            let error = try #require(throws: DocumentError.self) {
                try Discussion.load(canonical: DocumentBytes(Array(document.utf8)))
            }
            guard case .duplicateID(let id, let line, _) = error.kind else {
                Issue.record("\(error)")
                continue
            }
            #expect(id == "c\(first)")
            #expect(line == 30_001)
        }
    }
}
