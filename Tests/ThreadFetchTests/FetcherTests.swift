import Foundation
import Testing
import ThreadModel

@testable import ThreadFetch

/// A transport answering from a table of canned responses, recording what was asked.
final class CannedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: [HTTPResponse]]
    private(set) var requested: [String] = []

    init(_ answers: [String: [HTTPResponse]]) {
        self.answers = answers
    }

    func get(_ url: String) async throws(FetchError) -> HTTPResponse {
        lock.withLock {
            requested.append(url)
            guard var queue = answers[url], !queue.isEmpty else {
                return HTTPResponse(status: 404, body: Array("{}".utf8))
            }
            let answer = queue.removeFirst()
            // The last answer repeats.
            answers[url] = queue.isEmpty ? [answer] : queue
            return answer
        }
    }
}

func json(_ text: String) -> HTTPResponse {
    HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Array(text.utf8))
}

func fetcher(_ transport: CannedTransport, retries: Int = 2) -> ThreadFetcher {
    var limits = FetchLimits()
    limits.retries = retries
    limits.longestWait = 0
    return ThreadFetcher(api: .standard, client: PoliteClient(transport: transport, limits: limits))
}

@Suite struct FetcherTests {
    @Test func hackerNewsFailsOverToTheOfficialAPIInKidsOrder() async throws {
        let transport = CannedTransport([
            "https://hn.algolia.com/api/v1/items/1": [HTTPResponse(status: 503, body: [])],
            "https://hacker-news.firebaseio.com/v0/item/1.json": [
                json(#"{"id":1,"type":"story","title":"T","by":"a","time":1,"kids":[3,2],"descendants":3}"#)
            ],
            "https://hacker-news.firebaseio.com/v0/item/2.json": [
                json(#"{"id":2,"type":"comment","by":"b","time":2,"text":"second","parent":1}"#)
            ],
            "https://hacker-news.firebaseio.com/v0/item/3.json": [
                json(#"{"id":3,"type":"comment","by":"c","time":3,"text":"first","parent":1,"kids":[4]}"#)
            ],
            "https://hacker-news.firebaseio.com/v0/item/4.json": [json("null")],
        ])
        let discussion = try await fetcher(transport, retries: 2).fetch(ThreadAddress(site: .hackerNews, id: "1"))
        #expect(discussion.article.title == "T")
        // A busy Algolia is not retried: the official API is the quicker way.
        #expect(transport.requested.filter { $0.contains("algolia") }.count == 1)
        #expect((0..<discussion.count).map { discussion.body(of: $0) } == ["first", "second"])
    }

    @Test func discourseFetchesTheRestOfTheStreamInBatches() async throws {
        let transport = CannedTransport(DiscourseTopicFixture.answers)
        let discussion = try await fetcher(transport).fetch(DiscourseTopicFixture.address)
        #expect(discussion.commentCount == 44)
        #expect(discussion.author(of: 43) == "u45")
        #expect(transport.requested.count == 1 + 3)
    }

    @Test func busyAnswersAreRetriedThenReported() async {
        let url = "https://www.reddit.com/comments/ab.json?raw_json=1"
        let busy = HTTPResponse(status: 429, headers: ["retry-after": "0"], body: [])
        let transport = CannedTransport([url: [busy]])
        await #expect(throws: FetchError(url: url, kind: .busy(status: 429, retryAfter: 0))) {
            try await fetcher(transport, retries: 2).fetch(ThreadAddress(site: .reddit, id: "ab"))
        }
        #expect(transport.requested.count == 3)
    }

    @Test func aFetchStoppedWhileWaitingToRetryAsksNoMore() async {
        let url = "https://lobste.rs/s/ab.json"
        let transport = CannedTransport([url: [HTTPResponse(status: 429, headers: ["retry-after": "0"], body: [])]])
        let client = fetcher(transport, retries: 2)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await client.result(ThreadAddress(site: .lobsters, id: "ab"))
        }
        let result = await task.value
        #expect(throws: FetchError(url: url, kind: .stopped)) { try result.get() }
        #expect(transport.requested.count == 1)
    }

    @Test func aWaitLongerThanAllowedFailsAtOnce() async {
        let url = "https://lobste.rs/s/ab.json"
        let transport = CannedTransport([url: [HTTPResponse(status: 503, headers: ["retry-after": "3600"], body: [])]])
        await #expect(throws: FetchError(url: url, kind: .busy(status: 503, retryAfter: 3600))) {
            try await fetcher(transport).fetch(ThreadAddress(site: .lobsters, id: "ab"))
        }
        #expect(transport.requested.count == 1)
    }

