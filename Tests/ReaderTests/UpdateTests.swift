import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// A small thread used by most tests:
let thread = """
    a: first
      a1: reply to a
        a1x: deep
          a1xy: deeper
      a2: second reply
    b: lonely
    c: third thread
      c1: reply to c
    """

/// A reader on `thread`, with the first comment selected and the article off screen.
func reader(rows: Int = 30, columns: Int = 80, _ outline: String = thread) -> ReaderState {
    var state = ReaderState(discussion: discussion(outline), rows: rows, columns: columns)
    state.apply(.firstComment)
    return state
}

@Suite struct SelectionTests {
    @Test func jAndKWalkTheVisibleComments() {
        var state = reader()
        var seen: [String] = []
        for _ in 0..<8 {
            seen.append(state.selectedName ?? "-")
            state.apply(.nextComment)
        }
        #expect(seen == ["a", "a1", "a1x", "a1xy", "a2", "b", "c", "c1"])
        #expect(state.selectedName == "c1")
        #expect(state.message == "this is the last comment")
        state.apply(.previousComment)
        #expect(state.selectedName == "c")
    }

    @Test func kOnTheFirstCommentShowsTheArticleThenSaysSo() {
        var state = reader()
        state.apply(.previousComment)
        #expect(state.top == PagePosition(.article))
        #expect(state.selectedName == "a")
        state.apply(.previousComment)
        #expect(state.message == "this is the first comment")
    }

    @Test func aTallCommentIsScrolledThroughBeforeTheSelectionLeavesIt() {
        var state = reader(rows: 11, "a: #30\nb: short")
        #expect(state.selectedName == "a")
        var presses = 0
        while state.selectedName == "a" && presses < 20 {
            state.apply(.nextComment)
            presses += 1
            if state.selectedName == "a" { #expect(state.selectionIsVisible) }
        }
        // Ten rows of page: five presses scroll the 30 lines through, the sixth selects b.
        #expect(presses == 6)
        #expect(state.selectedName == "b")
        #expect(state.selectionIsVisible)
        #expect(
            state.pageText == """
                  line 25
                  line 26
                  line 27
                  line 28
                  line 29
                  line 30

                • b
                ┃ short
                ┃
                """)
    }

    @Test func kScrollsBackToTheTopOfATallCommentFirst() {
        var state = reader(rows: 11, "a: #30\nb: short")
        while state.selectedName == "a" { state.apply(.nextComment) }
        state.apply(.previousComment)
        #expect(state.selectedName == "a")
        #expect(state.top.line > 0)
        while state.top.line > 0 { state.apply(.previousComment) }
        #expect(state.selectedName == "a")
        #expect(state.pageText.contains("line 1\n"))
    }

    @Test func siblingsSkipRepliesAndSayWhenThereAreNone() {
        var state = reader()
        state.apply(.nextSibling)
        #expect(state.selectedName == "b")
        state.apply(.nextSibling, .nextSibling)
        #expect(state.selectedName == "c")
        #expect(state.message == "no next reply at this level")
        state.apply(.previousSibling, .previousSibling)
        #expect(state.selectedName == "a")
        state.apply(.previousSibling)
        #expect(state.message == "no previous reply at this level")
    }

    @Test func parentRootAndTheirEdges() {
        var state = reader()
        state.press("jjj")
        #expect(state.selectedName == "a1xy")
        state.apply(.parent)
        #expect(state.selectedName == "a1x")
        state.apply(.root)
        #expect(state.selectedName == "a")
        state.apply(.parent)
        #expect(state.selectedName == "a")
        #expect(state.message == "a top-level comment has no parent")
    }

    @Test func aCountBeforeUGoesThatManyLevelsUpAndKeepsTheFolds() {
        var state = reader()
        state.press("jjj")
        state.press("2u")
        #expect(state.selectedName == "a1")
        #expect(!state.tree.isFolded(0))
        #expect(!state.tree.isFolded(1))
        state.press("jj")
        #expect(state.selectedName == "a1xy")
        state.press("9u")
        #expect(state.selectedName == "a")
    }

