import Foundation
import Glibc
import Testing

@testable import TerminalUI

@Suite struct LinkSequenceTests {
    @Test func hyperlinkWrapsTextInOSC8() {
        #expect(
            Hyperlink.wrap("example.org/a", url: "https://example.org/a", id: "c12")
                == "\u{1B}]8;id=c12;https://example.org/a\u{1B}\\example.org/a\u{1B}]8;;\u{1B}\\")
    }

    @Test func hyperlinkEncodesWhatTerminalsCouldMisread() {
        #expect(Hyperlink.start("https://例.jp/a;b") == "\u{1B}]8;;https://%E4%BE%8B.jp/a%3Bb\u{1B}\\")
        #expect(Hyperlink.start("https://x.org", id: "a;b\u{1B}c") == "\u{1B}]8;id=abc;https://x.org\u{1B}\\")
    }

    @Test func hostileURLsGetNoHyperlink() {
        for url in [
            "javascript:alert(1)", "https://x.org/\u{1B}\\\u{1B}]52;c;aGk=\u{07}", "https://x.org/\n",
            "https://x.org/\u{9C}", "https://x.org/" + String(repeating: "a", count: 100_000),
        ] {
            #expect(Hyperlink.start(url) == nil)
            #expect(Hyperlink.wrap("text", url: url) == "text")
        }
        // Allowed by LinkSafety but too long for terminals: text only.
        #expect(Hyperlink.start("https://x.org/" + String(repeating: "a", count: 3000)) == nil)
    }

    @Test func clipboardSequenceIsBase64() throws {
        #expect(try ClipboardSequence.copy("hi\u{1B}") == "\u{1B}]52;c;aGkb\u{1B}\\")
        #expect(ClipboardSequence.base64(Array("a".utf8)) == "YQ==")
        #expect(ClipboardSequence.base64(Array("ab".utf8)) == "YWI=")
        #expect(ClipboardSequence.base64(Array("abc".utf8)) == "YWJj")
        #expect(ClipboardSequence.base64([]) == "")
    }

    @Test func clipboardRefusesMoreThanTheCap() {
        #expect(throws: ClipboardSequence.Failure.tooLarge(bytes: 75_001)) {
            try ClipboardSequence.copy(String(repeating: "x", count: 75_001))
        }
    }

    @Test func browserVariableIsSplitWithoutAShell() throws {
        #expect(try LinkOpener.command(for: "https://x.org", browser: nil) == ["xdg-open", "https://x.org"])
        #expect(try LinkOpener.command(for: "https://x.org", browser: "  ") == ["xdg-open", "https://x.org"])
        #expect(
            try LinkOpener.command(for: "https://x.org/$(reboot)", browser: "firefox --new-tab")
                == ["firefox", "--new-tab", "https://x.org/$(reboot)"])
        #expect(
            try LinkOpener.command(for: "https://x.org", browser: #"'/opt/My Browser/run' "a b" c\ d;e"#)
                == ["/opt/My Browser/run", "a b", "c d;e", "https://x.org"])
        #expect(throws: LinkOpener.Failure.self) { try LinkOpener.command(for: "https://x.org", browser: "'open") }
    }

    @Test func openerRefusesHostileLinks() {
        for url in ["javascript:alert(1)", "file:///etc/passwd", "https://x.org/\u{1B}[2J", "https://x.org/a\nb"] {
            #expect(throws: LinkOpener.Failure.self) { try LinkOpener.command(for: url, browser: "echo") }
        }
    }

    @Test func openerRunsTheBrowserWithTheURLAsItsOneArgument() throws {
        let directory = "/tmp/tread-opener-\(getpid())"
        mkdir(directory, 0o700)
        let script = directory + "/browser"
        let record = directory + "/args"
        let text =
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \(record).tmp\nmv \(record).tmp \(record)\n"
        let file = fopen(script, "w")
        fputs(text, file)
        fclose(file)
        chmod(script, 0o700)
        defer {
            unlink(script)
            unlink(record)
            rmdir(directory)
        }
        try LinkOpener.open("https://x.org/a?q=$(id)&x=`y`;z", environment: "\(script) --flag")
        // The child is detached: wait for its file, up to 10 s, only so that a slow machine passes.
        var waited = 0
        while access(record, F_OK) != 0 && waited < 1000 {
            usleep(10_000)
            waited += 1
        }
        let content = try String(contentsOfFile: record, encoding: .utf8)
        #expect(content == "--flag\nhttps://x.org/a?q=$(id)&x=`y`;z\n")
    }
}
