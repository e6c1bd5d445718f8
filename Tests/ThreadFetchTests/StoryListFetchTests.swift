import Foundation
import Testing
import ThreadModel

@testable import ThreadFetch

/// A fixture of `Tests/Fixtures/http/lists/` as the canned body of a 200 answer.
func listFixture(_ name: String) throws -> HTTPResponse {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let data = try Data(contentsOf: here.appendingPathComponent("../Fixtures/http/lists/\(name)"))
    return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Array(data))
}

@Suite struct StoryListAddressTests {
    @Test func namesOfEverySiteAreRecognised() throws {
        let cases: [(String, String)] = [
            ("hn", "hn"), ("HN:new", "hn:new"), ("hn:jobs", "hn:jobs"), ("reddit", "reddit"),
            ("r/swift", "r/swift"), ("r/swift/top?t=week", "r/swift/top?t=week"), ("/r/rust/rising", "r/rust/rising"),
            ("lobsters", "lobsters"), ("lobsters:newest", "lobsters:newest"), ("lobsters:t/rust", "lobsters:t/rust"),
            ("https://meta.discourse.org/latest", "https://meta.discourse.org/latest"),
            ("https://forum.example/c/support/6", "https://forum.example/c/support/6"),
            ("https://www.reddit.com/r/swift/new/", "r/swift/new"), ("https://lobste.rs/t/c", "lobsters:t/c"),
        ]
        for (typed, name) in cases {
            let address = try #require(StoryListAddress(typed), "\(typed)")
            #expect(address.name == name)
        }
    }

    @Test func threadsFilesAndBadPartsAreNotLists() {
        for text in [
            "hn:123", "notes.json", "r/../x", "r/swift/top?t=forever", "r/swift/new?t=week", "lobsters:t/a b",
            "https://news.ycombinator.com/item?id=1", "https://forum.example/c/x/notanumber",
            "https://forum.example/t/x/1",
        ] {
            #expect(StoryListAddress(text) == nil, "\(text)")
        }
    }

    @Test func requestsAreBuiltFromValidatedParts() {
        let api = SiteAPI.standard
        #expect(api.hackerNewsList("top") == "https://hacker-news.firebaseio.com/v0/topstories.json")
        #expect(
            api.redditList(subreddit: "swift", sort: "top", period: "week", after: "t3_abc")
                == "https://www.reddit.com/r/swift/top.json?raw_json=1&limit=30&t=week&after=t3_abc")
        #expect(
            api.redditList(subreddit: nil, sort: "hot", period: nil, after: "t3_a&x=1")
                == "https://www.reddit.com/hot.json?raw_json=1&limit=30")
        #expect(api.lobstersList(feed: "hottest", tag: nil, page: 1) == "https://lobste.rs/hottest.json")
        #expect(api.lobstersList(feed: "newest", tag: nil, page: 2) == "https://lobste.rs/newest/page/2.json")
        #expect(api.lobstersList(feed: "tag", tag: "rust", page: 3) == "https://lobste.rs/t/rust/page/3.json")
    }
}

