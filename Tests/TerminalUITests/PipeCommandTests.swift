import Glibc
import Testing

@testable import TerminalUI

/// The pipe's command line: split by the one splitter the browser and copy commands use, never by a shell.
@Suite struct PipeCommandLineTests {
    @Test func aTypedLineIsSplitIntoWordsWithoutAShell() throws {
        let words = try PipeCommand.arguments("tee '/tmp/a file.md' \"b\\\"c\" $HOME;rm *").get()
        #expect(words == ["tee", "/tmp/a file.md", "b\"c", "$HOME;rm", "*"])
    }

    @Test func anUnclosedQuoteOrNothingIsRefusedInWords() {
        #expect(throws: PipeFailure("the command has an unclosed quote or a trailing backslash")) {
            try PipeCommand.arguments("less 'x").get()
        }
        #expect(throws: PipeFailure("no command")) { try PipeCommand.arguments("   ").get() }
    }

    @Test func theConfigsWordsAreWrittenAsALineThatSplitsBackIntoThem() throws {
        let words = ["vim", "-", "a b", "it's", "", "x\"y\\z"]
        let line = LinkOpener.commandLine(words)
        #expect(line == "vim - 'a b' 'it'\\''s' '' 'x\"y\\z'")
        #expect(try PipeCommand.arguments(line).get() == words)
        #expect(LinkOpener.commandLine(["less", "-R"]) == "less -R")
    }

    @Test func theBrowserVariableStillSaysItIsTheBrowsers() {
        #expect(throws: LinkOpener.Failure.badBrowserVariable("has an unclosed quote or a trailing backslash")) {
            try LinkOpener.command(for: "https://example.org", browser: "firefox 'x")
        }
    }
}

extension TerminalTests {
    @Test func pipeRunsTheCommandOnTheTerminalWithTheTextOnItsInput() throws {
        let directory = try ClipboardCommandTests.directory()
        defer { _ = rmdir(directory) }
        let file = directory + "/piped.md"
        defer { unlink(file) }
        try withHeadlessTerminal(rows: 4, columns: 20) { terminal in
            let line = PipeCommand.run(["sh", "-c", "cat > \"$0\"", file], text: "**ann**\n\nhi\n", on: terminal)
            #expect(line == "sh ended (exit status 0)")
            #expect(ClipboardCommandTests.read(file) == Array("**ann**\n\nhi\n".utf8))
        }
    }

    @Test func pipeSaysAFailingOrKilledCommandsStatus() throws {
        try withHeadlessTerminal(rows: 4, columns: 20) { terminal in
            #expect(PipeCommand.run(["sh", "-c", "exit 3"], text: "x", on: terminal) == "sh failed (exit status 3)")
            #expect(
                PipeCommand.run(["sh", "-c", "kill -9 $$"], text: "x", on: terminal)
                    == "sh was ended by signal 9 (SIGKILL)")
            #expect(
                PipeCommand.run(["no-such-program-tread"], text: "x", on: terminal)
                    == "no-such-program-tread: command not found; nothing piped")
        }
    }

    @Test func pipeNeverBlocksOnACommandThatReadsNothing() throws {
        // Far more than a pipe holds: the text is written beside the wait, and the writer sees the end.
        let text = String(repeating: "a long comment\n", count: 100_000)
        try withHeadlessTerminal(rows: 4, columns: 20) { terminal in
            // And it is said that the command stopped reading: nothing is cut in silence.
            let line = PipeCommand.run(["true"], text: text, on: terminal)
            #expect(line.hasPrefix("true ended (exit status 0); it stopped reading after at most "))
            #expect(line.hasSuffix(" of 1,500,000 bytes"))
        }
    }
}
