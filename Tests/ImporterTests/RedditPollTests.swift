import Foundation
import Testing

@testable import SiteFormats
@testable import ThreadModel

/// A Reddit poll post's `poll_data` options are the article's lines, in the shape Hacker News polls
/// read ("Poll", then "- option · N votes"). The fixture is r/announcements fo7p5b, trimmed
/// (Tests/Fixtures/README.md).
@Suite struct RedditPollTests {
    @Test func endedPollShowsEachOptionWithItsVotes() throws {
        let discussion = try Corpus.load("reddit_poll/announcements_poll_fo7p5b_trimmed.json")
        #expect(discussion.count == 2)
        #expect(
            Array(discussion.article.body.suffix(7)) == [
                "Poll", "- Hopeful · 1,675 votes", "- Inspired by others · 343 votes", "- Anxious · 3,059 votes",
                "- Angry · 652 votes", "- Meh...mostly bored · 2,839 votes", "- All of the above · 2,681 votes",
            ])
    }

    @Test func openPollSaysItsVotesAreHidden() throws {
        let body = try Self.body(
            """
            "poll_data": {"options": [{"text": "Yes", "id": "1"}, {"text": "No &amp; never", "id": "2"}],
              "total_vote_count": 1234, "voting_end_timestamp": 1585325428313}
            """)
        #expect(
            Array(body.suffix(3)) == [
                "Poll · 1,234 votes; each option's votes are hidden until it ends", "- Yes", "- No & never",
            ])
    }

    @Test func aPostWithoutPollDataHasNoPollLines() throws {
        let body = try Self.body(#""poll_data": null"#)
        #expect(body == ["Text"])
    }

    /// The article body of a one-post file (saved without `raw_json=1`) whose post holds `field`.
    static func body(_ field: String) throws -> [String] {
        let json = """
            [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "p", "title": "Q",
              "author": "a", "selftext": "Text", "selftext_html": "&lt;div&gt;Text&lt;/div&gt;", \(field)}}]}},
             {"kind": "Listing", "data": {"children": []}}]
            """
        return try Discussion.load(DocumentBytes(Array(json.utf8)), format: .reddit).article.body
    }
}
