import Testing
import ThreadTestSupport

@testable import ThreadModel

@Suite struct DiscussionBuilderTests {
    @Test func codableDocumentFlattensInThreadOrder() throws {
        let document = Document(
            article: Article(title: "T"),
            comments: [
                Comment(id: .string("a"), replies: [Comment(id: .string("a1")), Comment(id: .string("a2"))]),
                Comment(id: .integer(2), author: "bo", score: 3, body: "hi", deleted: true),
            ])
        let discussion = try Discussion(document: document)
        #expect(depthsAndIDs(discussion) == ["0:a", "1:a1", "1:a2", "0:2"])
        #expect(
            discussion.comment(at: 3) == Comment(id: .integer(2), author: "bo", score: 3, body: "hi", deleted: true))
    }

    @Test func builderResolvesFlatParentsAndChecksDuplicates() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.add(Comment(id: .string("r"), parent: .string("a")))
        builder.add(Comment(id: .string("a")))
        #expect(depthsAndIDs(try builder.build()) == ["0:a", "1:r"])
        builder.add(Comment(id: .string("a")))
        #expect(throws: DocumentError.self) { try builder.build() }
    }

    @Test func codableRoundTripOfAnArticleWithSingleStringBody() throws {
        let article = Article(title: "T", body: ["one", "two"])
        #expect(Article.paragraphs(of: "one\n\n\n two\n") == ["one", " two"])
        #expect(article.body.count == 2)
    }
}
