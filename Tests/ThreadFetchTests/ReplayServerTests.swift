import Foundation
import Testing
import ThreadModel

@testable import ThreadFetch

/// `Tests/EndToEnd/replay_server.py` on a free loopback port, replaying `Tests/Fixtures`; stopped when dropped.
final class ReplayServer {
    let process = Process()
    let base: String
    private let folder: URL

    init() async throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tread-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let portFile = folder.appendingPathComponent("port")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", tests.appendingPathComponent("EndToEnd/replay_server.py").path,
            tests.appendingPathComponent("Fixtures").path, portFile.path,
        ]
        // Not the test's own output: a server left behind would keep `swift test`'s pipe open.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var port: String?
        // Waiting for the server to listen, not timing the code under test.
        for _ in 0..<300 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), !text.isEmpty {
                port = text
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard let port else { throw ReplayServerError() }
        base = "http://127.0.0.1:\(port)"
    }

    deinit {
        // SIGKILL: a child of the test process may have SIGTERM blocked.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A fetcher whose Reddit API is the server's, behind `fault` when given.
    func fetcher(fault: String? = nil) throws -> ThreadFetcher {
        var api = SiteAPI.standard
        api.reddit = try #require(WebAddress(base + (fault.map { "/fault/\($0)" } ?? "") + "/reddit"))
        let limits = FetchLimits()
        let transport = URLSessionTransport(limits: limits, userAgent: "tread-tests")
        return ThreadFetcher(api: api, client: PoliteClient(transport: transport, limits: limits))
    }
}

struct ReplayServerError: Error, CustomStringConvertible {
    var description: String { "replay_server.py did not start (is python3 installed?)" }
}

/// The recorded morechildren answer's comments, the ones the trimmed thread lacks.
let recordedMoreChildren: Set<String> = ["cu5tt8h", "cu5v9yd", "cu5twf5", "cu5tead", "cu5oufs", "cu5pbdh", "cu5rxpy"]

@Suite(.serialized) struct ReplayServerTests {
    @Test func reloadFindsTheCommentsTheSecondAnswerAdded() async throws {
        let server = try await ReplayServer()
        // `grow`: the thread without seven comments the first time, whole the second.
        let fetcher = try server.fetcher(fault: "grow")
        let address = ThreadAddress(site: .reddit, id: "3hahrw")
        let first = try await fetcher.fetch(address)
        #expect(first.commentCount == 463)
        let merge = try await fetcher.reload(first, from: address)
        #expect(merge.discussion.commentCount == 470)
        #expect(Set(merge.newIDs.map(\.key)) == recordedMoreChildren)
        // Every old comment is still there, under the same id.
        for i in 0..<first.count where !first.isPlaceholder(i) {
            let moved = try #require(merge.oldToNew[i])
            #expect(merge.discussion.id(of: moved) == first.id(of: i))
        }
        // The stub that stood for them is gone (the thread's other stubs stay).
        #expect(
            !merge.discussion.fetchableStubs.contains {
                merge.discussion.more(of: $0)?.children.contains("cu5tt8h") == true
            })
        #expect(merge.discussion.fetchableStubs.count == first.fetchableStubs.count - 1)
    }

    @Test func enterOnAStubFetchesTheRecordedMoreChildrenAnswer() async throws {
        let server = try await ReplayServer()
        let fetcher = try server.fetcher(fault: "trimmed")
        let thread = try await fetcher.fetch(ThreadAddress(site: .reddit, id: "3hahrw"))
        let stub = try #require(thread.fetchableStubs.last)
        #expect(thread.more(of: stub)?.children.count == 9)
        let merge = try await fetcher.expand(stub: stub, of: thread)
        #expect(Set(merge.newIDs.map(\.key)) == recordedMoreChildren)
        #expect(merge.discussion.commentCount == 470)
        // In the recorded answer's order, at the top level where the stub was.
        let placed = (0..<merge.discussion.count).filter { merge.discussion.parent(of: $0) == nil }.suffix(7)
        #expect(
            placed.compactMap { merge.discussion.id(of: $0)?.key }
                == ["cu5tead", "cu5tt8h", "cu5v9yd", "cu5twf5", "cu5oufs", "cu5pbdh", "cu5rxpy"])
    }
}
