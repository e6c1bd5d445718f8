import Foundation
import Reader
import Testing
import ThreadModel
import ThreadTestSupport
import ThreadTree

@Suite struct ThreadPrinterTests {
    @Test func printedSampleMatchesTheExpectedText() throws {
        let expected = try String(contentsOf: expectedFile("zte-partial-reprieve-80.txt"), encoding: .utf8)
        let printed = ThreadPrinter(width: 80).text(of: sampleDiscussion())
        #expect(printed == expected)
    }

    @Test func printedSampleHasEveryCommentIndentedUnderItsParent() {
        let printed = ThreadPrinter(width: 80).text(of: sampleDiscussion())
        let headers = printed.split(separator: "\n").filter { $0.contains("anonymous") }
        #expect(
            headers == [
                "▾ anonymous", "│ • anonymous", "▾ anonymous", "│ • anonymous", "│ • anonymous", "• anonymous",
                "• anonymous",
            ])
        #expect(printed.contains("sone economic clout"))
        #expect(printed.contains("── 7 comments ──"))
    }

    @Test func depthLimitCutsRepliesAndSaysHowMany() {
        let thread = discussion(
            """
            a: top
              b: reply
                c: deep
            d: other
            """)
        let printed = ThreadPrinter(width: 60, depthLimit: 2).text(of: thread)
        #expect(printed.contains("│ ▸ b · 1 reply hidden\n│   reply\n"))
        #expect(!printed.contains("deep"))
        #expect(printed.contains("• d\n  other"))
    }

    @Test func narrowWidthsWrapEverything() {
        let printed = ThreadPrinter(width: 12).text(of: discussion("a: a body that is long enough to wrap"))
        for line in printed.split(separator: "\n") { #expect(line.count <= 12, "\(line)") }
    }

    /// Before: `--print` cut a long URL across lines, so neither a terminal nor `less` could follow it.
    @Test func aLongURLIsPrintedWholeOnALineOfItsOwn() {
        let url = "https://example.org/" + String(repeating: "a", count: 70) + "/end"
        let printed = ThreadPrinter(width: 60).text(of: discussion("a: see \(url) and more words here"))
        let lines = printed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains(url))
        #expect(lines.contains("see"))
        #expect(lines.contains("and more words here"))
    }

    @Test func hundredThousandDeepChainPrintsWithCappedIndentation() throws {
        let depth = 100_000
        var builder = DiscussionBuilder(article: Article(title: "Deep"))
        for i in 0..<depth {
            builder.add(Comment(id: .string("c\(i)"), body: "level \(i)"), under: i == 0 ? nil : i - 1)
        }
        let deep = try builder.build()
        var lines = 0
        var last = ""
        var widest = 0
        ThreadPrinter(width: 80).print(deep, tree: CommentTree(discussion: deep)) { line in
            lines += 1
            widest = max(widest, line.count - 1)
            if line.contains("level \(depth - 1)") { last = line }
        }
        #expect(lines > 3 * depth)
        #expect(widest <= 80)
        #expect(last.hasPrefix(String(repeating: "│ ", count: 20) + "  level 99999"))
    }
}

@Suite struct QuotePrintingTests {
    @Test func quotedCodeIsPrintedBehindTheBarsVerbatim() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.add(Comment(author: "a", body: "> said:\n>     let  x = 1"))
        let quoted = ThreadPrinter(width: 60).text(of: try builder.build())
        // Code keeps its inner spaces and is indented by `BodyLayout.codeIndent` behind the bar.
        #expect(quoted.contains("  │ said:\n  │   let  x = 1\n"))
    }

    @Test func deepQuotesPrintACappedPrefix() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.add(Comment(author: "a", body: String(repeating: ">", count: 20_000) + " deep"))
        let printed = ThreadPrinter(width: 80).text(of: try builder.build())
        #expect(printed.contains("\n  " + String(repeating: "│ ", count: 8) + "[20000] deep\n"))
        #expect(printed.utf8.count < 1_000)
    }
}