    @Test func threadsJumpBetweenTopLevelComments() {
        var state = reader()
        state.press("jj")
        state.apply(.nextThread)
        #expect(state.selectedName == "b")
        state.apply(.nextThread, .nextThread)
        #expect(state.selectedName == "c")
        #expect(state.message == "this is the last thread")
        state.apply(.nextComment)
        state.apply(.previousThread)
        #expect(state.selectedName == "c")
        state.apply(.previousThread)
        #expect(state.selectedName == "b")
    }

    @Test func topBottomAndFirstComment() {
        var state = reader(rows: 8)
        state.apply(.bottom)
        #expect(state.selectedName == "c1")
        #expect(state.selectionIsVisible)
        #expect(state.pageText.contains("reply to c"))
        state.apply(.top)
        #expect(state.top == PagePosition(.article))
        // The top selects the article even when its first comment shows below it (issue 23).
        #expect(state.positionText == "article")
        #expect(ReaderState(discussion: sampleDiscussion(), rows: 24, columns: 80).positionText == "article")
        state.apply(.firstComment)
        #expect(state.selectedName == "a")
        #expect(state.top == PagePosition(.comment(0)))
    }
}

@Suite struct FoldingTests {
    @Test func foldingHidesRepliesAndJSkipsThem() {
        var state = reader()
        state.apply(.toggleFold)
        #expect(state.pageText.contains("▸ a · 4 replies hidden"))
        #expect(!state.pageText.contains("reply to a"))
        state.apply(.nextComment)
        #expect(state.selectedName == "b")
        state.apply(.previousComment, .toggleFold)
        #expect(state.pageText.contains("reply to a"))
    }

    @Test func hFoldsThenGoesToTheParent() {
        var state = reader()
        state.press("j")
        state.apply(.foldOrParent)
        #expect(state.tree.isFolded(1))
        #expect(state.selectedName == "a1")
        state.apply(.foldOrParent)
        #expect(state.selectedName == "a")
        state.apply(.unfold)
        #expect(!state.tree.isFolded(0))
    }

    @Test func foldingAllMovesTheSelectionToItsVisibleAncestor() {
        var state = reader()
        state.press("jjj")
        state.apply(.foldAll)
        #expect(state.selectedName == "a")
        #expect(state.pageText.contains("▸ a · 4 replies hidden"))
        #expect(state.pageText.contains("▸ c · 1 reply hidden"))
        state.apply(.unfoldAll)
        #expect(state.pageText.contains("deeper"))
    }

    @Test func xFoldsTheThreadAndMovesToTheNext() {
        var state = reader()
        state.press("jj")
        state.apply(.foldThreadAndNext)
        #expect(state.tree.isFolded(0))
        #expect(state.selectedName == "b")
    }

    @Test func equalsAndADigitShowThreadsDownToThatDepth() {
        var state = reader()
        state.press("=2")
        #expect(state.pageText.contains("▸ a1 · 2 replies hidden"))
        #expect(state.pageText.contains("second reply"))
        #expect(!state.pageText.contains("deep"))
        #expect(state.message == "threads shown down to depth 2")
        state.press("=1")
        #expect(!state.pageText.contains("a1"))
        #expect(state.pageText.contains("▸ a · 4 replies hidden"))
    }

    @Test func foldingKeepsTheSelectedCommentOnItsRow() {
        var state = reader(rows: 12, "x: #8\ny: #3\n  y1: #20\n  y2: two\nz: #30")
        state.apply(.nextComment)
        while state.selectedName != "y" { state.apply(.nextComment) }
        let rowBefore = state.render().plainText.split(separator: "\n").firstIndex { $0.contains("▾ y") }
        state.apply(.toggleFold)
        let rowAfter = state.render().plainText.split(separator: "\n").firstIndex { $0.contains("▸ y") }
        #expect(rowBefore != nil)
        #expect(rowBefore == rowAfter)
    }

    @Test func foldingALeafSaysThereIsNothingToFold() {
        var state = reader()
        state.apply(.nextSibling)
        state.apply(.toggleFold)
        #expect(state.message == "no replies to fold")
    }
}

