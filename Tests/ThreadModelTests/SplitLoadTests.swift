import Foundation
import Testing

@testable import SiteFormats
@testable import ThreadModel

/// A big canonical document is read by two scans at once, the second from a guessed comment start
/// (`CanonicalLoader+Split`). Whatever the guess, the result must be the one scan's, errors included:
/// these tests start the second scan at every offset (or every `{`) of small documents and compare.
@Suite struct SplitLoadTests {
    /// What a load gives, in one comparable value: every field of every record and the discussion's
    /// counts, or the error's message.
    struct Outcome: Equatable, CustomStringConvertible {
        var text: String
        var description: String { text }
    }

    static func outcome(_ bytes: [UInt8], splitAt: Int?, runSize: Int = ScanSplit.runSize) -> (Outcome, taken: Int) {
        var loader = CanonicalLoader(bytes: DocumentBytes(bytes))
        loader.splitRunSize = runSize
        do {
            let discussion = try loader.load(splitAt: splitAt)
            return (Outcome(text: summary(discussion)), loader.splitTaken)
        } catch {
            return (Outcome(text: "error: \(error.description)"), loader.splitTaken)
        }
    }

    static func summary(_ discussion: Discussion) -> String {
        var lines = [
            "\(discussion.article) count \(discussion.count) orphans \(discussion.orphanCount)"
                + " authors \(discussion.distinctAuthors) notes \(discussion.notes)"
        ]
        for record in discussion.records {
            lines.append(
                [record.id, record.author, record.published, record.body, record.parentID].map {
                    "\($0.offset):\($0.rawLength)"
                }.joined(separator: ",") + " \(record.score) \(record.parent) \(record.flags.rawValue)")
        }
        return lines.joined(separator: "\n")
    }

