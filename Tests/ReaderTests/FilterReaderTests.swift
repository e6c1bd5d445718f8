import Reader
import Testing
import ThreadModel
import ThreadQuery
import ThreadTestSupport

/// The live filter in the reader: context kept, stubs, n/N, Esc keeping folds.
@Suite struct FilterReaderTests {
    static let outline = """
        a: hello world
          b: nothing here
            c: target word
          d: more stuff
        e: other
          f: unrelated
        g: target again
        """

    func filtered(_ query: String, rows: Int = 14, columns: Int = 80) -> ReaderState {
        var state = ReaderState(discussion: discussion(Self.outline), rows: rows, columns: columns)
        state.update(.key(.character("&")))
        state.press(query)
        state.update(.key(.enter))
        return state
    }

    /// Before: Enter closed the prompt on `target or` and left `target o` on, unseen.
    @Test func enterOnAWrongQueryKeepsThePromptAndSaysWhichQueryIsOn() {
        let state = filtered("target or")
        #expect(state.mode == .filterPrompt("target or"))
        #expect(state.statusText.contains("✗"))
        #expect(state.statusText.contains("on: target o"))
    }

    /// Before: `&` after a wrong query opened on the wrong text, not the query in force.
    @Test func theFilterPromptOpensOnTheQueryInForce() {
        var state = filtered("target")
        state.update(.action(.applyFilter("depth>")))
        #expect(state.mode == .reading)
        state.update(.key(.character("&")))
        #expect(state.mode == .filterPrompt("target"))
    }

    @Test func filterKeepsAncestorsAsMutedLinesAndStubsTheRest() {
        let state = filtered("target")
        #expect(
            state.pageText == """
                Title

                ── 7 comments ──────────────────────────────────────────────────────────────────

                ▾ a
                │ ▾ b
                │ │ • c
                │ │ ┃ target word
                │ │ ┃
                │ ··· 1 comment hidden
                ··· 2 comments hidden
                • g
                  target again
                """)
        #expect(state.statusText.contains("filter: 2 of 7"))
        #expect(state.selectedName == "c")
    }

    @Test func contextLinesAreMutedAndMatchesKeepTheirColours() {
        let frame = filtered("target").render()
        // Row 4 is "▾ a" (context), row 11 "• g" (a match): column 2 is the author.
        #expect(frame[4, 2].text == "a")
        #expect(frame[4, 2].style.tint == .muted)
        #expect(frame[11, 2].text == "g")
        #expect(frame[11, 2].style.tint == .author)
        #expect(frame[9, 2].style.italic)  // the stub
    }

    @Test func fieldFilterFollowsEveryKeyAndAMistakeStaysInThePrompt() {
        var state = ReaderState(discussion: discussion(Self.outline), rows: 14, columns: 60)
        state.update(.key(.character("&")))
        state.press("depth>")
        #expect(state.mode == .filterPrompt("depth>"))
        #expect(state.statusText.contains("column 7"))
        state.press("1")
        #expect(state.mode == .filterPrompt("depth>1"))
        #expect(state.statusText.contains("filter: 4 of 7"))
        state.update(.key(.backspace))
        state.update(.key(.backspace))
        state.press("<2")
        #expect(state.statusText.contains("filter: 3 of 7"))
    }

    @Test func nAndShiftNMoveBetweenMatchesWrapping() {
        var state = filtered("target")
        state.press("n")
        #expect(state.selectedName == "g")
        state.press("n")
        #expect(state.selectedName == "c")
        state.press("N")
        #expect(state.selectedName == "g")
        #expect(state.statusText.contains("match 2 of 2"))
    }

    @Test func jAndKWalkTheFilteredRows() {
        var state = filtered("target", rows: 30)
        // The top is the article; the first `j` selects the first row.
        state.press("gj")
        var names: [String] = []
        for _ in 0..<6 {
            names.append(state.selectedName ?? "-")
            state.press("j")
        }
        // d and e stand for their stubs: the first comment of each hidden run.
        #expect(names == ["a", "b", "c", "d", "e", "g"])
        state.press("kk")
        #expect(state.selectedName == "d")
    }

    @Test func escClearsTheFilterAndKeepsFoldsMadeWhileFiltering() {
        var state = filtered("target")
        state.press("n")  // g
        state.press("n")  // c
        state.press("u")  // b
        state.update(.key(.character(" ")))
        #expect(state.tree.isFolded(state.selection ?? -1))
        state.update(.key(.escape))
        #expect(state.filter == nil)
        #expect(state.selectedName == "b")
        #expect(state.tree.isFolded(state.selection ?? -1))
        #expect(!state.statusText.contains("filter:"))
        #expect(state.pageText.contains("▸ b · 1 reply hidden"))
        #expect(state.pageText.contains("f"))
    }

    @Test func escAtThePromptClearsAndAnEmptyQueryShowsEverything() {
        var state = filtered("author:g")
        #expect(state.pageText.contains("··· 6 comments hidden"))
        state.update(.key(.character("&")))
        #expect(state.mode == .filterPrompt("author:g"))
        state.update(.key(.control("u")))
        #expect(!state.pageText.contains("hidden"))
        state.update(.key(.escape))
        #expect(state.mode == .reading)
        #expect(state.filter == nil)
    }

    @Test func applyFilterOpensOnTheFirstMatch() {
        var state = ReaderState(discussion: discussion(Self.outline), rows: 14, columns: 80)
        state.apply(.applyFilter("author:f"))
        #expect(state.selectedName == "f")
        #expect(state.statusText.contains("filter: 1 of 7"))
        state.apply(.applyFilter("score>"))
        #expect(state.statusText.contains("filter: expected a n"))
    }

    @Test func lastCommentInsideAStubSelectsTheStub() {
        var state = filtered("author:a")
        state.press("G")
        // e, f and g are one stub after a's thread: G selects it, as the page's last row.
        #expect(state.selectedName == "e")
        #expect(state.selectionIsVisible)
        state.press("z")
        #expect(state.selectedName == "e")
    }

    @Test func aFilterWithoutMatchesSaysSo() {
        var state = filtered("zebra")
        #expect(state.statusText.contains("filter: 0 of 7"))
        state.press("n")
        #expect(state.statusText.contains("no comment matches"))
    }
}

/// A word filter over more comments than one step reads: progress first, then the result.
@Suite struct FilterStepTests {
    @Test func wordFilterRunsInStepsWithProgressThenGoesToTheMatch() throws {
        var builder = DiscussionBuilder(article: Article(title: "Many"))
        let count = ReaderState.filterStep + ReaderState.filterStep / 5
        for k in 0..<count {
            builder.add(
                Comment(id: .string("c\(k)"), author: "a", body: k == count - 1 ? "the needle" : "hay"), under: nil)
        }
        var state = ReaderState(discussion: try builder.build(), rows: 10, columns: 80)
        state.apply(.applyFilter("needle"))
        #expect(state.isFiltering)
        #expect(state.statusText.contains("filtering… 83%"))
        state.update(.filterStep)
        #expect(!state.isFiltering)
        #expect(state.statusText.contains("filter: 1 of 60,000"))
        #expect(state.selection == count - 1)
    }
}

/// The reader hashes authors only for a query that reads them.
@Test func onlyAuthorQueriesReadAuthors() throws {
    #expect(try Query.parse("depth>2 (x or -author:pg)").readsAuthors)
    #expect(try !Query.parse("depth>2 \"author:pg\" score>1").readsAuthors)
}