    @Test func aWebPageIsNotJSON() async {
        let url = "https://lobste.rs/s/ab.json"
        let page = HTTPResponse(status: 200, headers: [:], body: Array("  <html>log in</html>".utf8))
        let transport = CannedTransport([url: [page]])
        await #expect(throws: FetchError(url: url, kind: .notJSON(contentType: "no content type"))) {
            try await fetcher(transport).fetch(ThreadAddress(site: .lobsters, id: "ab"))
        }
    }

    @Test func aRefusalThatIsAWebPageIsAWebPage() async {
        let url = "https://lobste.rs/s/ab.json"
        let challenge = HTTPResponse(
            status: 403, headers: ["content-type": "text/html; charset=UTF-8", "cf-mitigated": "challenge"],
            body: Array("<!DOCTYPE html><title>Just a moment...</title>".utf8))
        await #expect(throws: FetchError(url: url, kind: .notJSON(contentType: "text/html; charset=UTF-8"))) {
            try await fetcher(CannedTransport([url: [challenge]])).fetch(ThreadAddress(site: .lobsters, id: "ab"))
        }
        // A refusal in JSON (a private subreddit) is still one.
        let refusal = HTTPResponse(
            status: 403, headers: ["content-type": "application/json"], body: Array(#"{"reason":"private"}"#.utf8))
        await #expect(throws: FetchError(url: url, kind: .forbidden(status: 403))) {
            try await fetcher(CannedTransport([url: [refusal]])).fetch(ThreadAddress(site: .lobsters, id: "ab"))
        }
        await #expect(throws: FetchError(url: url, kind: .forbidden(status: 403))) {
            try await fetcher(CannedTransport([url: [HTTPResponse(status: 403, body: [])]])).fetch(
                ThreadAddress(site: .lobsters, id: "ab"))
        }
    }

    @Test func anItemTheOfficialAPIAnswersNullForIsNoSuchItemNot404() async {
        let official = "https://hacker-news.firebaseio.com/v0/item/999999999.json"
        let transport = CannedTransport([
            "https://hn.algolia.com/api/v1/items/999999999": [HTTPResponse(status: 404, body: Array("{}".utf8))],
            official: [json("null")],
        ])
        await #expect(throws: FetchError(url: official, kind: .noSuchItem)) {
            try await fetcher(transport).fetch(ThreadAddress(site: .hackerNews, id: "999999999"))
        }
        #expect(
            FetchError(url: official, kind: .noSuchItem).description
                == "\(official): no such item (the site answered null); check the address")
    }

    @Test func aGoneThreadSaysGoneNot404() async {
        let url = "https://lobste.rs/s/ab.json"
        let transport = CannedTransport([url: [HTTPResponse(status: 410, body: Array("{}".utf8))]])
        await #expect(throws: FetchError(url: url, kind: .gone)) {
            try await fetcher(transport).fetch(ThreadAddress(site: .lobsters, id: "ab"))
        }
        #expect(FetchError(url: url, kind: .gone).description == "\(url): gone (HTTP 410); check the address")
        #expect(FetchError(url: url, kind: .gone).exitStatus == 69)
    }

    @Test func errorsNameTheAddressAndStatus() {
        let error = FetchError(url: "http://x/\u{1B}[2J", kind: .forbidden(status: 403))
        #expect(
            error.description
                == "http://x/\\u{1b}[2J: refused (HTTP 403); the thread may be private, quarantined or removed")
        #expect(error.exitStatus == 69)
        #expect(FetchError(url: "u", kind: .timedOut(seconds: 20)).exitStatus == 75)
    }
}

