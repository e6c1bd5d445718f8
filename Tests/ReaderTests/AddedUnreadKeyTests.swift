import Foundation
import Reader
import ReadingState
import Testing
import ThreadModel
import ThreadQuery
import ThreadTestSupport

/// Issue 23, bug 8: `}` and `{` go to comments added since the last visit, `)` and `(` to unread ones.
@Suite struct AddedUnreadKeyTests {
    /// Eight comments, one on screen at a time at six rows.
    static let eight = (1...8).map { "c\($0): comment \($0)" }.joined(separator: "\n")

    /// The eight reopened unchanged after a visit whose six-row screen showed only the first.
    func unchangedWithUnread() -> ReaderState {
        returningReader(Self.eight, after: savedState(of: firstReader(Self.eight, rows: 6)), rows: 6, columns: 100)
    }

    @Test func closingBraceSkipsCommentsThatWereThereButUnread() {
        var state = unchangedWithUnread()
        let before = state.selection
        state.press("}")
        #expect(state.selection == before)
        #expect(state.statusText.contains("no added comments"))
    }

    @Test func closingBraceGoesToTheFirstAddedComment() {
        var state = readerWithNews(rows: 12, columns: 100)
        #expect(state.statusText.contains("3 comments added: } goes to them"))
        state.press("}")
        #expect(state.selectedName == "a2")
    }

    @Test func parenthesesStepThroughTheUnread() {
        var state = unchangedWithUnread()
        var names: [String] = []
        for _ in 0..<3 {
            state.press(")")
            names.append(state.selectedName ?? "-")
        }
        // Six rows show two comments: each jump shows the next one too, which is then read.
        #expect(names == ["c2", "c4", "c6"])
        state.press("(")
        #expect(state.statusText.contains("no unread comment above: ) goes on"))
    }

    @Test func theUnreadCountInTheRuleFallsAsCommentsAreShown() {
        var state = unchangedWithUnread()
        #expect(state.pageText.contains("── 8 comments · 0 added · 7 unread ─"))
        state.press("))")
        state.apply(.top)
        #expect(state.pageText.contains("── 8 comments · 0 added · 3 unread ─"))
    }

    @Test func theKeysAreInTheTableWithTheirNames() {
        #expect(Keymap.standard.action(for: .character(")")) == .visit(.nextUnread))
        #expect(Keymap.standard.action(for: .character("(")) == .visit(.previousUnread))
        let keymap = Keymap.standard.rebound(["next-unread": [.character("U")]])
        #expect(keymap.action(for: .character("U")) == .visit(.nextUnread))
    }
}

/// `}` `{` `)` `(` pass over comments the kill-file hides: their one line is nothing to read.
@Suite struct AddedUnreadKillFileTests {
    func readerHidingA2() throws -> ReaderState {
        var options = ReaderOptions()
        options.killFile = KillFile(rules: [try KillRule.parse("\"new reply\"", action: .hide, site: nil)])
        return readerWithNews(rows: 30, columns: 100, options: options)
    }

    @Test func closingBracePassesOverAHiddenAddedComment() throws {
        var state = try readerHidingA2()
        state.press("}")
        #expect(state.selectedName == "a2x")
        state.press("{")
        #expect(state.selectedName == "a2x")
        #expect(state.statusText.contains("no added comment above"))
    }

    @Test func showingTheHiddenOnesBringsThemBack() throws {
        var state = try readerHidingA2()
        state.press("X")
        state.press("}")
        #expect(state.selectedName == "a2")
    }
}
