import Reader
import Testing
import ThreadTestSupport

/// The overview (one line per comment) and the map strip, as screens.
@Suite struct OverviewMapTests {
    static let outline = """
        a: hello world
          b: nothing here
            c: target word
          d: more stuff
        e: other
          f: unrelated
        g: target again
        """

    @Test func overviewShowsALinePerCommentAndEnterReadsTheSelectedOne() {
        var state = ReaderState(discussion: discussion(Self.outline), rows: 12, columns: 50)
        state.press("cv")
        #expect(
            state.pageText == """
                Title

                ── 7 comments ────────────────────────────────────

                ▾ a · 3 replies · 2 direct  hello world
                │ ▾ b · 1 reply  nothing here
                │ │ • c  target word
                │ • d  more stuff
                ▾ e · 1 reply  other
                │ • f  unrelated
                • g  target again
                """)
        state.press("jj")
        #expect(state.selectedName == "c")
        state.update(.key(.enter))
        #expect(!state.overview)
        #expect(state.selectedName == "c")
        #expect(state.pageText.contains("│ │ ┃ target word"))
    }

    @Test func overviewCutsLongFirstWordsToTheLineWithAnEllipsis() {
        // The words are cut to the width in characters before they are measured: the line is the same.
        let long = String(repeating: "word ", count: 80) + "end"
        let wide = String(repeating: "漢", count: 200)
        var state = ReaderState(discussion: discussion("a: \(long)\nb: \(wide)"), rows: 8, columns: 30)
        state.press("v")
        let lines = state.pageText.split(separator: "\n").suffix(2).map(String.init)
        #expect(lines == ["• a  word word word word word…", "• b  漢漢漢漢漢漢漢漢漢漢漢漢…"])
    }

    @Test func overviewKeepsTheFilterAndFolds() {
        var state = ReaderState(discussion: discussion(Self.outline), rows: 12, columns: 50)
        state.apply(.applyFilter("target"))
        state.press("v")
        #expect(
            state.pageText == """
                Title

                ── 7 comments ────────────────────────────────────

                ▾ a
                │ ▾ b
                │ │ • c  target word
                │ ··· 1 comment hidden
                ··· 2 comments hidden
                • g  target again

                """)
        state.press("u ")
        #expect(state.pageText.contains("│ ▸ b · 1 reply hidden"))
    }

    @Test func mapShowsThreadsSelectionAndMatchesAndAClickJumps() {
        var state = ReaderState(discussion: discussion(Self.outline), rows: 8, columns: 30)
        state.press("M")
        state.apply(.applyFilter("author:g"))
        let map = state.render().plainText.split(separator: "\n").dropLast().map { String($0.last ?? " ") }
        // 7 comments over 7 rows: a–d are thread 1 (░), e–f thread 2 (▒), g the selected match.
        #expect(map == ["░", "░", "░", "░", "▒", "▒", "█"])
        // Under this filter e lies in the stub for a–f: the click selects the stub.
        state.update(.mouse(MouseEvent(.click, row: 4, column: 29)))
        #expect(state.selectedName == "a")
        state.update(.key(.escape))
        state.update(.mouse(MouseEvent(.click, row: 4, column: 29)))
        #expect(state.selectedName == "e")
    }

    @Test func aBlankColumnSeparatesTheTextFromTheMap() throws {
        let words = (1...40).map { "w\($0)" }.joined(separator: " ")
        var state = ReaderState(discussion: discussion("a: \(words)\nb: x"), rows: 10, columns: 30)
        state.press("M")
        let rows = state.render().plainText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let page = rows.map { Array($0) }.filter { $0.count == 30 }
        try #require(page.count >= 8)
        // The column before the strip is blank on every row; the text and rules end before it.
        #expect(page.allSatisfy { $0[28] == " " })
        #expect(page.contains { $0[27] != " " })
    }

    @Test func mapMarksFilterMatchesAwayFromTheSelection() {
        var state = ReaderState(discussion: discussion(Self.outline), rows: 8, columns: 30)
        state.press("M")
        state.apply(.applyFilter("target"))
        let map = state.render().plainText.split(separator: "\n").dropLast().map { String($0.last ?? " ") }
        #expect(map == ["░", "░", "█", "░", "▒", "▒", "•"])
    }
}
