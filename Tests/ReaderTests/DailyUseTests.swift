import Reader
import Testing
import TextLayout
import ThreadModel
import ThreadQuery
import ThreadTestSupport

/// What a daily user hit on real threads (branch qa): each test failed before its fix.
@Suite struct DailyUseTests {
    /// A thread whose article is taller than the screen, so its first comment starts off screen.
    private func longArticleReader() throws -> ReaderState {
        var builder = DiscussionBuilder(
            article: Article(title: "T", body: (1...30).map { "Paragraph \($0) of the article." }))
        let first = builder.add(Comment(id: .string("c1"), author: "ann", body: "First comment."), under: nil)
        builder.add(Comment(id: .string("c2"), author: "bob", body: "A reply."), under: first)
        return ReaderState(discussion: try builder.build(), rows: 10, columns: 60)
    }

    /// Before: `Y`, `T`, `|`, `w`, `W` and `I` with the status line saying "article" copied, piped,
    /// saved or opened the first comment, off screen, and moved the selection to it.
    @Test func keysOnTheSelectedCommentDoNothingOnTheArticle() throws {
        for key in ["Y", "T", "|", "w", "W", "I"] {
            var state = try longArticleReader()
            #expect(state.positionText == "article")
            let commands = state.press(key)
            #expect(commands.effects.isEmpty, "\(key) on the article")
            #expect(state.mode == .reading, "\(key) on the article")
            #expect(state.message == "the article is selected: c goes to the first comment", "\(key)")
            #expect(state.positionText == "article", "\(key) leaves the article selected")
        }
    }

    /// After `g` too (the article selected by a key), and `j` then makes `Y` copy the comment.
    @Test func theFirstCommentIsCopiedOnceSelected() throws {
        var state = try longArticleReader()
        state.press("jjjjjjjjjjjjjjjjjjjjg")
        #expect(state.positionText == "article")
        #expect(state.press("Y").effects.isEmpty)
        state.press("c")
        let copied = state.press("Y").effects
        #expect(copied.count == 1)
        if case .copy(let text) = try #require(copied.first) { #expect(text.contains("First comment.")) }
    }

    /// Before: `o` and `y` on an article without links said "this comment has no links".
    @Test func theArticleWithoutLinksSaysSo() throws {
        var state = try longArticleReader()
        state.press("o")
        #expect(state.message == "the article has no links")
        state.press("y")
        #expect(state.message == "the article has no links")
        state.press("c")
        state.press("o")
        #expect(state.message == "this comment has no links")
    }

    /// `parent`, a reply under it tall enough to scroll its parent off screen.
    private func scrolledPastParent(
        _ parent: ThreadModel.Comment = ThreadModel.Comment(id: .string("d"), deleted: true),
        options: ReaderOptions = ReaderOptions()
    ) throws -> ReaderState {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let gone = builder.add(parent, under: nil)
        let body = (1...20).map { "line \($0)" }.joined(separator: "\n")
        builder.add(Comment(id: .string("r"), author: "bob", body: body), under: gone)
        var state = ReaderState(
            discussion: try builder.build(), rows: 10, columns: 60, options: options,
            opening: ReaderOpening(source: .address))
        state.update(.started)
        state.press("cj")
        for _ in 0..<8 { state.update(.key(.control("e"))) }
        return state
    }

    /// Before: the sticky line named a deleted parent "anonymous" where its header says "[deleted]".
    @Test func theStickyLineNamesADeletedParentAsItsHeaderDoes() throws {
        let state = try scrolledPastParent()
        #expect(state.selectedName == "bob")
        #expect(state.pageText.hasPrefix("[deleted] · depth 2\n"))
    }

    /// Before: the sticky line named the author of a parent the kill-file hides.
    @Test func theStickyLineNeverNamesAHiddenAuthor() throws {
        var options = ReaderOptions()
        options.killFile = KillFile(rules: [try KillRule.parse("author:spam", action: .hide, site: nil)])
        let state = try scrolledPastParent(
            Comment(id: .string("s"), author: "spam", body: "buy now"), options: options)
        #expect(state.selectedName == "bob")
        #expect(state.pageText.hasPrefix("hidden · depth 2\n"))
        #expect(!state.pageText.contains("spam"))
    }
}

/// Prompts counted in columns (branch qa).
@Suite struct PromptWidthTests {
    /// Before: a query of wide characters was cut by characters, half the width in characters and so
    /// all of it in columns: the last character typed and the cursor fell off the line.
    @Test func aWideQueryKeepsItsEndAndTheCursorOnTheLine() {
        var state = ReaderState(discussion: discussion("a: x"), rows: 6, columns: 21)
        state.press("/")
        state.press(String(repeating: "漢", count: 12) + "字")
        let status = state.statusText
        #expect(TextWidth.of(status) <= 21)
        #expect(status.hasPrefix("/…"))
        #expect(status.hasSuffix("字▏"))
    }

