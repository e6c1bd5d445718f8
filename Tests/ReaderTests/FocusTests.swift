import Testing
import ThreadModel

@testable import Reader

/// Opening on the comment an address names (`ReaderState.focus(_:layout:)`).
@Suite struct FocusTests {
    static func thread() throws -> Discussion {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let one = builder.add(Comment(id: .string("110"), author: "ann", body: "one"), under: nil)
        builder.add(Comment(id: .string("111"), author: "bob", body: "two"), under: one)
        builder.add(Comment(id: .string("112"), author: "cid", body: "three"), under: nil)
        return try builder.build()
    }

    @Test func theNamedCommentIsSelectedAndItsAncestorsUnfolded() throws {
        var state = ReaderState(discussion: try Self.thread(), rows: 12, columns: 80)
        let layout = LayoutCache()
        state.update(.action(.foldAll), layout: layout)
        state.focus("111", layout: layout)
        #expect(state.selection == 1)
        #expect(!state.tree.isFolded(0))
        #expect(state.positionText(layout: layout).hasPrefix("comment 2 of 3"))
    }

    @Test func anIDNoCommentHasChangesNothing() throws {
        var state = ReaderState(discussion: try Self.thread(), rows: 12, columns: 80)
        let layout = LayoutCache()
        let before = state.selection
        state.focus("999", layout: layout)
        #expect(state.selection == before)
    }
}