@Suite struct WindowTests {
    @Test func helpOpensAndAnyKeyClosesIt() {
        var state = reader()
        state.press("?")
        #expect(state.mode == .help)
        #expect(state.pageText.contains("tread keys"))
        #expect(state.pageText.contains("next comment"))
        #expect(!state.press("q").quits)
        #expect(state.mode == .reading)
        #expect(state.press("q").quits)
    }

    @Test func helpListsEveryBindingOfTheKeymap() {
        // The help scrolls when the keymap is taller than the window: read it down to its end.
        var state = reader(rows: 40, columns: 120)
        state.press("?")
        var text = state.pageText
        for _ in 0..<200 where state.mode == .help {
            state.press("j")
            text += state.pageText
        }
        for binding in Keymap.standard.bindings { #expect(text.contains(binding.help), "\(binding.help)") }
    }

    @Test func resizeKeepsTheSelectionInView() {
        var state = reader()
        state.press("jjjj")
        state.update(.resize(rows: 6, columns: 30))
        #expect(state.selectedName == "a2")
        #expect(state.selectionIsVisible)
        state.update(.resize(rows: 40, columns: 120))
        #expect(state.selectionIsVisible)
    }

    @Test func tinyWindowsSaySoAndDoNotCrash() {
        var state = reader(rows: 1, columns: 1)
        #expect(state.render().plainText == "t")
        state.press("jjkGg ")
        state.update(.resize(rows: 2, columns: 10))
        #expect(state.render().plainText.hasPrefix("tread:"))
    }

    @Test func wheelScrollsAndAClickSelects() {
        var state = reader(rows: 10)
        state.update(.mouse(MouseEvent(.wheelDown, row: 0, column: 0)))
        #expect(state.top == PagePosition(.comment(1)))
        state.update(.mouse(MouseEvent(.wheelUp, row: 0, column: 0)))
        #expect(state.top == PagePosition(.comment(0)))
        let rows = state.pageText.split(separator: "\n", omittingEmptySubsequences: false)
        guard let row = rows.firstIndex(where: { $0.contains("▾ a1x") }) else {
            Issue.record("a1x not on screen:\n\(state.pageText)")
            return
        }
        state.update(.mouse(MouseEvent(.click, row: row + 1, column: 20)))
        #expect(state.selectedName == "a1x")
        #expect(!state.tree.isFolded(2))
    }

    @Test func clickingAFoldMarkerFolds() {
        var state = reader(rows: 10)
        state.update(.mouse(MouseEvent(.click, row: 0, column: 0)))
        #expect(state.tree.isFolded(0))
        state.update(.mouse(MouseEvent(.click, row: 0, column: 0)))
        #expect(!state.tree.isFolded(0))
    }

    @Test func statusLineSaysWhereTheSelectionIs() {
        var state = reader()
        state.press("jj")
        #expect(state.statusText.hasPrefix(" comment 3 of 8 · depth 3 · 37%"))
        #expect(state.statusText.hasSuffix("? help"))
    }

    @Test func aThreadWithoutCommentsStillReads() {
        var state = ReaderState(discussion: discussion(""), rows: 10, columns: 40)
        state.press("j")
        #expect(state.message == "there are no comments")
        #expect(state.statusText.hasPrefix(" article · no comments"))
        #expect(state.pageText.contains("── 0 comments"))
        #expect(state.press("q").quits)
    }
}

/// A count counts comments, whatever their height (issue 23, bug 7).
@Suite struct CountedMoveTests {
    static let tall = """
        a: #30
        b: #30
        c: #30
        d: short
        e: short
        """

    /// Before: at 80x12 `2j` scrolled through the tall first comment and stayed on it.
    @Test func aCountedJMovesThatManyCommentsPastTallOnes() {
        var state = reader(rows: 12, Self.tall)
        state.press("2j")
        #expect(state.selectedName == "c")
        state.press("2k")
        #expect(state.selectedName == "a")
        state.press("9j")
        #expect(state.selectedName == "e")
    }

    @Test func aCountIsShownWhileItIsTyped() {
        var state = reader(rows: 12, Self.tall)
        state.press("12")
        #expect(state.statusText.hasSuffix(" 12  ? help"))
        state.press("j")
        #expect(!state.statusText.contains(" 12  ? help"))
    }
}