    @Test func anAsciiQueryShowsItsLastHalfAsBefore() {
        var state = ReaderState(discussion: discussion("a: x"), rows: 6, columns: 21)
        state.press("/abcdefghijklmnopqrstuvwxyz")
        #expect(state.statusText.hasPrefix("/…qrstuvwxyz▏"))
    }

    @Test func theSavePromptAndTheFilterPromptToo() {
        var state = ReaderState(discussion: discussion("a: x"), rows: 6, columns: 21)
        state.press("w")
        state.press(String(repeating: "漢", count: 12) + "字")
        #expect(TextWidth.of(state.statusText) <= 21)
        #expect(state.statusText.contains("字▏"))
        state.update(.key(.escape))
        state.press("&" + String(repeating: "漢", count: 12) + "字")
        #expect(state.statusText.contains("字▏"))
    }

    @Test func truncateLeadingKeepsTheEnd() {
        #expect(Wrapper.truncateLeading("abc", width: 3) == "abc")
        #expect(Wrapper.truncateLeading("abcd", width: 3) == "…cd")
        #expect(Wrapper.truncateLeading("漢字漢字", width: 5) == "…漢字")
        #expect(Wrapper.truncateLeading("漢字漢字", width: 4) == "…字")
        #expect(Wrapper.truncateLeading("abc", width: 0) == "")
    }
}

/// The parent overlay and the kill-file (branch qa).
@Suite struct ParentOverlayKillFileTests {
    /// Before: `U` under a comment the kill-file hides showed its author and text in the box.
    @Test func thePeekAtAHiddenParentShowsTheKillFilesLine() throws {
        var options = ReaderOptions()
        options.killFile = KillFile(rules: [try KillRule.parse("author:spam", action: .hide, site: nil)])
        var state = ReaderState(
            discussion: discussion("s spam: buy now\n  r bob: a reply"), rows: 12, columns: 60, options: options,
            opening: ReaderOpening(source: .address))
        state.update(.started)
        state.press("cjU")
        #expect(state.selectedName == "bob")
        let page = state.pageText
        #expect(page.contains("hidden by the kill-file · X shows it"))
        #expect(!page.contains("buy now"))
        #expect(!page.contains("spam"))
        state.update(.key(.escape))
        state.press("XU")
        #expect(state.pageText.contains("buy now"))
    }
}

/// Marks (branch qa).
@Suite struct MarkPromptTests {
    /// Before: Esc after `m` or `'` said "marks are letters a–z, A–Z", as if it were a mistake.
    @Test func escapeTakesBackTheMarkPromptQuietly() {
        var state = firstReader()
        state.apply(.firstComment)
        state.press("m")
        #expect(state.statusText.contains("set mark"))
        state.update(.key(.escape))
        #expect(!state.statusText.contains("marks are letters"))
        #expect(!state.statusText.contains("set mark"))
        state.press("'")
        state.update(.key(.escape))
        #expect(state.message == nil)
        // The prompt is gone: the next letter is a key again (`j` moves).
        state.press("j")
        #expect(state.selectedName == "a1")
    }
}

/// The status line with a filter on (branch qa).
@Suite struct StatusLineRoomTests {
    /// Before: the filter's and the order's words were not counted when the status line made room, so
    /// at 80 columns `n`'s "match 2 of 600" beside "filter: 600 of 1,200 · comment 3 of 1,200 · …" was
    /// cut to "…".
    @Test func aFiltersMatchMessageShowsBesideItsCount() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        for i in 0..<1_200 {
            builder.add(Comment(id: .string("c\(i)"), author: "a", body: i % 2 == 0 ? "target" : "other"), under: nil)
        }
        var state = ReaderState(discussion: try builder.build(), rows: 12, columns: 80)
        state.update(.key(.character("&")))
        state.press("target")
        state.update(.key(.enter))
        state.press("n")
        let message = try #require(state.message)
        #expect(message.contains("600"))
        #expect(state.statusText.contains("filter: 600 of 1,200"))
        #expect(state.statusText.contains(message))
    }
}

/// The overview's rows (branch qa).
@Suite struct OverviewLabelTests {
    /// Before: the overview named "ann" where the comment's header says "ann OP" (the README: OP and
    /// roles "on screen and in --print alike").
    @Test func overviewRowsCarryTheLabelsTheHeadersDo() throws {
        var state = ReaderState(discussion: try PersonLabelTests.thread(), rows: 12, columns: 60)
        state.press("v")
        let rows = state.pageText.split(separator: "\n").filter { $0.contains("▾") || $0.contains("•") }
        #expect(rows.count == 4)
        for (row, start) in zip(rows, ["▾ ann OP ·", "│ • mo mod ", "│ • ann OP admin ", "• bob "]) {
            #expect(row.hasPrefix(start), "\(row)")
        }
    }
}
