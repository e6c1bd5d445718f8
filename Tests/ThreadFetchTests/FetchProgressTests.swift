import Foundation
import Testing
import ThreadModel

@testable import ThreadFetch

/// Issue 23, bug 10: a fetch's progress counts what the reader's last line counts (comments), and says
/// the site's announced count as announced ("fetching 29 of 318" used to end in "all 351 comments are in").
@Suite struct FetchProgressTests {
    @Test func theTextNamesItsUnitAndGroupsThousands() {
        #expect(FetchProgress(29, of: 318, .comments).text == "fetching 29 of 318 comments")
        #expect(FetchProgress(340, of: 2_112, .comments).text == "fetching 340 of 2,112 comments")
        #expect(FetchProgress(1_234_567, of: nil, .comments).text == "fetching 1,234,567 comments")
        #expect(FetchProgress(1, of: 2, .requests).text == "fetching 1 of 2 requests")
        #expect(FetchProgress(3, of: 30, .stories).text == "fetching 3 of 30 stories")
    }

    @Test func moreCommentsThanAnnouncedSayBoth() {
        // Hacker News leaves dead and deleted comments out of `descendants`; they arrive all the same.
        #expect(FetchProgress(1_351, of: 1_318, .comments).text == "fetching 1,351 comments (the site announced 1,318)")
    }

    @Test func discourseCountsCommentsNotPostsNorEvents() async throws {
        // Post 10 is an event (a small action): a post of the topic's, not a comment.
        var answers = DiscourseTopicFixture.answers
        for (url, responses) in answers {
            answers[url] = responses.map { response in
                let body = String(decoding: response.body, as: UTF8.self).replacingOccurrences(
                    of: #""post_number":10,"#, with: #""post_number":10,"post_type":3,"action_code":"closed.enabled","#)
                return HTTPResponse(status: response.status, headers: response.headers, body: Array(body.utf8))
            }
        }
        let log = ProgressLog()
        let whole = try await fetcher(CannedTransport(answers)).fetch(
            DiscourseTopicFixture.address, progress: { log.add($0) })
        #expect(whole.commentCount == 43)
        // The first page holds the article and 2 comments; the stream names 44 posts after the article,
        // and the total loses the event once it arrives: the progress ends at the comments shown.
        #expect(log.all.first == "fetching 2 of 44 comments")
        #expect(log.all.last == "fetching 43 of 43 comments")
    }
}

/// Issue 23: a poll fetched from the official API (Algolia failing) brings its options (`parts`), which
/// are the article's lines with their votes, not comments, and not counted by the progress.
@Suite struct HackerNewsPollFetchTests {
    @Test func theOfficialAPIFetchesAPollsOptions() async throws {
        let answers: [String: [HTTPResponse]] = [
            "https://hn.algolia.com/api/v1/items/1": [HTTPResponse(status: 404, body: [])],
            "https://hacker-news.firebaseio.com/v0/item/1.json": [
                json(#"{"id":1,"type":"poll","title":"Which?","by":"pg","kids":[2],"parts":[3,4],"descendants":1}"#)
            ],
            "https://hacker-news.firebaseio.com/v0/item/2.json": [
                json(#"{"id":2,"type":"comment","by":"a","text":"x","parent":1}"#)
            ],
            "https://hacker-news.firebaseio.com/v0/item/3.json": [
                json(#"{"id":3,"type":"pollopt","by":"pg","poll":1,"text":"Yes","score":1500}"#)
            ],
            "https://hacker-news.firebaseio.com/v0/item/4.json": [
                json(#"{"id":4,"type":"pollopt","by":"pg","poll":1,"text":"No","score":2}"#)
            ],
        ]
        let log = ProgressLog()
        let whole = try await fetcher(CannedTransport(answers)).fetch(
            ThreadAddress(site: .hackerNews, id: "1"), progress: { log.add($0) })
        #expect(whole.commentCount == 1)
        #expect(whole.article.body.suffix(3) == ["Poll", "- Yes · 1,500 votes", "- No · 2 votes"])
        #expect(log.all.last == "fetching 1 of 1 comment")
    }
}
