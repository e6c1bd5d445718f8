import Testing
import ThreadModel
import ThreadTestSupport
import ThreadTree

@testable import ThreadQuery

@Test func copyingOutKeepsMatchesUnderTheirAncestors() throws {
    let d = discussion(thread)
    let tree = CommentTree(discussion: d)
    let filtered = FilterEvaluation.run(
        QueryMatcher(query: try Query.parse("author:dan or c"), discussion: d, tree: tree))
    let cut = d.keeping(filtered.kept)
    #expect((0..<cut.count).map { cut.id(of: $0)?.key ?? "" } == ["a", "a2", "a2x"])
    #expect((0..<cut.count).map { cut.parent(of: $0) } == [nil, 0, 1])
    let json = String(decoding: DocumentWriter.canonicalJSON(cut), as: UTF8.self)
    #expect(json.contains("\"id\": \"a2x\""))
    #expect(!json.contains("\"id\": \"b\""))
}
