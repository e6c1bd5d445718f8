import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// `R` after the file was rewritten in place: the old text is gone, the visit's id hashes keep the place.
@Suite struct FileChangeReaderTests {
    /// Before: `R` merged by the old ids read from the new bytes ("two comments have the id …").
    @Test func aReloadOfARewrittenFileKeepsThePlaceByTheVisitsHashes() throws {
        var state = firstReader(firstThread, source: .file)
        state.press("jj")
        #expect(state.selectedName == "b")
        state.press("R")
        #expect(state.fetch?.kind == .reload)
        state.update(.reloaded(state.discussion.replaced(by: discussion(laterThread))))
        #expect(state.selectedName == "b")
        #expect(state.message == "the file's new version: 3 new comments")
        #expect(state.discussion.count == 6)
    }
}
