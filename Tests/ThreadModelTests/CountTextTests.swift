import Foundation
import Testing
import ThreadModel

/// Issue 23, bug 10: thousands separators in some places only. `CountText` is the one owner of how a
/// count is written; these tests check it, and that no count a person reads is interpolated raw.
@Suite struct CountTextTests {
    @Test func groupsAndNamesTheNoun() {
        #expect(CountText.grouped(0) == "0")
        #expect(CountText.grouped(999) == "999")
        #expect(CountText.grouped(1_000) == "1,000")
        #expect(CountText.grouped(-1_234_567) == "-1,234,567")
        #expect(CountText.grouped(Int64(12_418)) == "12,418")
        #expect(CountText.counted(1, "comment") == "1 comment")
        #expect(CountText.counted(2_112, "comment") == "2,112 comments")
        #expect(CountText.counted(-1, "point") == "-1 point")
        #expect(CountText.counted(30, "story", plural: "stories") == "30 stories")
        #expect(CountText.counted(Int64(1_234), "vote") == "1,234 votes")
    }

    /// Words that follow a count a person reads: an interpolation right before one of them is a count.
    static let units =
        "comments?|repl(y|ies)|points?|votes?|voters?|new|stor(y|ies)|items?|requests?|bytes?|more|lines?"
        + "|fields?|hits?|matches|occurrences|people|threads?|authors?|options?|times|duplicate"

    /// Lines that interpolate something other than a count before such a word, each with why.
    static let allowed: [String: String] = [
        #"the \(column) comments of one thread"#: "a column's name",
        #"["\(feed)stories.json"]"#: "an address",
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every "\(x) comments"-like interpolation in the sources a person reads the output of.
    @Test func noCountIsShownWithoutGrouping() throws {
        let pattern = try Regex(#"\\\((?:[^()]|\([^()]*\))*\)\s*(?:"# + Self.units + #")\b"#)
        let skipped = ["Samples", "ReadingStateProbe", "TreadFuzz"]
        let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
        var raw: [String] = []
        var scanned = 0
        for case let path as String in files where path.hasSuffix(".swift") {
            guard !skipped.contains(where: { path.hasPrefix($0 + "/") }) else { continue }
            scanned += 1
            let text = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//"), !Self.allowed.keys.contains(where: { code.contains($0) }) else { continue }
                for match in code.matches(of: pattern) where !code[match.range].hasPrefix(#"\(CountText."#) {
                    raw.append("\(path):\(number + 1): \(code[match.range])")
                }
            }
        }
        #expect(scanned > 100)
        #expect(raw.isEmpty, "counts shown without CountText:\n\(raw.joined(separator: "\n"))")
    }
}
