import Foundation
import Reader
import SiteFormats
import Testing
import ThreadModel
import ThreadTree

/// The real saved discussions in `Tests/Fixtures` of every site format.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let files: [String] = ["discourse", "hn_algolia", "hn_firebase", "lobsters", "reddit"].flatMap { folder in
        let path = directory.appendingPathComponent(folder).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }
}

/// Placeholders ("N more replies", forum events) are not comments: every place that gives a
/// number of comments gives the same one.
@Suite struct CountAgreementTests {
    /// a(…2 more, b(…1 more)), …closed, c
    static func withPlaceholders() throws -> Discussion {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let a = builder.add(Comment(author: "a", body: "first"))
        builder.addPlaceholder("2 more replies", under: a)
        let b = builder.add(Comment(author: "b", body: "second"), under: a)
        builder.addPlaceholder("1 more reply", under: b)
        builder.addPlaceholder("topic closed")
        builder.add(Comment(author: "c", body: "third"))
        return try builder.build()
    }

    /// The number on the rule under the article ("── 3 comments ──").
    static func ruleCount(_ text: String) -> Int? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("── ") }) else { return nil }
        return Int(String(line.dropFirst(3).prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)))
    }

    /// The n of the status line's "comment i of n" (or "after comment i of n").
    static func statusCount(_ status: String) -> Int? {
        guard let range = status.range(of: " of ") else { return nil }
        return Int(String(status[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)))
    }

    /// Comments the printed thread shows at depth 1 plus every "N replies hidden" under them.
    static func printedWithDepthOne(_ discussion: Discussion) -> Int {
        let printed = ThreadPrinter(width: 200, depthLimit: 1).text(of: discussion)
        var total = 0
        for line in printed.split(separator: "\n") where line.hasPrefix("▸ ") || line.hasPrefix("• ") {
            total += 1
            if let range = line.range(of: " replies hidden") ?? line.range(of: " reply hidden") {
                let digits = line[..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == "," }
                total += Int(String(digits.reversed().filter(\.isNumber))) ?? 0
            }
        }
        return total
    }

    @Test func statusLineNumbersCommentsOnly() throws {
        var state = ReaderState(discussion: try Self.withPlaceholders(), rows: 40, columns: 80)
        state.press("j")
        #expect(state.positionText == "after comment 1 of 3 · depth 2 · 33%")
        state.press("j")
        #expect(state.positionText == "comment 2 of 3 · depth 2 · 66%")
        state.press("j")
        #expect(state.positionText == "after comment 2 of 3 · depth 3 · 66%")
        state.press("G")
        #expect(state.positionText == "comment 3 of 3 · depth 1 · 100%")
    }

    @Test func onlyPlaceholdersMeansNoComments() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.addPlaceholder("200 more replies")
        var state = ReaderState(discussion: try builder.build(), rows: 40, columns: 80)
        #expect(state.positionText.hasPrefix("no comments"), "\(state.positionText)")
        state.press("G")
        #expect(state.positionText == "no comments · depth 1 · 100%")
        #expect(state.pageText.contains("── 0 comments ──"))
    }

    @Test func foldedAndCutRepliesLeavePlaceholdersOut() throws {
        let discussion = try Self.withPlaceholders()
        let printed = ThreadPrinter(width: 60, depthLimit: 1).text(of: discussion)
        #expect(printed.contains("▸ a · 1 reply hidden\n"))
        var state = ReaderState(discussion: discussion, rows: 40, columns: 80)
        state.press("jz")
        #expect(state.pageText.contains("▸ a · 1 reply hidden"))
    }

    @Test(arguments: Fixtures.files)
    func ruleStatusLineStatsAndHiddenRepliesAgree(_ file: String) throws {
        let path = Fixtures.directory.appendingPathComponent(file).path
        let discussion = try Discussion.load(DocumentBytes.read(path: path))
        let comments = discussion.statistics().comments
        #expect(comments == discussion.commentCount)
        #expect(Self.ruleCount(ThreadPrinter(width: 120).text(of: discussion)) == comments)
        var state = ReaderState(discussion: discussion, rows: 40, columns: 120)
        state.press("G")
        #expect(Self.statusCount(state.positionText) == comments, "\(state.positionText)")
        #expect(Self.printedWithDepthOne(discussion) == comments)
    }

    @Test func fixturesAreThere() {
        #expect(Fixtures.files.count >= 26)
    }
}
