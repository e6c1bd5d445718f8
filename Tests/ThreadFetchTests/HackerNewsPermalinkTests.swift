import Testing
import ThreadModel

@testable import ThreadFetch

/// An HN item that is a comment: its story's whole thread is fetched (the reader selects the comment).
@Suite struct HackerNewsPermalinkTests {
    private let algolia = "https://hn.algolia.com/api/v1/items/"
    private let official = "https://hacker-news.firebaseio.com/v0/item/"

    @Test func anAlgoliaCommentBringsItsStory() async throws {
        let transport = CannedTransport([
            algolia + "5": [json(#"{"id":5,"type":"comment","author":"c","text":"x","story_id":1,"children":[]}"#)],
            algolia + "1": [
                json(
                    #"{"id":1,"type":"story","title":"Story","author":"a","points":9,"children":[{"id":5,"type":"comment","author":"c","text":"x","children":[]}]}"#
                )
            ],
        ])
        let discussion = try await fetcher(transport).fetch(ThreadAddress(site: .hackerNews, id: "5"))
        #expect(discussion.article.title == "Story" && discussion.article.id == "1")
        #expect(discussion.id(of: 0)?.key == "5")
    }

    @Test func aStoryThatSaysItIsACommentIsNotFollowedAgain() async throws {
        // 5 names story 1, whose answer claims to be a comment of 5: no loop, 1 is what is shown.
        let transport = CannedTransport([
            algolia + "5": [json(#"{"id":5,"type":"comment","author":"c","text":"x","story_id":1,"children":[]}"#)],
            algolia + "1": [json(#"{"id":1,"type":"comment","author":"a","text":"y","story_id":5,"children":[]}"#)],
        ])
        let discussion = try await fetcher(transport).fetch(ThreadAddress(site: .hackerNews, id: "5"))
        #expect(discussion.article.id == "1")
        #expect(transport.requested.filter { $0.hasPrefix(algolia) }.count == 2)
    }

    @Test func aCommentWhoseStoryCannotBeHadIsItsSubtree() async throws {
        let transport = CannedTransport([
            algolia + "5": [json(#"{"id":5,"type":"comment","author":"c","text":"x","story_id":1,"children":[]}"#)],
            official + "1.json": [json("null")],
        ])
        let discussion = try await fetcher(transport).fetch(ThreadAddress(site: .hackerNews, id: "5"))
        #expect(discussion.article.id == "5")
    }

    @Test func theOfficialAPIFollowsParentsUpToTheStory() async throws {
        let transport = CannedTransport([
            algolia + "3": [HTTPResponse(status: 503, body: [])],
            official + "3.json": [json(#"{"id":3,"type":"comment","by":"c","time":3,"text":"deep","parent":2}"#)],
            official + "2.json": [
                json(#"{"id":2,"type":"comment","by":"b","time":2,"text":"mid","parent":1,"kids":[3]}"#)
            ],
            official + "1.json": [json(#"{"id":1,"type":"story","title":"Story","by":"a","time":1,"kids":[2]}"#)],
        ])
        let discussion = try await fetcher(transport).fetch(ThreadAddress(site: .hackerNews, id: "3"))
        #expect(discussion.article.title == "Story")
        #expect((0..<discussion.count).map { discussion.body(of: $0) } == ["mid", "deep"])
    }
}
