import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// The search prompt edits like a shell's line; deleted comments are one muted line (issue 13).
@Suite struct ReadingComfortTests {
    @Test func ctrlWDeletesTheLastWord() {
        var state = ReaderState(discussion: discussion("a: x"), rows: 10, columns: 40)
        state.press("/")
        state.press("two words  ")
        state.update(.key(.control("w")))
        #expect(state.mode == .searchPrompt("two "))
        state.update(.key(.control("w")))
        #expect(state.mode == .searchPrompt(""))
    }

    @Test func backspaceOnAnEmptyPromptClosesIt() {
        var state = ReaderState(discussion: discussion("a: x"), rows: 10, columns: 40)
        state.press("/a")
        state.update(.key(.backspace))
        #expect(state.mode == .searchPrompt(""))
        state.update(.key(.backspace))
        #expect(state.mode == .reading)
    }

    @Test func upAndDownWalkThroughEarlierSearches() {
        var state = ReaderState(discussion: discussion("a: one\nb: two"), rows: 10, columns: 40)
        state.press("/one")
        state.update(.key(.enter))
        state.press("/two")
        state.update(.key(.enter))
        state.press("/")
        state.update(.key(.up))
        #expect(state.mode == .searchPrompt("two"))
        state.update(.key(.up))
        #expect(state.mode == .searchPrompt("one"))
        state.update(.key(.up))
        #expect(state.mode == .searchPrompt("one"))
        state.update(.key(.down))
        #expect(state.mode == .searchPrompt("two"))
        state.update(.key(.down))
        #expect(state.mode == .searchPrompt(""))
    }

    @Test func aDeletedCommentIsOneMutedLine() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let gone = builder.add(Comment(id: .string("1"), deleted: true), under: nil)
        builder.add(Comment(id: .string("2"), author: "bob", body: "still here"), under: gone)
        let state = ReaderState(discussion: try builder.build(), rows: 12, columns: 60)
        // The deleted comment is selected: its spacer carries the selection bar.
        #expect(state.pageText.contains("\n▾ [deleted]\n┃\n│ • bob\n│   still here\n"))
        let header = state.visibleLines.first { $0.line.plainText == "▾ [deleted]" }
        #expect(header?.line.spans.last?.style.tint == .muted)
    }

    @Test func theHelpScrollsWhenTheWindowIsShort() {
        var state = ReaderState(discussion: discussion("a: x"), rows: 12, columns: 50)
        state.press("?")
        #expect(state.pageText.contains("next comment"))
        #expect(!state.pageText.contains("quit"))
        for _ in 0..<120 { state.update(.key(.down)) }
        #expect(state.mode == .help)
        #expect(state.pageText.contains("prompt: earlier searches"))
        #expect(state.pageText.contains("quit"))
        #expect(!state.pageText.contains("next comment"))
        state.press("x")
        #expect(state.mode == .reading)
    }

    /// The wheel over the help scrolls the help, as ↓ does; the page under it stays where it was.
    @Test func theWheelScrollsTheHelpNotThePageUnderIt() {
        let comments = (1...40).map { "c\($0): x" }.joined(separator: "\n")
        var state = ReaderState(discussion: discussion(comments), rows: 12, columns: 50)
        state.press("?")
        let top = state.top
        #expect(state.pageText.contains("next comment"))
        state.update(.mouse(MouseEvent(.wheelDown, row: 3, column: 3)))
        #expect(state.mode == .help)
        #expect(!state.pageText.contains("next comment"))
        #expect(state.top == top)
        state.update(.mouse(MouseEvent(.wheelUp, row: 3, column: 3)))
        state.update(.mouse(MouseEvent(.wheelUp, row: 3, column: 3)))
        #expect(state.pageText.contains("next comment"))
        for _ in 0..<100 { state.update(.mouse(MouseEvent(.wheelDown, row: 3, column: 3))) }
        #expect(state.pageText.contains("quit"))
        state.press("x")
        #expect(state.mode == .reading)
        #expect(state.top == top)
    }

    @Test func theHelpListsTheMouseAndThePromptKeys() {
        var state = ReaderState(discussion: discussion("a: x"), rows: 50, columns: 120)
        state.press("?")
        #expect(state.pageText.contains("scroll (unless --no-mouse)"))
        #expect(state.pageText.contains("prompt: delete word, line"))
        state.update(.key(.down))
        #expect(state.mode == .reading)
    }

    @Test func stickyAncestorsNameTheChainWhenTheParentIsOffScreen() {
        var state = ReaderState(discussion: discussion("alice: x\n  bob: y\n    carol: #20"), rows: 10, columns: 60)
        state.press("cjj")
        #expect(state.selectedName == "carol")
        #expect(!state.pageText.contains("›"))
        for _ in 0..<8 { state.update(.key(.control("e"))) }
        #expect(state.selectedName == "carol")
        #expect(state.pageText.hasPrefix("alice › bob · depth 3\n"))
    }

    @Test func noStickyLineWhileTheParentShows() {
        var state = ReaderState(discussion: discussion("alice: x\n  bob: y"), rows: 10, columns: 60)
        state.press("j")
        #expect(state.selectedName == "bob")
        #expect(!state.pageText.contains("›"))
    }

    @Test func stickyLineOfAVeryDeepChainIsCut() {
        let outline = (0..<40).map { String(repeating: "  ", count: $0) + "p\($0): #12" }.joined(separator: "\n")
        var state = ReaderState(discussion: discussion(outline), rows: 8, columns: 80)
        state.press("G")
        let first = state.pageText.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("… › p33 › p34"))
        #expect(first.hasSuffix("p38 · depth 40"))
    }
}
