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

/// The same for the Algolia API: a poll's options come in the root's `options` (a made fixture in the
/// shape algolia/hn-search serializes a poll, Tests/Fixtures/README.md).
@Suite struct HackerNewsAlgoliaPollTests {
    @Test func pollOptionsAreInTheArticleNotComments() throws {
        let discussion = try Corpus.load("hn_poll/poll_126809_algolia.json")
        #expect(discussion.article.title == "Poll: What would happen if News.YC had explicit support for polls?")
        #expect(discussion.commentCount == 2)
        #expect(discussion.count == 2)
        #expect((0..<discussion.count).compactMap { discussion.author(of: $0) } == ["alice", "bob"])
        #expect(
            discussion.article.body.suffix(4) == [
                "Poll", "- Nothing · 10 votes", "- The number of polls would increase · 28 votes",
                "- It would be great · 1,234 votes",
            ])
    }

    @Test func bothAPIsShowTheSamePoll() throws {
        let algolia = try Corpus.load("hn_poll/poll_126809_algolia.json")
        let items = try Corpus.load("hn_poll/poll_126809_items.json")
        #expect(algolia.article.body == items.article.body)
        #expect(algolia.commentCount == items.commentCount)
    }

    @Test func aPollWhoseAnswerHoldsNoOptionsSaysSo() throws {
        let discussion = try Corpus.load("hn_poll/poll_126809_algolia_no_options.json")
        #expect(discussion.article.body.last == "a poll; its options are not in this answer")
        #expect(discussion.commentCount == 2)
    }

    @Test func aPollOptionAmongTheChildrenIsNoComment() throws {
        let json = """
            {"id": 1, "type": "poll", "author": "pg", "title": "Which?", "points": 3, "children": [
              {"id": 2, "type": "pollopt", "author": "pg", "text": "Yes", "points": 1500, "children": []},
              {"id": 3, "type": "comment", "author": "a", "text": "hi", "children": []}]}
            """
        let discussion = try Discussion.load(DocumentBytes(Array(json.utf8)), format: .hackerNewsAlgolia)
        #expect(discussion.commentCount == 1)
        #expect(discussion.article.body.suffix(2) == ["Poll", "- Yes · 1,500 votes"])
    }

    @Test func aStoryHasNoPollLines() throws {
        let json = #"{"id": 1, "type": "story", "title": "T", "options": [], "children": []}"#
        let discussion = try Discussion.load(DocumentBytes(Array(json.utf8)), format: .hackerNewsAlgolia)
        #expect(!discussion.article.body.contains("Poll"))
        #expect(!discussion.article.body.contains { $0.contains("its options") })
    }
}
