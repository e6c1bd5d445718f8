import Foundation
import Testing

@testable import ThreadModel

/// The canonical loader's short cuts (issue 25): strings searched 8 bytes at a time, the common
/// member names matched from the bytes, the id index built in two halves, slots of one word. Each
/// must read exactly what the plain way reads.
@Suite struct LoadFastPathTests {
    /// A JSON string literal for `text`: quotes, backslashes and control characters escaped.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func load(_ text: String) throws -> Discussion {
        try Discussion.load(canonical: DocumentBytes(Array(text.utf8)))
    }

    /// Strings of every length up to 80 with a quote, a backslash, a newline or a run of backslashes at
    /// every place (inside the first 32 bytes searched in line, across a word, after it), each ending
    /// 0 to 9 bytes before the end of the file (where no word can be read): read back as written.
    @Test func stringsReadBackAtEveryLengthAndEnd() throws {
        let specials = ["\"", "\\", "\n", "\\\\", "\\\"", "é"]
        for length in 0...80 {
            for special in specials {
                for at in Set([0, length / 3, length / 2, max(0, length - 1), 7, 8, 31, 32, 33]) where at <= length {
                    var text = String(repeating: "a", count: length)
                    if length > 0 {
                        text = String(text.prefix(at)) + special + String(text.dropFirst(at))
                    }
                    for tail in 0...9 {
                        let document =
                            "{\"article\":{\"title\":\(Self.literal(text))},\"comments\":[{\"id\":\(Self.literal(text)),"
                            + "\"body\":\(Self.literal(text))}]}" + String(repeating: " ", count: tail)
                        let discussion = try Self.load(document)
                        #expect(discussion.article.title == text)
                        #expect(discussion.body(of: 0) == text)
                        #expect(discussion.id(of: 0) == .string(text))
                    }
                }
            }
        }
    }

    /// An unterminated string is the same error however long it is and wherever the file ends.
    @Test func unterminatedStringsFailAsBefore() throws {
        for length in 0...40 {
            let document = "{\"article\":{\"title\":\"" + String(repeating: "b", count: length)
            let error = try #require(throws: DocumentError.self) { try Self.load(document) }
            #expect(error.description == "document:1:21: not valid JSON: unterminated string")
        }
    }

    /// The comment's fields as values, parents included, without their offsets in the file.
    static func fields(_ discussion: Discussion) -> [String] {
        (0..<discussion.count).map { index in
            "\(discussion.comment(at: index)) parent \(discussion.parent(of: index).map(String.init) ?? "-")"
        }
    }

    /// Member names written with escapes or white space before the colon, or names that only begin
    /// like a known one, read as the plain document reads (names matched from the bytes are exact).
    @Test func fieldNamesSpelledOtherwiseReadTheSame() throws {
        let plain = """
            {"article":{"title":"t"},"comments":[{"id":"a","author":"x","published":"2020-01-01T00:00:00Z",\
            "score":3,"body":"b","replies":[{"id":"c","parent":"zz","body":"d"}]},{"id":"e","parent":"a"}]}
            """
        let expected = Self.fields(try Self.load(plain))
        #expect(expected.count == 3)
        let spellings = [
            plain.replacingOccurrences(of: "\":", with: "\" :"),
            plain.replacingOccurrences(of: "\":", with: "\"\n:"),
            plain.replacingOccurrences(of: "\"id\"", with: "\"\\u0069d\"")
                .replacingOccurrences(of: "\"author\"", with: "\"autho\\u0072\"")
                .replacingOccurrences(of: "\"published\"", with: "\"publishe\\u0064\"")
                .replacingOccurrences(of: "\"score\"", with: "\"\\u0073core\"")
                .replacingOccurrences(of: "\"body\"", with: "\"bod\\u0079\"")
                .replacingOccurrences(of: "\"replies\"", with: "\"replie\\u0073\"")
                .replacingOccurrences(of: "\"parent\"", with: "\"paren\\u0074\""),
            plain.replacingOccurrences(
                of: "{\"id\":\"a\",",
                with: "{\"identity\":\"q\",\"authors\":\"q\",\"publishedAt\":\"q\",\"scores\":9,\"bodyText\":\"q\","
                    + "\"repliesCount\":4,\"parents\":\"q\",\"replies\":null,\"i\":1,\"\":2,\"id\":\"a\","),
        ]
        for document in spellings {
            #expect(Self.fields(try Self.load(document)) == expected, "\(document)")
        }
    }

    /// A flat document of `count` comments `c0`, `c1`, …, each after the first naming a parent.
    static func flat(_ count: Int, idAt: (Int) -> String = { "c\($0)" }) -> String {
        var parts: [String] = []
        parts.reserveCapacity(count)
        for k in 0..<count {
            parts.append(k == 0 ? "{\"id\":\"\(idAt(k))\"}" : "{\"id\":\"\(idAt(k))\",\"parent\":\"c\(k / 2)\"}")
        }
        return "{\"article\":{\"title\":\"t\"},\"comments\":[" + parts.joined(separator: ",\n") + "]}"
    }

    /// Over 65,536 ids the index is two tables, split by the hash's top bit: parents are found in
    /// either, and a duplicate id is the first in document order whichever table it falls in.
    @Test func bigIndexFindsParentsAndTheFirstDuplicate() throws {
        let count = IDIndex.splitCount + 4_000
        #expect(count > IDIndex.splitCount)
        let discussion = try Self.load(Self.flat(count))
        // Every comment is under `c(k / 2)`: the thread order is a preorder, each parent before its replies.
        for index in 1..<discussion.count {
            let parent = try #require(discussion.parent(of: index))
            #expect(parent < index)
            guard case .string(let id) = discussion.id(of: index),
                case .string(let parentID) = discussion.id(of: parent)
            else {
                Issue.record("no id at \(index)")
                return
            }
            #expect(parentID == "c\(try #require(Int(id.dropFirst())) / 2)")
        }
        // Two duplicates, one in each table; the earlier in the file is the error, in both orders.
        let low = try #require((1..<100).first { TextHash.of("c\($0)") >> 63 == 0 })
        let high = try #require((1..<100).first { TextHash.of("c\($0)") >> 63 == 1 })
        for (first, second) in [(low, high), (high, low)] {
            let document = Self.flat(count) { k in
                k == 30_000 ? "c\(first)" : k == 60_000 ? "c\(second)" : "c\(k)"
            }
            let error = try #require(throws: DocumentError.self) { try Self.load(document) }
            guard case .duplicateID(let id, let line, _) = error.kind else {
                Issue.record("\(error)")
                continue
            }
            #expect(id == "c\(first)")
            #expect(line == 30_001)
        }
    }

    /// Slots keep the hash's top 32 bits only: equal top bits in one slot are told apart by `same`.
    @Test func hashIndexTellsApartEqualTopBits() {
        var index = HashIndex(capacity: 8)
        let texts = ["one", "two", "three", "four"]
        let hash: UInt64 = 0xABCD_0123_0000_0005
        for (k, text) in texts.enumerated() {
            let earlier = index.insert(hash &+ UInt64(k) << 8, Int32(k), same: { texts[Int($0)] == text })
            #expect(earlier == nil)
        }
        #expect(index.insert(hash &+ 2 << 8, 9, same: { texts[Int($0)] == "three" }) == 2)
        for (k, text) in texts.enumerated() {
            #expect(index.find(hash &+ UInt64(k) << 8, same: { texts[Int($0)] == text }) == Int32(k))
        }
        #expect(index.find(hash, same: { _ in false }) == nil)
        #expect(index.insert(0x7FFF_FFFF_0000_0001, Int32.max - 1, same: { _ in false }) == nil)
        #expect(index.find(0x7FFF_FFFF_0000_0001, same: { $0 == Int32.max - 1 }) == Int32.max - 1)
    }

    /// A big table (mapped on its own, in huge pages where given) starts empty and holds what is put
    /// in it; a copy reads the same slots.
    @Test(arguments: [1_000, 300_000])
    func hashIndexOfEveryCapacityHoldsItsValues(count: Int) {
        var random = SplitLoadTests.SplitMix(seed: UInt64(count))
        let hashes = (0..<count).map { _ in random.next() | 1 }
        var index = HashIndex(capacity: count)
        for (k, hash) in hashes.enumerated() {
            #expect(index.insert(hash, Int32(k), same: { _ in true }) == nil)
        }
        let copy = index
        #expect(index.insert(hashes[count / 2], 0, same: { $0 == Int32(count / 2) }) == Int32(count / 2))
        for (k, hash) in hashes.enumerated() where k % 7 == 0 {
            #expect(copy.find(hash, same: { $0 == Int32(k) }) == Int32(k))
        }
        #expect(copy.find(hashes[1] ^ 0xFFFF_0000_0000, same: { _ in true }) == nil)
    }

    /// The loader's own hash is the same for text read from a file (whatever follows it, or at the
    /// very end) and for the same text as a string, so escaped and plain spellings meet.
    @Test func loadHashIsTheTextsWhereverItLies() {
        let text = Array("0123456789abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var seen = Set<UInt64>()
        for count in 0...text.count {
            let expected = LoadHash.of(String(decoding: text[0..<count], as: UTF8.self))
            #expect(seen.insert(expected).inserted, "two lengths share a hash")
            for extra in [0, 1, 7, 8, 20] {
                let buffer = text[0..<count] + Array(repeating: UInt8(ascii: "\""), count: extra)
                let hash = buffer.withUnsafeBytes { LoadHash.of($0, count: count) }
                #expect(hash == expected, "\(count) bytes with \(extra) after")
            }
        }
    }

    /// Ids, parents and authors spelled with escapes are the same text as their plain spelling.
    @Test func escapedIDsParentsAndAuthorsMeetTheirPlainSpelling() throws {
        let duplicate = "{\"article\":{\"title\":\"t\"},\"comments\":[{\"id\":\"ab\"},{\"id\":\"a\\u0062\"}]}"
        let error = try #require(throws: DocumentError.self) { try Self.load(duplicate) }
        guard case .duplicateID(let id, _, _) = error.kind else {
            Issue.record("\(error)")
            return
        }
        #expect(id == "ab")
        let document = """
            {"article":{"title":"t"},"comments":[{"id":"p\\u0031","author":"[deleted]"},\
            {"id":"q","parent":"p1","author":"\\u005bdeleted]"},{"id":"r","parent":"\\u00701","author":"x"},\
            {"id":"s","author":"\\u0078"}]}
            """
        let discussion = try Self.load(document)
        #expect(discussion.distinctAuthors == 1)
        #expect(discussion.orphanCount == 0)
        #expect((1..<4).map { discussion.parent(of: $0) } == [0, 0, nil])
    }

    /// A comment's record is written once its fields are read: an empty object is still a reply of
    /// the comment whose `replies` hold it, and fields after `replies` still count.
    @Test func emptyRepliesAndFieldsAfterRepliesKeepTheirPlace() throws {
        let document = """
            {"article":{"title":"t"},"comments":[{"id":"a","replies":[{},{"id":"b","replies":[{}]},{}],\
            "author":"late","score":7},{}]}
            """
        let discussion = try Self.load(document)
        #expect(discussion.count == 6)
        #expect((0..<6).map { discussion.parent(of: $0) } == [nil, 0, 0, 2, 0, nil])
        #expect(discussion.author(of: 0) == "late")
        #expect(discussion.score(of: 0) == 7)
        #expect(discussion.id(of: 2) == .string("b"))
    }

    /// Room made in advance changes no count.
    @Test func distinctHashesCountTheSameWithRoomMade() {
        var reserved = DistinctHashes()
        reserved.reserveCapacity(10_000)
        var plain = DistinctHashes()
        var expected = Set<UInt64>()
        for k in 0..<20_000 {
            let hash = TextHash.of("author \(k % 7_001)")
            reserved.insert(hash)
            plain.insert(hash)
            expected.insert(hash)
        }
        #expect(reserved.count == expected.count)
        #expect(plain.count == expected.count)
    }
}
