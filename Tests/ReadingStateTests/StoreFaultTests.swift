import Foundation
import GRDB
import Testing
import ThreadModel

@testable import ReadingState

#if canImport(Glibc)
    import Glibc
#endif

/// Faults across processes, through the ReadingStateProbe executable that `swift build` puts beside the tests.
@Suite struct StoreFaultTests {
    /// The probe in the build folder this test binary runs from.
    func probe() throws -> URL {
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = binary.deletingLastPathComponent()
        // The Swift Testing runner may sit inside the .xctest bundle's folders.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("ReadingStateProbe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        Issue.record("ReadingStateProbe is not built beside \(binary.path): run `swift build` first")
        throw CancellationError()
    }

    /// The probe's thread, as the probe builds it.
    func probeThread(count: Int) throws -> Discussion {
        var builder = DiscussionBuilder(article: Article(id: "probe", title: "Probe thread", source: "Probe"))
        for index in 0..<count {
            _ = builder.add(Comment(id: .string("c\(index)"), author: "probe", body: "comment \(index)"))
        }
        return try builder.build()
    }

    @Test func killingASaveMidwayKeepsTheLastCommittedState() throws {
        let probe = try probe()
        let folder = temporaryFolder()
        let thread = try probeThread(count: 2000)
        let identity = ThreadIdentity(article: thread.article, path: nil)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<100 {
            let process = Process()
            process.executableURL = probe
            process.arguments = ["save-loop", folder]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // Wait for the first committed save, then let it run a random while more before the kill.
            var printed = Data()
            while !printed.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                printed.append(chunk)
            }
            usleep(UInt32.random(in: 0..<20_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            printed.append(output.fileHandleForReading.readDataToEndOfFile())
            let lines = String(decoding: printed, as: UTF8.self).split(separator: "\n")
            let lastReported = try #require(lines.last.flatMap { Int($0) }, "round \(round): no save reported")
            let state = try #require(try ReadingStore(directory: folder).load(identity), "round \(round)")
            // The save being made at the kill may have committed before it was reported, never half.
            let number = state.selectedRow
            #expect(number == lastReported || number == lastReported + 1, "round \(round)")
            #expect(state.seen.count == min(number, thread.count), "round \(round)")
            #expect(state.marks["m"] == thread.idHash(of: number % thread.count), "round \(round)")
            // The next round starts over, so every round kills a loop that begins at save 1.
            _ = try ReadingStore(directory: folder).forget(identity.key)
        }
    }

    @Test func twoProcessesSettingMarksAtOnceLoseNone() throws {
        let probe = try probe()
        let folder = temporaryFolder()
        let halves = ["ABCDEFGHIJKLMabcdefghijklm", "NOPQRSTUVWXYZnopqrstuvwxyz"]
        let processes = try halves.map { letters in
            let process = Process()
            process.executableURL = probe
            process.arguments = ["marks", folder, letters]
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let thread = try probeThread(count: 60)
        let state = try #require(
            try ReadingStore(directory: folder).load(ThreadIdentity(article: thread.article, path: nil)))
        #expect(String(state.marks.keys.sorted()) == String((halves[0] + halves[1]).sorted()))
        for (letter, hash) in state.marks {
            let index = Int(letter.asciiValue ?? 0) - 0x41
            #expect(hash == thread.idHash(of: index), "mark \(letter)")
        }
        #expect(state.seen.count == 52)
    }

    /// A full disk (SQLITE_FULL, on a save or on opening) is said as such: the advice was to check that the
    /// folder is writable, which it is.
    @Test func aFullDiskIsSaidAsSuch() {
        let error = ReadingStore.storeError(DatabaseError(resultCode: .SQLITE_FULL), path: "/s/state.sqlite")
        #expect(error == .unavailable(path: "/s/state.sqlite", detail: "the disk is full"))
        #expect(
            error.description
                == "cannot write the reading state in /s/state.sqlite: the disk is full; free some space on it")
    }
}
