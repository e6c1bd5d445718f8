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

    /// Before: `[` on the article said "this is the first thread".
    @Test func previousThreadOnTheArticleSaysItIsTheArticle() {
        var state = firstReader()
        state.press("g[")
        #expect(state.message == "this is the article: the first thread is below it")
    }
}
