import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// What a day of reading found (branch qa-reader): each test failed before its fix.
@Suite struct QAReaderTests {
    private func reader(_ outline: String) -> ReaderState {
        var state = ReaderState(discussion: discussion(outline), rows: 24, columns: 60)
        state.update(.started)
        return state
    }

    /// Before: a count stopped once a step left the selection and the scroll where they were, so `2n`
    /// over a comment holding several occurrences went one occurrence on, not two.
    @Test func aCountStepsThroughOccurrencesInOneComment() {
        var state = reader("a: x x x x\nb: x\nc: x")
        state.press("/x")
        state.update(.key(.enter))
        #expect(state.message == "match 1 of 6")
        state.press("2n")
        #expect(state.message == "match 3 of 6")
        state.press("2N")
        #expect(state.message == "match 1 of 6")
    }

    /// Before: `5j` with the article selected only selected the first comment (the first step leaves
    /// the article without moving the selection, which stopped the count).
    @Test func aCountFromTheArticleGoesThatManyCommentsDown() {
        var state = reader("a\nb\nc\nd\ne\nf\ng")
        state.press("g")
        #expect(state.positionText == "article")
        state.press("5j")
        #expect(state.selectedName == "e")
    }
}
