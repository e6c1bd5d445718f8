import Reader
import Testing
import ThreadModel
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
            #expect(state.message == "the article is selected: j selects its first comment", "\(key)")
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
}
