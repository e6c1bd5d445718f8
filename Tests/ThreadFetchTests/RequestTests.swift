import Testing
import ThreadModel

@testable import ThreadFetch

@Suite struct RequestTests {
    @Test func standardRequests() {
        let api = SiteAPI.standard
        #expect(api.algoliaItem("43727727") == "https://hn.algolia.com/api/v1/items/43727727")
        #expect(api.hackerNewsItem(17) == "https://hacker-news.firebaseio.com/v0/item/17.json")
        #expect(api.redditThread("441hsf") == "https://www.reddit.com/comments/441hsf.json?raw_json=1")
        #expect(api.lobstersStory("tdfoqh") == "https://lobste.rs/s/tdfoqh.json")
    }

    @Test func discourseRequestsUseTheForumsOwnHost() throws {
        let forum = try #require(ThreadAddress("https://discourse.urho3d.io/t/slug/5864")?.forum)
        #expect(SiteAPI.discourseTopic(forum, "5864") == "https://discourse.urho3d.io/t/5864.json")
        #expect(
            SiteAPI.discoursePosts(forum, "5864", postIDs: [3, 4])
                == "https://discourse.urho3d.io/t/5864/posts.json?post_ids%5B%5D=3&post_ids%5B%5D=4")
    }

    @Test func environmentOverridesBases() throws {
        let api = try SiteAPI(environment: [
            "TREAD_HN_ALGOLIA_API": "http://127.0.0.1:9/algolia", "TREAD_REDDIT_API": "http://127.0.0.1:9/reddit",
        ])
        #expect(api.algoliaItem("1") == "http://127.0.0.1:9/algolia/items/1")
        #expect(api.redditThread("ab") == "http://127.0.0.1:9/reddit/comments/ab.json?raw_json=1")
        #expect(api.lobstersStory("x") == "https://lobste.rs/s/x.json")
    }

    @Test func environmentRefusesOtherSchemes() {
        #expect(throws: SiteAPIError.self) { try SiteAPI(environment: ["TREAD_HN_API": "file:///tmp"]) }
    }

    @Test func pathSegmentsAreEncoded() {
        #expect(SiteAPI.encoded("a/b?c") == "a%2Fb%3Fc")
        #expect(SiteAPI.encoded("5864.json") == "5864.json")
    }

    @Test func peekFindsMembersAtAnyDepthWithoutRecursing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let json = Array(#"{"a":"x\"}","deep":\#(deep),"kids":[3, 1,2],"post_stream":{"stream":[5]}}"#.utf8)
        let peek = JSONPeek(json)
        let root = try #require(peek.root)
        #expect(peek.member("kids", of: root).map { peek.integers(in: $0) } == [3, 1, 2])
        #expect(peek.value(at: ["post_stream", "stream"]).map { peek.integers(in: $0) } == [5])
        #expect(peek.member("missing", of: root) == nil)
    }

    @Test func peekGivesUpOnTruncatedJSON() {
        let peek = JSONPeek(Array(#"{"kids":[1,2"#.utf8))
        #expect(peek.root == nil)
    }
}
