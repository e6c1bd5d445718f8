import Reader
import Testing
import ThreadModel

/// The parent overlay (`U`): the parent's text over the reader, which does not move (issue 13).
@Suite struct ParentOverlayTests {
    /// A reader on carol, whose parent bob is long, under alice.
    static func onCarol(rows: Int = 16, bobLines: Int = 3) -> ReaderState {
        var state = ReaderState(
            discussion: discussion("alice: hello\n  bob: #\(bobLines)\n    carol: reply\ndave: other"), rows: rows,
            columns: 60)
        // From the last comment: `j` would scroll through a long bob before reaching carol.
        state.press("Gk")
        return state
    }

    static func folds(_ state: ReaderState) -> [Bool] { (0..<state.tree.count).map(state.tree.isFolded) }

    @Test func capitalUShowsTheParentWithoutMoving() {
        var state = Self.onCarol()
        #expect(state.selectedName == "carol")
        let before = (state.selection, state.top, Self.folds(state))
        state.press("U")
        #expect(state.parentOverlay?.item == .comment(1))
        #expect(state.parentOverlay?.levels == 1)
        #expect(state.selection == before.0)
        #expect(state.top == before.1)
        #expect(Self.folds(state) == before.2)
        #expect(state.pageText.contains("│ bob"))
        #expect(state.pageText.contains("│ line 3"))
    }

    @Test func keysInTheOverlayNeitherMoveNorFold() {
        var state = Self.onCarol()
        let before = (state.selection, state.top, Self.folds(state))
        state.press("U")
        state.press("jkz")
        #expect(state.mode == .reading)
        #expect(state.selection == before.0)
        #expect(state.top == before.1)
        #expect(Self.folds(state) == before.2)
    }

    @Test func uInTheOverlayWalksUpToTheArticle() {
        var state = Self.onCarol()
        state.press("U")
        state.press("u")
        #expect(state.parentOverlay?.item == .comment(0))
        #expect(state.parentOverlay?.levels == 2)
        #expect(state.pageText.contains("2 levels up"))
        state.press("u")
        #expect(state.parentOverlay?.item == .article)
        #expect(state.pageText.contains("│ Title"))
        state.press("u")
        #expect(state.parentOverlay?.item == .article)
        #expect(state.message == "the article is the top")
        #expect(state.selectedName == "carol")
    }

    @Test func onATopLevelCommentTheOverlayShowsTheArticle() {
        var state = ReaderState(discussion: discussion(title: "The story", "alice: hello"), rows: 12, columns: 60)
        state.press("U")
        #expect(state.parentOverlay?.item == .article)
        #expect(state.pageText.contains("the article · esc closes"))
        #expect(state.pageText.contains("│ The story"))
        // The rule that opens the comments is the page's, not the article's text.
        #expect(!state.pageText.contains("│ ── 1 comment"))
    }

    @Test func escQAndTheSameKeyClose() {
        for key in [Key.escape, .character("q"), .character("U")] {
            var state = Self.onCarol()
            state.press("U")
            #expect(!state.update(.key(key)).quits, "\(key)")
            #expect(state.mode == .reading, "\(key)")
            #expect(!state.pageText.contains("esc closes"), "\(key)")
        }
    }

    @Test func aLongParentScrollsInTheBox() throws {
        var state = Self.onCarol(rows: 12, bobLines: 40)
        state.press("U")
        // 11 page rows: a box of 9 text lines over the header, a blank and 40 lines.
        #expect(state.pageText.contains("1–9 of 42"))
        state.press("j")
        #expect(state.parentOverlay?.offset == 1)
        state.press(" ")
        #expect(state.parentOverlay?.offset == 10)
        state.press("G")
        #expect(state.parentOverlay?.offset == 33)
        #expect(state.pageText.contains("│ line 40"))
        #expect(state.pageText.contains("34–42 of 42"))
        state.press("j")
        #expect(state.parentOverlay?.offset == 33)
        state.press("g")
        #expect(state.parentOverlay?.offset == 0)
        state.update(.mouse(MouseEvent(.wheelDown, row: 3, column: 3)))
        #expect(state.parentOverlay?.offset == 3)
        #expect(state.selectedName == "carol")
        state.update(.mouse(MouseEvent(.click, row: 3, column: 3)))
        #expect(state.mode == .reading)
        #expect(state.selectedName == "carol")
    }

