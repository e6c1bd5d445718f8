import Reader
import Testing
import ThreadModel
import ThreadQuery
import ThreadTestSupport

/// The kill-file in the reader: hidden comments as one line with their replies kept, dimmed ones drawn
/// dim, X showing the hidden ones, and the search, the filter and the counts agreeing with what shows.
@Suite struct KillFileReaderTests {
    static let outline = """
        a ann: hello world
          b spam: buy target now
            c bob: target reply
          d cat: more stuff
        e spam: target spam again
        f dan: target plain
        """

    func reader(
        _ rules: [(String, KillRule.Action)] = [("author:spam", .hide)], rows: Int = 24, columns: Int = 60
    ) throws -> ReaderState {
        var options = ReaderOptions()
        options.killFile = KillFile(rules: try rules.map { try KillRule.parse($0.0, action: $0.1, site: nil) })
        var state = ReaderState(
            discussion: discussion(Self.outline), rows: rows, columns: columns, options: options,
            opening: ReaderOpening(source: .address))
        state.update(.started)
        return state
    }

    @Test func hiddenCommentsAreOneLineWithTheirRepliesUnderThem() throws {
        let state = try reader()
        #expect(
            state.render().plainText == """
                Title

                ── 6 comments ──────────────────────────────────────────────

                ▾ ann
                ┃ hello world
                ┃
                │ ▾ hidden by the kill-file
                │ │
                │ │ • bob
                │ │   target reply
                │ │
                │ • cat
                │   more stuff
                │
                • hidden by the kill-file

                • dan
                  target plain




                 kill-file: 2 hidden · 1/6 · 16%  2 hidden by th…shows them
                """)
    }

    @Test func bothToggleMessagesFitTheStatusLineAt80Columns() throws {
        var state = try reader(columns: 80)
        #expect(state.statusText.contains("2 hidden by the kill-file · X shows them"))
        state.press("X")
        #expect(state.statusText.contains("kill-file: 2 shown"))
        #expect(state.statusText.contains(try #require(state.message)))
        #expect(!state.statusText.contains("…"))
    }

    @Test func theStatusSaysHowManyAreHiddenAndWhichKeyShowsThem() throws {
        let state = try reader()
        #expect(state.message == "2 hidden by the kill-file · X shows them")
    }

    @Test func showKilledShowsThemDimmedAndHidesThemAgain() throws {
        var state = try reader()
        state.press("X")
        #expect(state.showKilled)
        #expect(state.message == "2 shown dimmed (kill-file) · X hides them")
        let shown = state.render().plainText
        #expect(shown.contains("buy target now"))
        #expect(!shown.contains("hidden by the kill-file\n"))
        #expect(state.statusText.contains("kill-file: 2 shown"))
        let dimmed = state.visibleLines.filter { $0.position.item == .comment(1) }
        #expect(!dimmed.isEmpty && dimmed.allSatisfy { $0.line.spans.allSatisfy { $0.style.dim } })
        state.press("X")
        #expect(!state.showKilled)
        #expect(!state.render().plainText.contains("buy target now"))
    }

    @Test func hideThreadFoldsTheRepliesUnderTheLineOnOpening() throws {
        var state = try reader([("author:spam", .hideThread)])
        #expect(state.pageText.contains("│ ▸ hidden by the kill-file · 1 reply folded\n│\n│ • cat"))
        #expect(!state.pageText.contains("target reply"))
        // Unfolding brings the replies back; a reload (merge) never folds them again.
        state.press("j")
        state.press("l")
        #expect(state.pageText.contains("│ ▾ hidden by the kill-file\n│ ┃\n│ │ • bob"))
        state.press("R")
        let merge = try state.discussion.merging(reload: discussion(Self.outline + "\ng gil: later"))
        state.update(.reloaded(merge))
        #expect(state.discussion.count == 7)
        #expect(state.killMarks?.hiddenCount == 2)
        #expect(state.pageText.contains("│ │ • bob"))
        state.press("X")
        #expect(state.pageText.contains("buy target now"))
    }

    @Test func dimmedCommentsAreDrawnDimAndStayReadable() throws {
        let state = try reader([("author:cat", .dim)])
        let lines = state.visibleLines.filter { $0.position.item == .comment(3) }
        #expect(lines.map(\.line.plainText).contains { $0.contains("more stuff") })
        #expect(lines.allSatisfy { $0.line.spans.allSatisfy { $0.style.dim } })
        let plain = state.visibleLines.filter { $0.position.item == .comment(2) }
        #expect(plain.contains { $0.line.spans.contains { !$0.style.dim } })
        #expect(state.message == nil)
    }

    @Test func theSearchFindsNoHitInAHiddenCommentUntilShown() throws {
        var state = try reader()
        state.press("/")
        state.press("target")
        state.update(.key(.enter))
        while state.isSearching { state.update(.searchStep) }
        #expect(state.search?.hits == [.comment(2), .comment(5)])
        let selected = state.selection
        state.press("X")
        #expect(state.search?.hits == [.comment(1), .comment(2), .comment(4), .comment(5)])
        #expect(state.selection == selected)
        state.press("n")
        #expect(state.selection == 4)
        state.press("N")
        #expect(state.selection == 2)
        state.press("X")
        #expect(state.search?.hits == [.comment(2), .comment(5)])
    }

    @Test func theFilterMatchesNoHiddenComment() throws {
        var state = try reader()
        state.update(.action(.applyFilter("target")))
        #expect(state.filter?.result?.matches == [2, 5])
        #expect(state.statusText.contains("filter: 2 of 6"))
        state.press("n")
        #expect(state.message == "match 2 of 2")
        state.press("X")
        #expect(state.filter?.result?.matches == [1, 2, 4, 5])
    }

    @Test func aHiddenAncestorOfAMatchStaysOneLineUnderTheFilter() throws {
        var state = try reader()
        state.update(.action(.applyFilter("author:bob")))
        #expect(state.pageText.contains("│ ▾ hidden by the kill-file\n│ │ • bob"))
        #expect(!state.pageText.contains("spam"))
    }

    @Test func theOverviewShowsAHiddenCommentAsItsLine() throws {
        var state = try reader()
        state.apply(.toggleOverview)
        let text = state.pageText
        #expect(text.contains("• hidden by the kill-file"))
        #expect(!text.contains("buy target"))
    }

    @Test func withNoRuleNothingIsMarkedOrAsked() {
        var state = ReaderState(discussion: discussion(Self.outline), rows: 24, columns: 60)
        let commands = state.update(.started)
        #expect(state.killMarks == nil)
        #expect(!commands.done.contains(.applyKillFile))
        state.press("X")
        #expect(state.message == "the kill-file has no rule for this thread")
    }

    @Test func aBigThreadIsMarkedBesideTheReader() throws {
        let big = discussion(
            (0..<3_000).map { "c\($0) \($0 % 100 == 0 ? "spam" : "ann"): text \($0)" }.joined(separator: "\n"))
        var options = ReaderOptions()
        options.killFile = KillFile(rules: [try KillRule.parse("text", action: .hide, site: nil)])
        var state = ReaderState(discussion: big, rows: 24, columns: 60, options: options)
        #expect(state.killMarks == nil)
        let commands = state.update(.started)
        #expect(commands.done.contains(.applyKillFile))
        let marks = options.killFile.marks(big, tree: state.tree)
        state.update(.killFileApplied(marks))
        #expect(state.killMarks?.hiddenCount == 3_000)
        #expect(state.message == "3,000 hidden by the kill-file · X shows them")
        // Marks of another document (a reload replaced it) are never taken.
        var other = ReaderState(discussion: big, rows: 24, columns: 60, options: options)
        other.update(.killFileApplied(KillMarks(discussion: discussion("x"))))
        #expect(other.killMarks == nil)
    }

    /// X before the marks found beside the reader are in: the kill-file is still at work, not "hides nothing".
    @Test func showKilledWhileStillMarkingSaysSo() throws {
        let big = discussion((0..<3_000).map { "c\($0) spam: text \($0)" }.joined(separator: "\n"))
        var options = ReaderOptions()
        options.killFile = KillFile(rules: [try KillRule.parse("text", action: .hide, site: nil)])
        var state = ReaderState(discussion: big, rows: 24, columns: 60, options: options)
        let commands = state.update(.started)
        #expect(commands.done.contains(.applyKillFile))
        state.press("X")
        #expect(state.message == "the kill-file is still marking the thread's 3,000 comments; X works once it is done")
        state.update(.killFileApplied(options.killFile.marks(big, tree: state.tree)))
        state.press("X")
        #expect(state.message?.hasPrefix("3,000") == true)
    }
}