@Suite struct ThreadCacheTests {
    @Test func writeReplacesTheCopyWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tread-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = ThreadCache(directory: folder + "/nested/tread")
        let address = ThreadAddress(site: .hackerNews, id: "17")
        #expect(cache.read(address) == nil)
        try cache.write(Array("first".utf8), for: address)
        try cache.write(Array("second".utf8), for: address)
        let copy = try #require(cache.read(address))
        #expect(String(decoding: copy.bytes.buffer, as: UTF8.self) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/nested/tread") == ["hn-17.json"])
    }

    @Test func abandonedTemporaryFilesAreRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tread-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = ThreadCache(directory: folder)
        try cache.write(Array("first".utf8), for: ThreadAddress(site: .hackerNews, id: "1"))
        let old = folder + "/.tmp-abcdef"
        let recent = folder + "/.tmp-ghijkl"
        #expect(FileManager.default.createFile(atPath: old, contents: Data("half".utf8)))
        #expect(FileManager.default.createFile(atPath: recent, contents: Data("half".utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old)
        try cache.write(Array("second".utf8), for: ThreadAddress(site: .hackerNews, id: "2"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == [".tmp-ghijkl", "hn-1.json", "hn-2.json"])
    }

    @Test func cacheFolderFollowsXDG() {
        #expect(ThreadCache(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.directory == "/c/tread")
        #expect(ThreadCache(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.directory == "/h/.cache/tread")
        #expect(ThreadCache(environment: [:]) == nil)
    }

    @Test func agesReadAsOneUnit() {
        #expect(ThreadCache.ageText(1) == "1 second")
        #expect(ThreadCache.ageText(7300) == "2 hours")
        #expect(ThreadCache.ageText(200_000) == "2 days")
    }
}

/// An official Hacker News API whose every item has one more reply: a thread without end.
struct EndlessTransport: HTTPTransport {
    func get(_ url: String) async throws(FetchError) -> HTTPResponse {
        if url.contains("algolia") { return HTTPResponse(status: 404, body: []) }
        let id = Int(url.split(separator: "/").last?.split(separator: ".").first ?? "") ?? 0
        let kind = id == 1 ? #""type":"story","title":"T""# : #""type":"comment","text":"t""#
        return json(#"{"id":\#(id),\#(kind),"kids":[\#(id + 1)]}"#)
    }
}

/// `EndlessTransport`, 10 ms an answer.
struct SlowEndlessTransport: HTTPTransport {
    func get(_ url: String) async throws(FetchError) -> HTTPResponse {
        try? await Task.sleep(for: .milliseconds(10))
        return try await EndlessTransport().get(url)
    }
}

@Suite struct FetchBoundsTests {
    @Test func aThreadWithoutEndStopsAtTheItemLimitAndSaysSo() async throws {
        var limits = FetchLimits()
        limits.maximumItems = 50
        let fetcher = ThreadFetcher(api: .standard, client: PoliteClient(transport: EndlessTransport(), limits: limits))
        let last = LastPart()
        let result = await fetcher.result(ThreadAddress(site: .hackerNews, id: "1"), parts: { last.set($0) })
        #expect(throws: FetchError(url: "https://hacker-news.firebaseio.com/v0/item/1.json", kind: .itemLimit(50))) {
            try result.get()
        }
        // The reader keeps the 49 comments that arrived.
        #expect(try #require(last.value).count == 49)
    }

    @Test func aThreadWithoutEndStopsAtTheDeadline() async throws {
        var limits = FetchLimits()
        limits.deadline = 0.3
        let fetcher = ThreadFetcher(
            api: .standard, client: PoliteClient(transport: SlowEndlessTransport(), limits: limits))
        let result = await fetcher.result(ThreadAddress(site: .hackerNews, id: "1"))
        #expect(
            throws: FetchError(url: "https://hacker-news.firebaseio.com/v0/item/1.json", kind: .deadline(seconds: 0.3))
        ) {
            try result.get()
        }
    }

    @Test func theItemLimitComesFromTheEnvironment() {
        #expect(FetchLimits(environment: ["TREAD_FETCH_MAX_ITEMS": "250000"]).maximumItems == 250_000)
        #expect(FetchLimits(environment: ["TREAD_FETCH_MAX_ITEMS": "lots"]).maximumItems == 100_000)
    }
}

/// The newest part a fetch handed on.
final class LastPart: @unchecked Sendable {
    private let lock = NSLock()
    private var part: Discussion?

    var value: Discussion? { lock.withLock { part } }

    func set(_ discussion: Discussion) {
        lock.withLock { part = discussion }
    }
}
