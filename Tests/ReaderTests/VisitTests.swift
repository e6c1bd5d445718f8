import Foundation
import Reader
import ReadingState
import Testing
import ThreadModel
import ThreadTestSupport

@Suite struct NewCommentTests {
    @Test func firstVisitMarksNothingNew() {
        let state = firstReader()
        #expect(state.markedNames.isEmpty)
        #expect(state.pageText.contains("── 3 comments ─"))
    }

    @Test func commentsAddedSinceTheLastVisitCarryTheMarker() {
        let state = readerWithNews()
        #expect(state.markedNames == ["a2", "a2x", "c"])
        // All six fit on the screen: shown, so none is unread any more.
        #expect(state.pageText.contains("── 6 comments · 3 added · 0 unread ─"))
    }

    @Test func screenShowsMarkersAndTheCountInTheRule() {
        var state = readerWithNews(rows: 16, columns: 50)
        state.apply(.top)
        // Down from the article: its first comment, the screen unmoved.
        state.apply(.nextComment)
        #expect(
            state.pageText == """
                Title

                ── 6 comments · 3 added · 1 unread ───────────────

                ▾ a
                ┃ first
                ┃
                │ • a1
                │   reply to a
                │
                │ ▾ a2 ●
                │   new reply
                │ │
                │ │ • a2x ●
                │ │   newer still
                """)
    }

    @Test func foldedCommentSaysHowManyHiddenRepliesAreNew() {
        var state = readerWithNews()
        state.apply(.firstComment, .toggleFold)
        #expect(state.pageText.contains("▸ a · 3 replies hidden · 2 added"))
    }

    @Test func withoutColoursTheMarkerIsAWord() {
        var options = ReaderOptions()
        options.newMarkerStyle = .word
        var state = readerWithNews(options: options)
        state.apply(.firstComment)
        #expect(state.pageText.contains("▾ a2 · new\n"))
        #expect(!state.pageText.contains("●"))
    }

    /// Issue 23, bug 8: a comment never on screen is unread, not added; an unchanged thread has nothing added.
    @Test func aCommentNeverShownIsUnreadNotAdded() {
        // Five rows show the article and the first comment only: the rest were never on screen.
        let first = firstReader(rows: 6)
        let state = returningReader(firstThread, after: savedState(of: first), rows: 6)
        #expect(state.visits.visit?.newCount == 0)
        #expect(state.markedNames.isEmpty)
        #expect(state.visits.visit?.unreadCount == 2)
        #expect(state.pageText.contains("── 3 comments · 0 added · 2 unread ─"))
    }

    @Test func markersStayWhileReadingAndGoOnTheNextVisit() {
        var state = readerWithNews()
        state.apply(.bottom)
        #expect(state.markedNames.contains("c"))
        let next = returningReader(after: savedState(of: state))
        #expect(next.markedNames.isEmpty)
        #expect(next.visits.visit?.newCount == 0)
    }
}

@Suite struct NewCommentKeyTests {
    @Test func nextNewGoesThroughTheNewCommentsUnfoldingTheWay() {
        var state = readerWithNews(columns: 100)
        state.apply(.foldAll)
        var names: [String] = []
        for _ in 0..<3 {
            state.press("}")
            names.append(state.selectedName ?? "-")
            #expect(state.selectionIsVisible)
        }
        #expect(names == ["a2", "a2x", "c"])
        state.press("}")
        #expect(state.selectedName == "c")
        #expect(state.statusText.contains("no added comment below"))
        state.press("{{")
        #expect(state.selectedName == "a2")
    }

    @Test func markingASubtreeReadClearsItsMarkersOnly() {
        var state = readerWithNews()
        state.apply(.firstComment)
        state.press("d")
        #expect(state.markedNames == ["c"])
        #expect(state.pageText.contains("── 6 comments · 1 added · 0 unread ─"))
    }

    @Test func markingTheThreadReadSparesTheOthers() {
        var state = readerWithNews()
        state.apply(.firstComment, .nextComment)
        state.press("D")
        #expect(state.visits.visit?.newCount == 1)
        #expect(state.markedNames == ["c"])
    }

    @Test func markingEverythingReadEmptiesTheRuleCount() {
        var state = readerWithNews()
        state.apply(.firstComment)
        state.press("E")
        #expect(state.markedNames.isEmpty)
        #expect(state.pageText.contains("── 6 comments · 0 added · 0 unread ─"))
        #expect(returningReader(after: savedState(of: state)).visits.visit?.newCount == 0)
    }
}

