import Testing
import ThreadModel
import ThreadTestSupport

@testable import ThreadFetch

/// A Reddit thread answer with the given comment things (JSON text) under post `post`.
func redditThread(_ things: String) -> HTTPResponse {
    json(
        """
        [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "post", "title": "T"}}]}},
         {"kind": "Listing", "data": {"children": [\(things)]}}]
        """)
}

/// A comment thing; `replies` is a list of things.
func t1(_ id: String, _ body: String, replies: String = "") -> String {
    let listing = replies.isEmpty ? #""""# : #"{"kind": "Listing", "data": {"children": [\#(replies)]}}"#
    return #"{"kind": "t1", "data": {"id": "\#(id)", "body": "\#(body)", "replies": \#(listing)}}"#
}

@Suite struct LiveThreadTests {
    @Test func moreChildrenRequestsCarryAtMostAHundredIds() {
        let ids = (0..<250).map { "c\($0)" }
        let urls = SiteAPI.standard.redditMoreChildren(link: "t3_abc", children: ids)
        #expect(urls.count == 3)
        #expect(
            urls[0].hasPrefix(
                "https://www.reddit.com/api/morechildren?api_type=json&link_id=t3_abc&children=c0,c1,c2,"))
        #expect(urls[0].hasSuffix(",c99&raw_json=1"))
        #expect(urls[1].contains("&children=c100,") && urls[1].hasSuffix(",c199&raw_json=1"))
        #expect(
            urls[2].hasSuffix(
                "&children=c200,c201,c202,c203,c204,c205,c206,c207,c208,c209,c210,c211,c212,"
                    + "c213,c214,c215,c216,c217,c218,c219,c220,c221,c222,c223,c224,c225,c226,c227,c228,c229,c230,c231,c232,"
                    + "c233,c234,c235,c236,c237,c238,c239,c240,c241,c242,c243,c244,c245,c246,c247,c248,c249&raw_json=1")
        )
    }

    @Test func moreChildrenRequestsLeaveOutIdsThatAreNotReddits() {
        let urls = SiteAPI.standard.redditMoreChildren(
            link: "t3_abc", children: ["ok1", "../x", "a&b=c", "UPPER", "", "ok2"])
        #expect(
            urls == ["https://www.reddit.com/api/morechildren?api_type=json&link_id=t3_abc&children=ok1,ok2&raw_json=1"]
        )
        #expect(SiteAPI.standard.redditMoreChildren(link: "t3_a/b", children: ["ok"]).isEmpty)
        #expect(SiteAPI.standard.redditMoreChildren(link: "t3_abc", children: []).isEmpty)
    }

    @Test func continueThisThreadIsFetchedThroughTheParentsPermalink() {
        #expect(
            SiteAPI.standard.redditComment(post: "abc", comment: "c1")
                == "https://www.reddit.com/comments/abc/_/c1.json?raw_json=1")
    }

    @Test func enterOnAStubFetchesItsRepliesInBatchesAndPutsThemInPlace() async throws {
        let children = (0..<150).map { "k\($0)" }
        let stubThing =
            #"{"kind": "more", "data": {"count": 150, "id": "k0", "parent_id": "t1_a", "children": ["#
            + children.map { "\"\($0)\"" }.joined(separator: ",") + "]}}"
        let urls = SiteAPI.standard.redditMoreChildren(link: "t3_post", children: children)
        func answer(_ ids: ArraySlice<String>) -> HTTPResponse {
            let things = ids.map {
                #"{"kind": "t1", "data": {"id": "\#($0)", "parent_id": "t1_a", "body": "reply \#($0)"}}"#
            }
            return json(#"{"json": {"errors": [], "data": {"things": [\#(things.joined(separator: ","))]}}}"#)
        }
        let transport = CannedTransport([
            "https://www.reddit.com/comments/post.json?raw_json=1": [redditThread(t1("a", "A", replies: stubThing))],
            urls[0]: [answer(children[0..<100])],
            urls[1]: [answer(children[100...])],
        ])
        let fetcher = fetcher(transport)
        let thread = try await fetcher.fetch(ThreadAddress(site: .reddit, id: "post"))
        #expect(thread.fetchableStubs == [1])
        let merge = try await fetcher.expand(stub: 1, of: thread)
        #expect(transport.requested.filter { $0.contains("morechildren") } == urls)
        #expect(merge.discussion.count == 151)
        #expect(merge.discussion.fetchableStubs.isEmpty)
        #expect(merge.newIDs.map(\.key) == children)
        #expect(merge.discussion.body(of: 1) == "reply k0")
        #expect(merge.oldToNew == [0, nil])
    }

    @Test func enterOnContinueThisThreadFetchesThePermalink() async throws {
        let more = #"{"kind": "more", "data": {"count": 0, "id": "_", "parent_id": "t1_a", "children": []}}"#
        let transport = CannedTransport([
            "https://www.reddit.com/comments/post.json?raw_json=1": [
                redditThread(t1("a", "A", replies: more) + "," + t1("b", "B"))
            ],
            "https://www.reddit.com/comments/post/_/a.json?raw_json=1": [
                redditThread(t1("a", "A", replies: t1("a1", "deep", replies: t1("a2", "deeper"))))
            ],
        ])
        let fetcher = fetcher(transport)
        let thread = try await fetcher.fetch(ThreadAddress(site: .reddit, id: "post"))
        let merge = try await fetcher.expand(stub: 1, of: thread)
        #expect(
            outline(merge.discussion) == """
                a
                  a1
                    a2
                b
                """)
        #expect(merge.newIDs.map(\.key) == ["a1", "a2"])
    }

    @Test func reloadMergesTheSecondAnswersNewComments() async throws {
        let url = "https://www.reddit.com/comments/post.json?raw_json=1"
        let transport = CannedTransport([
            url: [
                redditThread(t1("a", "A") + "," + t1("b", "B")),
                redditThread(t1("a", "A edited", replies: t1("a1", "new")) + "," + t1("b", "B")),
            ]
        ])
        let fetcher = fetcher(transport)
        let address = ThreadAddress(site: .reddit, id: "post")
        let first = try await fetcher.fetch(address)
        let merge = try await fetcher.reload(first, from: address)
        #expect(
            outline(merge.discussion) == """
                a
                  a1
                b
                """)
        #expect(merge.newIDs.map(\.key) == ["a1"])
        #expect(merge.editedCount == 1)
        #expect(merge.oldToNew == [0, 2])
    }

    @Test func aRefusedMoreChildrenAnswerIsOneClearError() async throws {
        let stub = MoreStub(link: "t3_post", parent: "t1_a", children: ["x"])
        let url = SiteAPI.standard.redditMoreChildren(link: "t3_post", children: ["x"])[0]
        let transport = CannedTransport([
            url: [json(#"{"json": {"errors": [["RATELIMIT", "slow down", "ratelimit"]]}}"#)]
        ])
        await #expect(
            throws: FetchError(url: url, kind: .unreadable("the answer holds no comments (json.data.things)"))
        ) {
            _ = try await fetcher(transport).fetch(stub: stub)
        }
    }
}
