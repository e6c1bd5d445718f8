import Foundation
import SiteFormats
import Testing
import ThreadModel
import ThreadTestSupport

@testable import ThreadFetch

/// An official-API item: a story when `parent` is nil.
private func item(_ id: Int64, parent: Int64? = nil, kids: [Int64] = []) -> [UInt8] {
    let kidList = kids.map(String.init).joined(separator: ",")
    guard let parent else {
        return Array(#"{"id":\#(id),"type":"story","title":"T","by":"op","time":1,"kids":[\#(kidList)]}"#.utf8)
    }
    return Array(
        #"{"id":\#(id),"type":"comment","by":"u\#(id)","time":2,"text":"c\#(id)","parent":\#(parent),"kids":[\#(kidList)]}"#
            .utf8)
}

/// The part's comments as ids, indented by depth.
private func shape(_ assembly: HackerNewsAssembly) throws -> String {
    let discussion = try Discussion.load(DocumentBytes(assembly.document()), format: .hackerNewsItems)
    return outline(discussion)
}

/// Collects the parts a fetch sends.
private final class PartLog: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [Discussion] = []
    func add(_ part: Discussion) { lock.withLock { parts.append(part) } }
    var all: [Discussion] { lock.withLock { parts } }
}

@Suite struct PartsTests {
    @Test func aCommentWhoseParentHasNotArrivedIsNeverShown() throws {
        var assembly = HackerNewsAssembly(story: item(1, kids: [2, 3]), kids: [2, 3])
        assembly.add(item(4, parent: 2), id: 4, kids: [])
        assembly.add(item(3, parent: 1), id: 3, kids: [])
        #expect(try shape(assembly) == "3")
        #expect(assembly.comments == 1)
        #expect(assembly.arrived == 3)
        assembly.add(item(2, parent: 1, kids: [4]), id: 2, kids: [4])
        #expect(
            try shape(assembly) == """
                2
                  4
                3
                """)
    }

    @Test func rankOrderFromKidsHoldsInEveryPartAndAfterTheMerge() throws {
        var assembly = HackerNewsAssembly(story: item(1, kids: [5, 4, 3]), kids: [5, 4, 3])
        assembly.add(item(3, parent: 1), id: 3, kids: [])
        assembly.add(item(5, parent: 1), id: 5, kids: [])
        let first = try Discussion.load(DocumentBytes(assembly.document()), format: .hackerNewsItems)
        #expect(outline(first) == "5\n3")
        assembly.add(item(4, parent: 1), id: 4, kids: [])
        let second = try Discussion.load(DocumentBytes(assembly.document()), format: .hackerNewsItems)
        let merged = try first.merging(reload: second)
        #expect(outline(merged.discussion) == "5\n4\n3")
        #expect(merged.newIDs.map(\.key) == ["4"])
        #expect(merged.oldToNew == [0, 2])
    }

    @Test func aLongChainArrivingBackwardsJoinsWithoutRecursion() {
        let depth: Int64 = 100_000
        var assembly = HackerNewsAssembly(story: item(0, kids: [1]), kids: [1])
        for id in stride(from: depth, through: 2, by: -1) {
            assembly.add([], id: id, kids: id < depth ? [id + 1] : [])
        }
        #expect(assembly.comments == 0)
        assembly.add([], id: 1, kids: [2])
        #expect(assembly.comments == Int(depth))
    }

    @Test func theOfficialAPISendsTheFirstThreadsAsAPartThenTheWhole() async throws {
        var answers: [String: [HTTPResponse]] = [
            "https://hn.algolia.com/api/v1/items/1": [HTTPResponse(status: 404, body: [])],
            "https://hacker-news.firebaseio.com/v0/item/1.json": [
                json(String(decoding: item(1, kids: [2, 3]), as: UTF8.self))
            ],
        ]
        for (id, parent, kids) in [(2, 1, [4]), (3, 1, []), (4, 2, [5]), (5, 4, [])] as [(Int64, Int64, [Int64])] {
            answers["https://hacker-news.firebaseio.com/v0/item/\(id).json"] = [
                json(String(decoding: item(id, parent: parent, kids: kids), as: UTF8.self))
            ]
        }
        let log = PartLog()
        let whole = try await fetcher(CannedTransport(answers)).fetch(
            ThreadAddress(site: .hackerNews, id: "1"), parts: { log.add($0) })
        #expect(outline(whole) == "2\n  4\n    5\n3")
        let first = try #require(log.all.first)
        #expect(first.article.title == "T")
        // Every part holds the one before and is a part of the whole, in its order; which items a part
        // holds depends on when they answered, so only that is checked.
        let counts = log.all.map(\.commentCount)
        #expect(counts == counts.sorted())
        for part in log.all {
            let keys = (0..<part.count).compactMap { part.id(of: $0)?.key }
            let wholeKeys = (0..<whole.count).compactMap { whole.id(of: $0)?.key }
            #expect(wholeKeys.filter(keys.contains) == keys)
        }
    }

    @Test func discourseSendsItsFirstPageAsTheFirstPart() async throws {
        let log = PartLog()
        let whole = try await fetcher(CannedTransport(DiscourseTopicFixture.answers)).fetch(
            DiscourseTopicFixture.address, parts: { log.add($0) })
        #expect(whole.commentCount == 44)
        #expect(log.all.first?.commentCount == 2)
    }

    @Test func progressCountsItemsOfTheTotal() async throws {
        let answers: [String: [HTTPResponse]] = [
            "https://hn.algolia.com/api/v1/items/1": [HTTPResponse(status: 404, body: [])],
            "https://hacker-news.firebaseio.com/v0/item/1.json": [
                json(#"{"id":1,"type":"story","title":"T","kids":[2],"descendants":1}"#)
            ],
            "https://hacker-news.firebaseio.com/v0/item/2.json": [
                json(#"{"id":2,"type":"comment","text":"x","parent":1}"#)
            ],
        ]
        let log = ProgressLog()
        _ = try await fetcher(CannedTransport(answers)).fetch(
            ThreadAddress(site: .hackerNews, id: "1"), progress: { log.add($0) })
        #expect(log.all.last == "fetching 1 of 1 comment")
    }
}

/// Collects progress reports as the status line says them.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [String] = []
    func add(_ progress: FetchProgress) { lock.withLock { reports.append(progress.text) } }
    var all: [String] { lock.withLock { reports } }
}