@Suite struct ResumeTests {
    @Test func reopeningRestoresSelectionRowAndFoldsByCommentId() {
        var first = firstReader(rows: 10)
        first.apply(.firstComment, .toggleFold)
        first.apply(.nextComment)
        #expect(first.selectedName == "b")
        let row = first.visibleLines.firstIndex { $0.position.item == first.selection.map(PageItem.comment) }
        let state = returningReader(after: savedState(of: first), rows: 10)
        #expect(state.selectedName == "b")
        #expect(state.tree.isFolded(0))
        let newRow = state.visibleLines.firstIndex { $0.position.item == state.selection.map(PageItem.comment) }
        #expect(row != nil && newRow == row)
    }

    @Test func aVisitArrivingAfterAKeyLeavesTheReaderWhereItIs() {
        let saved: ThreadState? = {
            var first = firstReader()
            first.apply(.bottom)
            return savedState(of: first)
        }()
        let discussion = discussion(laterThread)
        var state = ReaderState(discussion: discussion, rows: 30, columns: 60)
        state.apply(.firstComment)
        state.update(.visitReady(returningVisit(discussion, after: saved)))
        #expect(state.selectedName == "a")
        #expect(state.markedNames == ["a2", "a2x", "c"])
    }
}

@Suite struct MarkAndJumpTests {
    @Test func aMarkTakesTheReaderBackAndIsKeptWithTheThread() {
        var state = firstReader()
        state.apply(.firstComment, .nextComment)
        state.press("ma")
        #expect(state.statusText.contains("mark a set"))
        state.apply(.bottom)
        state.press("'a")
        #expect(state.selectedName == "a1")
        var next = returningReader(after: savedState(of: state))
        next.apply(.bottom)
        next.press("'a")
        #expect(next.selectedName == "a1")
    }

    @Test func anUnsetMarkOrANonLetterSaysSo() {
        var state = firstReader()
        state.apply(.firstComment)
        state.press("'q")
        #expect(state.statusText.contains("no mark q"))
        state.press("m1")
        #expect(state.statusText.contains("marks are letters"))
        // The digit went to the prompt, not to a count.
        state.press("j")
        #expect(state.selectedName == "a1")
    }

    @Test func ctrlOGoesBackThroughJumpsAndCtrlTForward() {
        var state = readerWithNews()
        state.apply(.firstComment)
        state.press("}")
        #expect(state.selectedName == "a2")
        state.apply(.bottom)
        #expect(state.selectedName == "c")
        state.update(.key(.control("o")))
        #expect(state.selectedName == "a2")
        state.update(.key(.control("o")))
        #expect(state.selectedName == "a")
        state.update(.key(.control("o")))
        #expect(state.statusText.contains("no earlier jump"))
        state.update(.key(.control("t")))
        #expect(state.selectedName == "a2")
        state.update(.key(.control("t")))
        #expect(state.selectedName == "c")
    }

    @Test func movingOneCommentIsNoJump() {
        var state = firstReader()
        state.apply(.firstComment, .nextComment, .nextComment)
        state.update(.key(.control("o")))
        #expect(state.statusText.contains("no earlier jump"))
    }

    @Test func aSearchHitIsAJump() {
        var state = firstReader()
        state.apply(.firstComment)
        state.press("/second")
        state.update(.key(.enter))
        while state.isSearching { state.update(.searchStep) }
        #expect(state.selectedName == "b")
        state.update(.key(.control("o")))
        #expect(state.selectedName == "a")
    }
}

@Suite struct VisitNotYetInTests {
    @Test func aMarkLetterBeforeTheVisitIsInIsNoKeyOfItsOwn() {
        var state = ReaderState(discussion: discussion(firstThread), rows: 30, columns: 80)
        state.apply(.firstComment)
        state.press("mj")
        #expect(state.selectedName == "a")
        #expect(state.statusText.contains("marks wait for the reading state"))
    }

    @Test func jumpsAreRecordedWithoutAVisit() {
        var state = ReaderState(discussion: discussion(firstThread), rows: 30, columns: 80)
        state.apply(.firstComment, .bottom)
        state.update(.key(.control("o")))
        #expect(state.selectedName == "a")
    }

    @Test func aVisitOfAnotherDocumentIsIgnored() {
        var state = ReaderState(discussion: discussion(laterThread), rows: 30, columns: 80)
        let other = discussion(firstThread)
        state.update(.visitReady(returningVisit(other, after: savedState(of: firstReader()))))
        #expect(state.visits.visit == nil)
    }
}

@Suite struct ResumeAfterResizeTests {
    @Test func aResizeBeforeTheVisitStillResumes() {
        let saved: ThreadState? = {
            var first = firstReader()
            first.apply(.bottom)
            return savedState(of: first)
        }()
        let discussion = discussion(laterThread)
        var state = ReaderState(discussion: discussion, rows: 30, columns: 60)
        state.update(.resize(rows: 20, columns: 70))
        state.update(.visitReady(returningVisit(discussion, after: saved)))
        #expect(state.selectedName == "b")
    }
}