@Suite struct StoryListFetchTests {
    @Test func redditListingKeepsMarksAndAfter() async throws {
        let url = "https://www.reddit.com/hot.json?raw_json=1&limit=30"
        let transport = CannedTransport([url: [try listFixture("reddit_frontpage_hot_2016-10.json")]])
        let list = try await fetcher(transport).fetchPage(of: try #require(StoryListAddress("reddit")))
        #expect(list.stories.count == 25)
        #expect(list.next == "t3_58gcp9")
        let first = try #require(list.stories.first)
        #expect(first.title == "Red Dead Redemption 2 Official Trailer")
        #expect(first.source == "Reddit r/gaming" && first.score == 6967 && first.comments == 2757)
        #expect(first.domain == "youtube.com" && first.discussion == "https://www.reddit.com/comments/58hakw")
        #expect(list.stories.contains { $0.marks.contains("NSFW") })
        #expect(list.stories.contains { $0.marks.contains("stickied") })
        #expect(list.stories[1].marks == ["Megathread"])
    }

    @Test func lobstersHottestHasTagsAndANextPage() async throws {
        let transport = CannedTransport([
            "https://lobste.rs/hottest.json": [try listFixture("lobsters_hottest_2023-10.json")]
        ])
        let list = try await fetcher(transport).fetchPage(of: try #require(StoryListAddress("lobsters")))
        #expect(list.stories.count == 25 && list.next == "2")
        let first = try #require(list.stories.first)
        #expect(first.id == "wbfuoo" && first.marks == ["vcs"] && first.comments == 4)
        #expect(first.discussion == "https://lobste.rs/s/wbfuoo")
    }

    @Test func aStoryThatMovedToTheNextPageIsShownOnce() async throws {
        let first = try listFixture("lobsters_hottest_2023-10.json")
        // Page 2 as it is once a new story pushed the first page down: 24 stories seen already, one not.
        var second = first
        second.body = Array(
            String(decoding: first.body, as: UTF8.self).replacingOccurrences(of: "wbfuoo", with: "zzzzzz").utf8)
        let transport = CannedTransport([
            "https://lobste.rs/hottest.json": [first], "https://lobste.rs/page/2.json": [second],
        ])
        let address = try #require(StoryListAddress("lobsters"))
        let list = try await fetcher(transport).fetchPage(of: address)
        let next = try await fetcher(transport).fetchPage(of: address, after: list)
        #expect(next.stories.map(\.id) == ["zzzzzz"])
        #expect(next.next == "3")
    }

    @Test func discourseLatestHasPinnedAuthorsAndMore() async throws {
        let transport = CannedTransport([
            "https://forum.example/latest.json": [try listFixture("discourse_latest_2023.json")]
        ])
        let address = try #require(StoryListAddress("https://forum.example/latest"))
        let list = try await fetcher(transport).fetchPage(of: address)
        #expect(list.stories.count == 30 && list.next == "1")
        let first = try #require(list.stories.first)
        #expect(first.marks.first == "pinned" && first.author == "system")
        #expect(first.discussion == "https://forum.example/t/welcome-to-our-community/7")
        #expect(ThreadAddress(first.discussion)?.id == "7")
    }

    @Test func hackerNewsFetchesAPageOfItemsAndCountsTheMissing() async throws {
        var answers: [String: [HTTPResponse]] = [
            "https://hacker-news.firebaseio.com/v0/topstories.json": [try listFixture("hn_topstories_2023-08.json")]
        ]
        let ids =
            try JSONSerialization.jsonObject(
                with: Data(answers.values.first?.first?.body ?? [])) as? [Int] ?? []
        for id in ids.prefix(60) where id % 7 != 0 {
            answers["https://hacker-news.firebaseio.com/v0/item/\(id).json"] = [
                json(
                    #"{"id":\#(id),"type":"story","title":"Story \#(id)","by":"a","score":5,"descendants":2,"url":"https://www.example.com/x"}"#
                )
            ]
        }
        let transport = CannedTransport(answers)
        let list = try await fetcher(transport).fetchPage(of: try #require(StoryListAddress("hn")))
        let present = ids.prefix(30).filter { $0 % 7 != 0 }
        #expect(list.stories.map(\.id) == present.map(String.init))
        #expect(list.stories.map(\.rank) == Array(1...present.count))
        #expect(list.missing == 30 - present.count)
        #expect(list.next == "30" && list.ids.count == 500)
        #expect(list.stories.first?.domain == "example.com")
        // The next page asks only for its own items, not the ids again.
        let before = transport.requested.count
        let second = try await fetcher(transport).fetchPage(of: try #require(StoryListAddress("hn")), after: list)
        #expect(transport.requested.count - before == 30)
        #expect(list.appending(second).stories.last?.rank == list.stories.count + second.stories.count)
    }

    @Test func aListWhoseEveryItemFailsThrowsTheFirstFailure() async throws {
        let transport = CannedTransport([
            "https://hacker-news.firebaseio.com/v0/newstories.json": [json("[1,2,3]")],
            "https://hacker-news.firebaseio.com/v0/item/1.json": [HTTPResponse(status: 403, body: [])],
        ])
        await #expect(throws: FetchError.self) {
            try await fetcher(transport).fetchPage(of: try #require(StoryListAddress("hn:new")))
        }
    }

    @Test func hostileFieldsAreDroppedNotTrusted() async throws {
        let body =
            #"{"data":{"after":"../../x","children":[{"data":{"id":"ab/../c","title":"x"}},{"data":{"id":"ok1","title":"t\u001b[2J","score":"9","num_comments":1e300}}]}}"#
        let transport = CannedTransport(["https://www.reddit.com/r/x/hot.json?raw_json=1&limit=30": [json(body)]])
        let list = try await fetcher(transport).fetchPage(of: try #require(StoryListAddress("r/x")))
        #expect(list.stories.map(\.id) == ["ok1"] && list.missing == 1 && list.next == nil)
        #expect(list.stories.first?.score == nil && list.stories.first?.comments == nil)
    }
}

@Suite struct PermalinkTests {
    @Test func aCommentPermalinkNamesItsComment() throws {
        let reddit = try #require(ThreadAddress("https://old.reddit.com/r/x/comments/441hsf/slug/czmznnp/?context=3"))
        #expect(reddit.id == "441hsf" && reddit.comment == "czmznnp")
        let discourse = try #require(ThreadAddress("https://forum.example/t/some-topic/5864/12"))
        #expect(discourse.id == "5864" && discourse.comment == "12")
        #expect(ThreadAddress("https://forum.example/t/5864/3")?.comment == "3")
        #expect(ThreadAddress("https://forum.example/t/some-topic/5864/1")?.comment == nil)
        #expect(ThreadAddress("https://www.reddit.com/comments/441hsf")?.comment == nil)
        #expect(ThreadAddress("https://www.reddit.com/r/x/comments/441hsf/s/BAD..ID/")?.comment == nil)
    }
}
