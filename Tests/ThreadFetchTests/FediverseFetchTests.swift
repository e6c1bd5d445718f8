import Foundation
import Testing
import ThreadModel

@testable import ThreadFetch

/// Mastodon, Lemmy and Bluesky addresses, the requests they make, and how their faults read.
@Suite struct FediverseFetchTests {
    static let server = WebAddress("https://m.example")!

    @Test func mastodonAddressForms() {
        let expected = ThreadAddress(site: .mastodon, id: "110", forum: Self.server, comment: "110")
        for text in [
            "https://m.example/@ann/110", "https://m.example/@ann@other.example/110",
            "https://m.example/web/statuses/110",
            "https://m.example/users/ann/statuses/110", "https://M.EXAMPLE/@ann/110?x=1#y",
        ] {
            #expect(ThreadAddress(text) == expected, "\(text)")
        }
        let loopback = ThreadAddress("http://127.0.0.1:8080/@ann/110")
        #expect(loopback?.forum?.origin == "http://127.0.0.1:8080")
        #expect(loopback?.cacheName == "mastodon-127.0.0.1_8080-110.json")
    }

    @Test func lemmyAndBlueskyAddressForms() {
        let lemmy = WebAddress("https://l.example")!
        #expect(ThreadAddress("https://l.example/post/42") == ThreadAddress(site: .lemmy, id: "42", forum: lemmy))
        #expect(
            ThreadAddress("https://l.example/comment/7")
                == ThreadAddress(site: .lemmy, id: "7", forum: lemmy, comment: "7"))
        #expect(
            ThreadAddress("https://bsky.app/profile/Ann.bsky.social/post/3k7rmyigapw2y")
                == ThreadAddress(site: .bluesky, id: "3k7rmyigapw2y", actor: "ann.bsky.social"))
        let did = ThreadAddress("https://bsky.app/profile/did:plc:abc234/post/3k7")
        #expect(did?.actor == "did:plc:abc234")
        #expect(did?.cacheName == "bluesky-did_plc_abc234-3k7.json")
    }

    @Test func addressesWithOddPartsAreRefused() {
        for text in [
            "https://m.example/@ann/1%2F2", "https://m.example/@ann/", "https://m.example/@a@b@c/1",
            "https://m.example/@ann/110/extra", "https://l.example/post/4a", "https://l.example/post/..",
            "https://bsky.app/profile/ann/post/3k", "https://bsky.app/profile/did:plc:a%2Fb/post/3k",
            "https://bsky.app/profile/ann.bsky.social/post/..", "https://bsky.app/profile/ann.bsky.social",
        ] {
            #expect(ThreadAddress(text) == nil, "\(text)")
        }
    }

    @Test func mastodonAsksForTheStatusAndItsContext() async throws {
        let status = #"{"id": "110", "content": "<p>root</p>", "account": {"acct": "ann"}}"#
        let transport = CannedTransport([
            "https://m.example/api/v1/statuses/110": [json(status)],
            "https://m.example/api/v1/statuses/110/context": [
                json(
                    #"{"ancestors": [], "descendants": [{"id": "111", "in_reply_to_id": "110", "content": "<p>hi</p>"}]}"#
                )
            ],
        ])
        let address = try #require(ThreadAddress("https://m.example/@ann/110"))
        let discussion = try await fetcher(transport).fetch(address)
        #expect(discussion.article.body == ["root"])
        #expect(discussion.body(of: 0) == "hi")
    }

    @Test func mastodonPrivateStatusIsOneClearRefusal() async throws {
        let transport = CannedTransport([
            "https://m.example/api/v1/statuses/110": [HTTPResponse(status: 401, body: Array(#"{"error":"no"}"#.utf8))]
        ])
        let address = try #require(ThreadAddress("https://m.example/@ann/110"))
        let error = await #expect(throws: FetchError.self) { try await fetcher(transport).fetch(address) }
        #expect(error?.kind == .forbidden(status: 401))
        #expect(error?.exitStatus == 69)
    }

    @Test func answerThatIsNotOneObjectIsRefusedBeforeSplicing() async throws {
        // A status answer that would close the assembled object early and add its own context.
        let transport = CannedTransport([
            "https://m.example/api/v1/statuses/110": [json(#"{"id": "110"}, "context": {"descendants": []}"#)],
            "https://m.example/api/v1/statuses/110/context": [json("{}")],
        ])
        let address = try #require(ThreadAddress("https://m.example/@ann/110"))
        let error = await #expect(throws: FetchError.self) { try await fetcher(transport).fetch(address) }
        #expect(error?.description.contains("not one JSON object") == true)
    }

    @Test func lemmyCommentAddressFindsItsPostAndReadsEveryPage() async throws {
        func comment(_ id: Int, _ path: String) -> String {
            #"{"comment": {"id": \#(id), "path": "\#(path)", "content": "c\#(id)"}, "creator": {"name": "u"}}"#
        }
        let list = "https://l.example/api/v3/comment/list?post_id=42&max_depth=8&type_=All&limit=50&page="
        let transport = CannedTransport([
            "https://l.example/api/v3/comment?id=7": [
                json(#"{"comment_view": {"comment": {"id": 7, "post_id": 42}}}"#)
            ],
            "https://l.example/api/v3/post?id=42": [
                json(#"{"post_view": {"post": {"id": 42, "name": "P"}, "counts": {"comments": 3}}}"#)
            ],
            list + "1": [json(#"{"comments": [\#(comment(7, "0.7")), \#(comment(8, "0.7.8"))]}"#)],
            // Lemmy repeats what a tree page already sent: it is left out, not counted twice.
            list + "2": [json(#"{"comments": [\#(comment(8, "0.7.8")), \#(comment(9, "0.9"))]}"#)],
            list + "3": [json(#"{"comments": []}"#)],
        ])
        let address = try #require(ThreadAddress("https://l.example/comment/7"))
        let discussion = try await fetcher(transport).fetch(address)
        #expect(discussion.article.title == "P")
        #expect(discussion.commentCount == 3)
        #expect(discussion.notes.isEmpty)
        #expect(transport.requested.last == list + "3")
    }

    /// Pages stop at the item limit as every fetch in many answers does: an item-limit error, with what
    /// arrived handed to the reader as a part; the last page read to its end says nothing.
    @Test func lemmyPagingStoppedByTheItemLimitSaysSo() async throws {
        func page(_ ids: ClosedRange<Int>) -> HTTPResponse {
            let items = ids.map { #"{"comment": {"id": \#($0), "path": "0.\#($0)", "content": "c"}}"# }
            return json(#"{"comments": [\#(items.joined(separator: ", "))]}"#)
        }
        let list = "https://l.example/api/v3/comment/list?post_id=42&max_depth=8&type_=All&limit=50&page="
        let answers: [String: [HTTPResponse]] = [
            "https://l.example/api/v3/post?id=42": [
                json(#"{"post_view": {"post": {"id": 42, "name": "P"}, "counts": {"comments": 9}}}"#)
            ],
            list + "1": [page(1...3)], list + "2": [page(4...6)], list + "3": [page(7...9)],
            list + "4": [json(#"{"comments": []}"#)],
        ]
        var limits = FetchLimits()
        limits.maximumItems = 5
        let transport = CannedTransport(answers)
        let limited = ThreadFetcher(api: .standard, client: PoliteClient(transport: transport, limits: limits))
        let address = try #require(ThreadAddress("https://l.example/post/42"))
        let last = LastPart()
        let result = await limited.result(address, parts: { last.set($0) })
        #expect(throws: FetchError(url: "https://l.example/api/v3/post?id=42", kind: .itemLimit(5))) {
            try result.get()
        }
        #expect(try #require(last.value).commentCount == 6)
        #expect(transport.requested.last == list + "2")
        let whole = try await fetcher(CannedTransport(answers)).fetch(address)
        #expect(whole.commentCount == 9)
        #expect(whole.notes.isEmpty)
    }

    @Test func lemmyFederationErrorSaysWhatTheSiteSaid() async throws {
        let transport = CannedTransport([
            "https://l.example/api/v3/post?id=42": [
                HTTPResponse(status: 400, body: Array("{\"error\":\"federation_disabled\u{1b}[2J\"}".utf8))
            ]
        ])
        let address = try #require(ThreadAddress("https://l.example/post/42"))
        let error = await #expect(throws: FetchError.self) { try await fetcher(transport).fetch(address) }
        let line = error?.description ?? ""
        #expect(line.hasSuffix("the site refused (HTTP 400): federation_disabled\\u{1b}[2J"))
        #expect(!line.contains("\u{1b}"))
    }

    @Test func blueskyResolvesTheHandleThenAsksForTheWholeThread() async throws {
        let api = SiteAPI.standard
        let thread = api.blueskyThread(did: "did:plc:abc", post: "3k7")
        #expect(
            thread
                == "https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fdid%3Aplc%3Aabc%2Fapp.bsky.feed.post%2F3k7&depth=1000&parentHeight=1000"
        )
        let transport = CannedTransport([
            "https://public.api.bsky.app/xrpc/com.atproto.identity.resolveHandle?handle=ann.test": [
                json(#"{"did": "did:plc:abc"}"#)
            ],
            thread: [
                json(
                    #"{"thread": {"post": {"uri": "at://did:plc:abc/app.bsky.feed.post/3k7", "record": {"text": "hi"}}}}"#
                )
            ],
        ])
        let address = try #require(ThreadAddress("https://bsky.app/profile/ann.test/post/3k7"))
        let discussion = try await fetcher(transport).fetch(address)
        #expect(discussion.article.body == ["hi"])
    }

    @Test func blueskyHandleThatResolvesToSomethingOddStops() async throws {
        let transport = CannedTransport([
            "https://public.api.bsky.app/xrpc/com.atproto.identity.resolveHandle?handle=ann.test": [
                json(#"{"did": "did:plc:abc/../../x"}"#)
            ]
        ])
        let address = try #require(ThreadAddress("https://bsky.app/profile/ann.test/post/3k7"))
        let error = await #expect(throws: FetchError.self) { try await fetcher(transport).fetch(address) }
        #expect(error?.description.contains("did not resolve to a DID") == true)
        #expect(transport.requested.count == 1)
    }

    @Test func blueskyBaseComesFromTheEnvironment() throws {
        let api = try SiteAPI(environment: ["TREAD_BSKY_API": "http://127.0.0.1:9/bsky"])
        #expect(
            api.blueskyThread(did: "did:plc:a", post: "b").hasPrefix(
                "http://127.0.0.1:9/bsky/app.bsky.feed.getPostThread?"))
        #expect(throws: SiteAPIError.self) { try SiteAPI(environment: ["TREAD_BSKY_API": "ftp://x"]) }
    }
}

/// Collects the parts a fetch sends.
private final class FirstParts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int] = []
    func add(_ part: Discussion) { lock.withLock { counts.append(part.commentCount) } }
    var all: [Int] { lock.withLock { counts } }
}

@Suite struct FediversePartsTests {
    @Test func longMastodonConversationSendsItsFirstRepliesFirst() async throws {
        let replies = (2...151).map { #"{"id": "\#($0)", "in_reply_to_id": "1", "content": "<p>r</p>"}"# }
        let transport = CannedTransport([
            "https://m.example/api/v1/statuses/1": [json(#"{"id": "1", "content": "<p>root</p>"}"#)],
            "https://m.example/api/v1/statuses/1/context": [
                json(#"{"ancestors": [], "descendants": [\#(replies.joined(separator: ","))]}"#)
            ],
        ])
        let log = FirstParts()
        let whole = try await fetcher(transport).fetch(
            try #require(ThreadAddress("https://m.example/@a/1")), parts: { log.add($0) })
        #expect(log.all == [ThreadFetcher.firstReplies])
        #expect(whole.commentCount == 150)
    }

    @Test func shortBlueskyThreadIsOnePart() async throws {
        let thread = SiteAPI.standard.blueskyThread(did: "did:plc:a", post: "1")
        let transport = CannedTransport([
            thread: [json(#"{"thread": {"post": {"uri": "at://did:plc:a/app.bsky.feed.post/1"}, "replies": []}}"#)]
        ])
        let log = FirstParts()
        _ = try await fetcher(transport).fetch(
            try #require(ThreadAddress("https://bsky.app/profile/did:plc:a/post/1")), parts: { log.add($0) })
        #expect(log.all.isEmpty)
    }
}

@Suite struct BlueskyStubTests {
    static let root = "at://did:plc:a/app.bsky.feed.post/1"

    @Test func repliesNotSentAreAFetchableStubThatEnterPutsInPlace() async throws {
        let saved =
            #"{"thread": {"post": {"uri": "\#(Self.root)", "record": {"text": "root"}}, "replies": ["#
            + #"{"post": {"uri": "at://did:plc:b/app.bsky.feed.post/2", "record": {"text": "r"}, "replyCount": 2}}]}}"#
        let discussion = try Discussion.load(DocumentBytes(Array(saved.utf8)))
        let stub = try #require(discussion.fetchableStubs.first)
        let more = try #require(discussion.more(of: stub))
        #expect(more.site == "bluesky" && more.link == "at://did:plc:b/app.bsky.feed.post/2" && more.count == 2)
        let url =
            "https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fdid%3Aplc%3Ab%2Fapp.bsky.feed.post%2F2&depth=1000&parentHeight=0"
        let replies = (3...4).map {
            #"{"post": {"uri": "at://did:plc:c/app.bsky.feed.post/\#($0)", "record": {"text": "deep"}}}"#
        }
        let transport = CannedTransport([
            url: [
                json(
                    #"{"thread": {"post": {"uri": "\#(more.link)", "record": {"text": "r"}}, "replies": [\#(replies.joined(separator: ","))]}}"#
                )
            ]
        ])
        let merge = try await fetcher(transport).expand(stub: stub, of: discussion)
        #expect(merge.discussion.commentCount == 3)
        #expect(merge.discussion.fetchableStubs.isEmpty)
        #expect(FediverseFetchTests.depths(merge.discussion) == [1, 2, 2])
    }

    @Test func stubWithAnAddressThatIsNotAPostIsAPlainLine() {
        #expect(MoreStub.bluesky(post: "at://did:plc:a/app.bsky.feed.post/../x", count: 1) == nil)
        #expect(MoreStub.bluesky(post: "https://bsky.app/profile/a/post/1", count: 1) == nil)
        #expect(
            MoreStub.parse(#"{"site": "bluesky", "link": "at://did:plc:a/app.bsky.feed.post/1", "parent": "x"}"#) == nil
        )
    }
}

extension FediverseFetchTests {
    /// Each entry's depth, top level 1.
    static func depths(_ discussion: Discussion) -> [Int] {
        var depth: [Int] = []
        for index in 0..<discussion.count { depth.append(discussion.parent(of: index).map { depth[$0] + 1 } ?? 1) }
        return depth
    }
}
