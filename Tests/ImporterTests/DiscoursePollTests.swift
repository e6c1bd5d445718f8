import Testing
import ThreadModel

/// Discourse polls: the cooked HTML holds a placeholder ("0 voters"); the results come from the
/// post's `polls` field (issue 23, real threads).
@Suite struct DiscoursePollTests {
    /// Before: the article listed the options without votes, then "0 voters" under each poll.
    @Test func aPollShowsItsOptionsWithTheirVotes() throws {
        let discussion = try Corpus.load("discourse/urho3d_to-rbfx-and-not-to-rbfx.5864.json")
        let body = discussion.article.body.joined(separator: "\n\n")
        #expect(body.contains("Poll · 37 voters"))
        #expect(
            body.contains("- [against] I want changes in Urho but I don’t want to merge anything from rbfx; · 7 votes"))
        #expect(body.contains("- I need AS support and I don’t want to do anything to maintain it; · 1 vote"))
        #expect(!body.contains("0 voters"))
    }
}
