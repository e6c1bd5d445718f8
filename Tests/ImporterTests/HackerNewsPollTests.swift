import Foundation
import Testing

@testable import SiteFormats
@testable import ThreadModel

/// Issue 23: a Hacker News poll's options (`pollopt` items) are the article's, with their votes, not
/// comments. The fixture is made from the API's documented poll shape (Tests/Fixtures/README.md).
@Suite struct HackerNewsPollTests {
    @Test func pollOptionsAreInTheArticleNotComments() throws {
        let discussion = try Corpus.load("hn_poll/poll_126809_items.json")
        #expect(discussion.article.title == "Poll: What would happen if News.YC had explicit support for polls?")
        #expect(discussion.count == 2)
        #expect((0..<discussion.count).compactMap { discussion.author(of: $0) } == ["alice", "bob"])
        let body = discussion.article.body
        #expect(body.contains("- Nothing · 10 votes"))
        #expect(body.contains("- The number of polls would increase · 28 votes"))
        #expect(body.contains("- It would be great · 1,234 votes"))
        let first = try #require(body.firstIndex(of: "- Nothing · 10 votes"))
        let third = try #require(body.firstIndex(of: "- It would be great · 1,234 votes"))
        #expect(first < third)
    }
}