extension PartsTests {
    @Test func algoliaSendsItsFirstThreadsBeforeReadingTheWholeTree() async throws {
        let threads = (1...12).map {
            #"{"id":\#($0 + 1),"type":"comment","author":"u","text":"t\#($0)","children":[]}"#
        }
        let body = #"{"id":1,"type":"story","title":"T","children":[\#(threads.joined(separator: ","))],"points":3}"#
        let transport = CannedTransport(["https://hn.algolia.com/api/v1/items/1": [json(body)]])
        let log = PartLog()
        let whole = try await fetcher(transport).fetch(
            ThreadAddress(site: .hackerNews, id: "1"), parts: { log.add($0) })
        #expect(whole.commentCount == 12)
        let first = try #require(log.all.first)
        #expect(log.all.count == 1)
        #expect((0..<first.count).map { first.body(of: $0) } == (1...10).map { "t\($0)" })
        #expect(first.article.title == "T")
    }

    @Test func aSmallAlgoliaTreeHasNoFirstPart() {
        let body = Array(#"{"id":1,"children":[{"id":2,"children":[]}]}"#.utf8)
        #expect(ThreadFetcher.firstThreads(ofAlgolia: body) == nil)
        #expect(ThreadFetcher.firstThreads(ofAlgolia: Array("null".utf8)) == nil)
    }
}
