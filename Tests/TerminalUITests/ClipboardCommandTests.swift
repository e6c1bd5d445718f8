import Glibc
import Testing
import ThreadModel

@testable import TerminalUI

/// The config's copy command: run without a shell, the text on its standard input, its outcome a
/// status line (issue 13).
@Suite struct ClipboardCommandTests {
    /// A fresh directory for a test's files.
    static func directory() throws -> String {
        var template = Array("/tmp/tread-copy-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap(mkdtemp) != nil }
        try #require(made)
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Waits for every copy to end (each is bounded by the command's timeout) and returns their lines.
    static func outcomes(_ command: ClipboardCommand) -> [String] {
        var lines: [String] = []
        while command.isBusy {
            lines += command.finished()
            usleep(5_000)
        }
        return lines + command.finished()
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            bytes += chunk[0..<n]
            if n < chunk.count { return bytes }
        }
    }

    @Test func theTextGoesToTheCommandsInputWithoutAShell() throws {
        let dir = try Self.directory()
        // `$1` would be expanded by a shell; here it is the stub's first argument, as written.
        let command = try #require(ClipboardCommand(["/bin/sh", "-c", "cat > \"$0\"", dir + "/got"]))
        let text = "**ann** · 2018\n\n> a quote; rm -rf / $(true) `x`\n" + String(repeating: "é", count: 200_000)
        #expect(command.copy(text) == nil)
        #expect(Self.outcomes(command) == ["copied \(CountText.grouped(text.utf8.count)) bytes with sh"])
        #expect(Self.read(dir + "/got") == Array(text.utf8))
    }

    @Test func aMissingProgramIsNamed() throws {
        let command = try #require(ClipboardCommand(["tread-no-such-copy-program", "--x"]))
        #expect(
            command.copy("x") == "copy command tread-no-such-copy-program not found; fix [copy] command in the config")
        #expect(!command.isBusy)
    }

    /// It ends without reading: writing the rest is EPIPE, never a SIGPIPE that would end the process
    /// (this test process does not ignore the signal, as tread does).
    @Test func aFailingCommandSaysItsStatus() throws {
        let command = try #require(ClipboardCommand(["/bin/sh", "-c", "exit 3"]))
        #expect(command.copy(String(repeating: "x", count: 1 << 20)) == nil)
        #expect(Self.outcomes(command) == ["copy command sh failed (exit status 3); nothing copied"])
    }

    /// A command that neither reads nor ends is stopped at its deadline; the reader never waited for it.
    /// (A deadline of 1 s, not 200 ms: `isBusy` is read after `copy` returns, and a test thread
    /// descheduled for the deadline on a loaded machine would find the copy over already.)
    @Test func aCommandThatHangsIsStopped() throws {
        let command = try #require(ClipboardCommand(["/bin/sleep", "30"], timeout: .seconds(1)))
        #expect(command.copy(String(repeating: "x", count: 1 << 20)) == nil)
        #expect(command.isBusy)
        #expect(Self.outcomes(command) == ["copy command sleep did not finish in 1 s; stopped it"])
    }

    /// Quitting waits for a copy still being written, so the command gets the whole text.
    @Test func finishWaitsForTheCopiesStillRunning() throws {
        let dir = try Self.directory()
        let command = try #require(ClipboardCommand(["/bin/sh", "-c", "sleep 0.2; cat > \"$0\"", dir + "/got"]))
        let text = String(repeating: "0123456789", count: 100_000)
        #expect(command.copy(text) == nil)
        command.finish(within: .seconds(10))
        #expect(!command.isBusy)
        #expect(Self.read(dir + "/got")?.count == text.utf8.count)
    }

    @Test func anEmptyCommandIsNone() {
        #expect(ClipboardCommand([]) == nil)
        #expect(ClipboardCommand([""]) == nil)
    }

    /// A copy command that stops reading before the end: the copy is cut, and said so (it said "copied
    /// 1,048,576 bytes", which it had not taken); and every count is grouped.
    @Test func aCopyCommandThatStopsReadingIsSaid() throws {
        let command = try #require(ClipboardCommand(["head", "-c", "10"]))
        #expect(command.copy(String(repeating: "x", count: 1 << 20)) == nil)
        let outcome = Self.outcomes(command)
        #expect(outcome.count == 1)
        #expect(outcome.first?.hasPrefix("copy command head stopped reading after at most ") == true)
        #expect(outcome.first?.hasSuffix(" of 1,048,576 bytes: the copy may be cut") == true)
    }
}
