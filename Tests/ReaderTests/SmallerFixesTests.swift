import Reader
import Testing
import ThreadModel

/// The smaller things a daily user hit (issue 23, item 12).
@Suite struct SmallerFixesTests {
    /// Before: the status line kept "go to mark: type a letter" after the jump.
    @Test func goingToAMarkClearsItsPrompt() {
        var state = firstReader()
        state.press("cma")
        state.press("jj'a")
        #expect(state.selectedName == "a")
        #expect(!state.statusText.contains("go to mark"))
    }

    /// Before: "comment 1200 of 1200" where the rule said "1,200 comments" (issue 23, item 10).
    @Test func thePositionGroupsThousandsAsTheRuleDoes() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        for i in 0..<1_200 { builder.add(Comment(id: .string("c\(i)"), author: "a", body: "b"), under: nil) }
        var state = ReaderState(discussion: try builder.build(), rows: 12, columns: 80)
        state.press("G")
        #expect(state.positionText == "comment 1,200 of 1,200 · depth 1 · 100%")
    }

    /// A jump from the selected article (here to the first new comment) selects the comment it lands on.
    @Test func aJumpFromTheArticleSelectsItsTarget() {
        var state = readerWithNews()
        state.press("g}")
        #expect(state.selectedName == "a2")
        #expect(state.positionText.hasPrefix("comment 3 of 6"))
    }

    /// Before: `[` on the article said "this is the first thread".
    @Test func previousThreadOnTheArticleSaysItIsTheArticle() {
        var state = firstReader()
        state.press("g[")
        #expect(state.message == "this is the article: the first thread is below it")
    }
}
