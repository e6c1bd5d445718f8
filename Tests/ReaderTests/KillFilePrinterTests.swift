import Reader
import Testing
import ThreadModel
import ThreadQuery
import ThreadTestSupport
import ThreadTree

/// `--print` with the kill-file: a hidden comment is one line, its replies printed under it.
@Suite struct KillFilePrinterTests {
    let thread = discussion(
        """
        a ann: top
          b spam: buy now
            c bob: a reply to spam
        d cat: other
        """)

    func printed(_ rules: [KillRule]) -> String {
        var printer = ThreadPrinter(width: 60)
        let tree = CommentTree(discussion: thread)
        let marks = KillFile(rules: rules).marks(thread, tree: tree)
        if !marks.isEmpty { printer.kill = marks }
        var text = ""
        printer.print(thread, tree: tree) { text += $0 }
        return text
    }

    @Test func aHiddenCommentPrintsAsOneLineAndItsRepliesStay() throws {
        let text = printed([try KillRule.parse("author:spam", action: .hide, site: nil)])
        #expect(
            text.contains(
                """
                ▾ ann
                  top
                │
                │ ▾ hidden by the kill-file
                │ │
                │ │ • bob
                │ │   a reply to spam
                │ │
                • cat
                  other
                """))
        #expect(!text.contains("buy now"))
    }

    @Test func hideThreadPrintsTheLineWithoutItsReplies() throws {
        let rules = [try KillRule.parse("author:spam", action: .hideThread, site: nil)]
        var printer = ThreadPrinter(width: 60)
        let marks = KillFile(rules: rules).marks(thread, tree: CommentTree(discussion: thread))
        printer.kill = marks
        var text = ""
        printer.print(thread, tree: ThreadPrinter.killFolds(CommentTree(discussion: thread), marks)) { text += $0 }
        #expect(text.contains("│ ▸ hidden by the kill-file · 1 reply folded\n│\n• cat"))
        #expect(!text.contains("a reply to spam"))
    }

    @Test func withoutTheKillFileEveryCommentPrints() throws {
        let text = printed([])
        #expect(text.contains("│ ▾ spam\n│   buy now\n"))
        #expect(!text.contains("hidden by the kill-file"))
        // A dimmed comment prints as it is: plain text has no dim.
        #expect(printed([try KillRule.parse("author:spam", action: .dim, site: nil)]) == text)
    }
}
