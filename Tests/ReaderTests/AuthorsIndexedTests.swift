import Testing
import ThreadModel
import ThreadQuery
import ThreadTestSupport

@testable import Reader

/// The author index built beside the loop after a big load (`Message.authorsIndexed`).
@Suite struct AuthorsIndexedTests {
    @Test func theIndexIsTakenOnlyForTheDocumentOnScreen() throws {
        let shown = discussion("ann: one\n  bob: two\ncid: three")
        let other = discussion("ann: one\n  bob: two\ncid: three")
        var state = ReaderState(discussion: shown, rows: 12, columns: 80)
        let layout = LayoutCache()
        state.update(.authorsIndexed(AuthorIndex(other)), layout: layout)
        #expect(state.filterAuthors == nil)
        state.update(.authorsIndexed(AuthorIndex(shown)), layout: layout)
        #expect(state.filterAuthors?.isFor(shown) == true)
    }

    @Test func anAuthorFilterUsesTheIndexBuiltBeside() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let one = builder.add(Comment(id: .integer(1), author: "ann", body: "one"), under: nil)
        builder.add(Comment(id: .integer(2), author: "bob", body: "two"), under: one)
        let three = builder.add(Comment(id: .integer(3), author: "cid", body: "three"), under: nil)
        builder.add(Comment(id: .integer(4), author: "Bob", body: "four"), under: three)
        let thread = try builder.build()
        var state = ReaderState(discussion: thread, rows: 12, columns: 80)
        let layout = LayoutCache()
        state.update(.authorsIndexed(AuthorIndex(thread)), layout: layout)
        state.update(.action(.applyFilter("author:bob")), layout: layout)
        #expect(state.statusText.contains("filter: 2 of 4"))
    }
}