    @Test func theOverlayIsDrawnOverThePage() {
        var state = ReaderState(
            discussion: discussion("alice: hello\n  bob: #3\n    carol: reply\ndave: other"), rows: 16, columns: 60)
        state.press("jjU")
        // Centred over the page like the help; the selection (carol) and the page under it stay put.
        let expected = """
            Title

            ── 4 comments ──────────────────────────────────────────────

            ▾┌─ parent · u: its parent · esc closes ──────────────────┐
             │ bob                                                    │
            ││                                                        │
            ││ line 1                                                 │
            ││ line 2                                                 │
            ││ line 3                                                 │
            │└────────────────────────────────────────────────────────┘
            │ │
            │ │ • carol
            │ │ ┃ reply
            │ │ ┃
            """
        #expect(state.pageText == expected)
    }

    @Test func theParentsLinksAreNumberedAsOnThePage() {
        var state = ReaderState(
            discussion: discussion("alice: see <https://a.org/x> and https://b.org/y\n  bob: hi"), rows: 14, columns: 60
        )
        state.press("j")
        state.press("U")
        #expect(state.pageText.contains("│ see [1] and b.org/y[2]"))
    }

    @Test func theParentsLinkNumbersAreHyperlinksInTheBoxAndThePagesAreNot() {
        var state = ReaderState(
            discussion: discussion("alice: see <https://a.org/x> and <javascript:x>\n  bob: <https://b.org/y>"),
            rows: 14, columns: 60)
        state.press("j")
        #expect(state.screenLinks(layout: LayoutCache()).map(\.url) == ["https://a.org/x", "https://b.org/y"])
        state.press("U")
        let links = state.screenLinks(layout: LayoutCache())
        // The refused javascript: link [2] is left out; bob's link under the box is not offered.
        #expect(links.map(\.url) == ["https://a.org/x"])
        let frame = state.render()
        for link in links {
            let cells = (0..<link.text.count).map { frame[link.row, link.column + $0].text }.joined()
            #expect(cells == link.text)
            #expect(link.text == "[1]")
        }
    }

    @Test func theOverlayKeyFollowsTheKeymap() {
        let keymap = Keymap([
            Keymap.Binding([.character("i")], .showParent, "show-parent", "parent's text"),
            Keymap.Binding([.character("^")], .parent, "parent", "parent"),
            Keymap.Binding([.character("j")], .nextComment, "next-comment", "next"),
        ])
        var state = ReaderState(
            discussion: discussion("alice: a\n  bob: b\n    carol: c"), rows: 16, columns: 60, keymap: keymap)
        state.press("jj")
        state.press("i")
        #expect(state.parentOverlay?.item == .comment(1))
        #expect(state.pageText.contains("parent · ^: its parent · esc closes"))
        state.press("^")
        #expect(state.parentOverlay?.item == .comment(0))
        state.press("i")
        #expect(state.mode == .reading)
    }

    @Test func theHelpListsTheOverlayKey() {
        var state = ReaderState(discussion: discussion("alice: a"), rows: 60, columns: 120)
        state.press("?")
        #expect(
            state.pageText.split(separator: "\n").contains {
                $0.contains("U ") && $0.contains("peek at the parent (u: up)")
            })
    }

    @Test func aWindowTooSmallForTheBoxSaysSoInstead() {
        var state = ReaderState(discussion: discussion("alice: a\n  bob: b"), rows: 3, columns: 60)
        state.press("j")
        state.press("U")
        #expect(state.mode == .reading)
        #expect(state.message == "the window is too small to show the parent")
    }

    @Test func aResizeLaysTheOverlayOutAgain() {
        var state = Self.onCarol()
        state.press("U")
        state.update(.resize(rows: 16, columns: 30))
        let lines = state.pageText.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("└" + String(repeating: "─", count: 26) + "┘") })
        #expect(state.selectedName == "carol")
    }

    @Test func aHundredThousandLevelChainWalksUpWithoutRecursion() {
        var builder = DiscussionBuilder(article: Article(title: "deep"))
        var parent: Int?
        for k in 0..<100_000 {
            parent = builder.add(Comment(id: .string("c\(k)"), author: "p\(k)", body: "text \(k)"), under: parent)
        }
        let deep: Discussion
        do { deep = try builder.build() } catch {
            Issue.record("\(error)")
            return
        }
        var state = ReaderState(discussion: deep, rows: 20, columns: 80)
        state.press("G")
        state.press("U")
        #expect(state.parentOverlay?.item == .comment(99_998))
        state.press("uu")
        #expect(state.parentOverlay?.item == .comment(99_996))
        #expect(state.pageText.contains("3 levels up"))
        #expect(state.pageText.contains("│ text 99996"))
    }
}