    /// Loads `bytes` once alone and once split at each of `guesses`; expects the same outcome. Returns
    /// how many of the split loads took at least one run of the second scan.
    @discardableResult
    static func expectSameOutcome(
        _ bytes: [UInt8], guesses: some Sequence<Int>, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int {
        let (alone, _) = outcome(bytes, splitAt: -1)
        var splitLoads = 0
        for (k, guess) in guesses.enumerated() {
            // Every other load cuts the second scan's runs after 1 or 2 comments, as big loads do after 65,536.
            let (split, taken) = outcome(bytes, splitAt: guess, runSize: k % 2 == 0 ? ScanSplit.runSize : 1 + k % 3)
            if taken > 0 { splitLoads += 1 }
            if split != alone {
                Issue.record(
                    "\(what): split at \(guess) gives\n\(split)\nwhere one scan gives\n\(alone)",
                    sourceLocation: sourceLocation)
                return splitLoads
            }
        }
        return splitLoads
    }

    /// Offsets of every `{` in `bytes`, at most `limit` of them spread evenly, and the natural guess.
    static func braces(_ bytes: [UInt8], limit: Int = 60) -> [Int] {
        let all = bytes.indices.filter { bytes[$0] == UInt8(ascii: "{") }
        let step = max(1, all.count / limit)
        var picked = stride(from: 0, to: all.count, by: step).map { all[$0] }
        let natural = bytes.withUnsafeBytes {
            CanonicalLoader.likelyCommentStart(in: $0, after: bytes.count / 100 * CanonicalLoader.splitPercent)
        }
        if let natural { picked.append(natural) }
        return picked
    }

    /// The document without white space outside strings.
    static func compact(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                out.append(byte)
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                out.append(byte)
            } else if ![0x20, 0x0A, 0x0D, 0x09].contains(byte) {
                out.append(byte)
            }
        }
        return out
    }

    /// A nested document of `count` comments, shaped by a seeded generator: replies to recent
    /// comments, some deep chains, some fields after `replies`, ids as strings or integers.
    static func generated(count: Int, seed: UInt64, idBase: Int = 0) -> [UInt8] {
        var random = SplitMix(seed: seed)
        var parents: [Int] = []
        for index in 0..<count {
            let roll = random.next() % 10
            if index == 0 || roll < 3 {
                parents.append(-1)
            } else if roll < 6 {
                parents.append(index - 1)
            } else {
                parents.append(Int(random.next() % UInt64(index)))
            }
        }
        var children = [[Int]](repeating: [], count: count)
        var roots: [Int] = []
        for (index, parent) in parents.enumerated() {
            if parent < 0 { roots.append(index) } else { children[parent].append(index) }
        }
        var out = #"{"article": {"title": "Generated", "id": 7}, "comments": ["#
        // An explicit stack of (comment, whether its `{` is written), so no recursion.
        var stack: [(Int, Bool)] = roots.reversed().map { ($0, false) }
        var first = true
        while let (index, opened) = stack.popLast() {
            if opened {
                out += "]"
                if index % 4 == 1 { out += #", "author": "late\#(index % 5)""# }
                out += "}"
                first = false
                continue
            }
            if !first { out += "," }
            let id = index % 3 == 0 ? "\(idBase + index + 100)" : #""c\#(idBase + index)""#
            out += #"{"id": \#(id), "author": "a\#(index % 7)", "score": \#(index % 11),"#
            out += #" "body": "text, with },{\"id\": \"x\"} inside \#(index)", "replies": ["#
            stack.append((index, true))
            first = true
            for child in children[index].reversed() { stack.append((child, false)) }
        }
        out += "]}"
        return Array(out.utf8)
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func document(_ comments: String) -> [UInt8] {
        Array(#"{"article": {"title": "T"}, "comments": \#(comments)}"#.utf8)
    }

    @Test(arguments: [0, 1, 2_047, 2_048, 5_000, 300_000])
    func distinctHashesCountAsASetDoes(count: Int) {
        var random = SplitMix(seed: UInt64(count))
        // Values drawn from a pool a third the size, with zeros (none) among them.
        let pool = (0..<max(1, count / 3)).map { $0 % 50 == 0 ? 0 : random.next() }
        let hashes = (0..<count).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
        var distinct = DistinctHashes()
        var other = DistinctHashes()
        for (k, hash) in hashes.enumerated() {
            if k % 3 == 0 { other.insert(hash) } else { distinct.insert(hash) }
        }
        distinct.formUnion(other)
        #expect(distinct.count == Set(hashes.filter { $0 != 0 }).count)
    }

    // MARK: - Every offset

    @Test func everyOffsetOfSmallDocuments() {
        let documents = [
            #"[{"id": "a", "replies": [{"id": "b"}, {"id": "c", "replies": [{"id": "d"}]}]}, {"id": "e"}]"#,
            #"[{"id":"a","replies":[{"id":"b"},{"id":"c"}],"author":"late","more":{"n":1}},{"id":"f"}]"#,
            #"[{"id":"a","replies":[{"id":"b"}],"replies":[{"id":"c"},{"id":"d"}]},{"id":"e"}]"#,
            #"[{"id":"a","placeholder":true,"more":{"k":[{"x":1},{"y":2}]}},{"id":"b","more":{}},{"id":"c"}]"#,
            #"[{"id":"r"},{"id":"x","parent":"r"},{"id":"y","parent":"x"},{"id":"z","parent":"nobody"}]"#,
            #"[{"id":"a","body":"},{\"id\":\"q\"}"},{"id":"b","body":"x\\"},{"id":"c"}]"#,
            #"[{"id":1,"role":"moderator","op":true,"deleted":true},{"id":-0,"score":12345678901234567890}]"#,
        ]
        var taken = 0
        for comments in documents {
            let bytes = Self.document(comments)
            taken += Self.expectSameOutcome(bytes, guesses: 0..<bytes.count, comments)
        }
        #expect(taken > 20)
    }

    @Test func errorsInEitherHalfAreTheSequentialOnes() {
        let documents = [
            // an error in the first half, another in the second: the first wins
            #"[{"id":"a","score":"x"},{"id":"b"},{"id":"c"},{"id":"d","score":1.5}]"#,
            // an error in the second half only
            #"[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d","replies":[{"id":"e","body":3}]}]"#,
            #"[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d"} {"id":"e"}]"#,
            #"[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d","replies":[{"id":"e"}],"x":}]"#,
            // duplicate ids across the halves, a loop of parents, its own parent
            #"[{"id":"a"},{"id":"b","replies":[{"id":"c"}]},{"id":"d"},{"id":"a"}]"#,
            #"[{"id":"a","parent":"b"},{"id":"q"},{"id":"r"},{"id":"b","parent":"a"}]"#,
            #"[{"id":"a"},{"id":"q"},{"id":"r"},{"id":"s","parent":"s"}]"#,
            #"[{"id":"a"},{"id":"b"},{"id":"c"},"text",{"id":"d"}]"#,
            #"[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d"},]"#,
        ]
        for comments in documents {
            let bytes = Self.document(comments)
            Self.expectSameOutcome(bytes, guesses: 0..<bytes.count, comments)
        }
    }

    @Test func truncatedAtEveryOffset() {
        let whole = Self.document(
            #"[{"id":"a","replies":[{"id":"b","body":"x,{\"id\":1}"}],"author":"z"},{"id":"c"},{"id":"d"}]"#)
        for end in 1..<whole.count {
            let bytes = Array(whole[0..<end])
            Self.expectSameOutcome(bytes, guesses: Self.braces(bytes, limit: 40), "cut at \(end)")
        }
    }

    // MARK: - Real and generated documents

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let files: [String] = CodableAgreementTests.files

    @Test(arguments: files)
    func everyFixtureCompactAndPretty(_ path: String) throws {
        let pretty = try CodableAgreementTests.canonical(path)
        let compact = Self.compact(pretty)
        Self.expectSameOutcome(pretty, guesses: Self.braces(pretty), "\(path), pretty")
        let taken = Self.expectSameOutcome(compact, guesses: Self.braces(compact), "\(path), compact")
        let comments = try Discussion.load(canonical: DocumentBytes(compact)).count
        if comments > 3 { #expect(taken > 0, "no split load took a run of \(path)") }
    }

    @Test(arguments: [1, 2, 3, 4])
    func generatedThreads(seed: UInt64) {
        let compact = Self.generated(count: 150, seed: seed)
        let taken = Self.expectSameOutcome(compact, guesses: Self.braces(compact, limit: 160), "seed \(seed)")
        #expect(taken > 30)
        let discussion = try? Discussion.load(canonical: DocumentBytes(compact))
        let pretty = discussion.map { DocumentWriter.canonicalJSON($0) } ?? []
        #expect(!pretty.isEmpty)
        Self.expectSameOutcome(pretty, guesses: Self.braces(pretty, limit: 80), "seed \(seed), pretty")
    }

    /// The preview comes from the first scan: the same comments, whatever the second scan did.
    @Test func previewIsTheSequentialOne() {
        let bytes = Self.generated(count: 60, seed: 5)
        final class Box: @unchecked Sendable { var previews: [String] = [] }
        func load(splitAt: Int, wholeThreads: Bool) -> (String, [String]) {
            let box = Box()
            var loader = CanonicalLoader(
                bytes: DocumentBytes(bytes), previewAfter: 10, previewWholeThreads: wholeThreads,
                preview: { box.previews.append(Self.summary($0)) }, progress: { _ in })
            loader.splitRunSize = 2
            let result = (try? loader.load(splitAt: splitAt)).map(Self.summary) ?? "error"
            return (result, box.previews)
        }
        for wholeThreads in [true, false] {
            let alone = load(splitAt: -1, wholeThreads: wholeThreads)
            #expect(alone.1.count == 1)
            for guess in Self.braces(bytes, limit: 80) {
                let split = load(splitAt: guess, wholeThreads: wholeThreads)
                #expect(split.0 == alone.0, "split at \(guess)")
                #expect(split.1 == alone.1, "split at \(guess)")
            }
        }
    }

    @Test func deepNestingAtTheMiddle() {
        var comments = #"[{"id":"first"},"#
        for level in 0..<300 { comments += #"{"id":"d\#(level)","body":"},{","replies":["# }
        comments += #"{"id":"bottom"}"#
        for level in (0..<300).reversed() { comments += #"],"author":"u\#(level)"}"# }
        comments += #",{"id":"last"}]"#
        let bytes = Self.document(comments)
        let taken = Self.expectSameOutcome(bytes, guesses: Self.braces(bytes, limit: 160), "deep")
        #expect(taken > 50)
    }

    /// A document past the size at which loads split on their own: split at the natural guess
    /// (near the middle), it reads as one scan does.
    @Test func bigDocumentSplitsAtItsOwnGuess() throws {
        var bytes = Array(#"{"article": {"title": "Big"}, "comments": ["#.utf8)
        var part = 0
        while bytes.count < CanonicalLoader.splitSize + (1 << 20) {
            let one = Self.generated(count: 5_000, seed: UInt64(part), idBase: part * 10_000)
            let start = one.firstIndex(of: UInt8(ascii: "["))! + 1
            if part > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: one[start..<(one.count - 2)])
            part += 1
        }
        bytes.append(contentsOf: Array("]}".utf8))
        let (alone, _) = Self.outcome(bytes, splitAt: -1)
        let (natural, taken) = Self.outcome(bytes, splitAt: nil)
        #expect(taken > 0)
        #expect(natural == alone)
        #expect(!alone.text.hasPrefix("error"))
    }
}
