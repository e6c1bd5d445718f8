import Reader
import Testing

@testable import TerminalUI

/// OSC 8 around link numbers already drawn by ncurses (issue 13).
struct HyperlinkDrawingTests {
    static func frame(_ text: String, style: CellStyle = .plain) -> Frame {
        var frame = Frame(width: 20, height: 2)
        frame.put(text, row: 1, column: 0, style: style)
        return frame
    }

    @Test func aNumberOnScreenIsWrittenAgainInsideTheLink() {
        let link = ScreenLink(row: 1, column: 4, text: "[1]", url: "https://a.org/x")
        let sequence = Terminal.hyperlinkSequence([link], in: Self.frame("see [1]"))
        #expect(sequence == "\u{1B}7\u{1B}[2;5H\u{1B}[0m\u{1B}]8;;https://a.org/x\u{1B}\\[1]\u{1B}]8;;\u{1B}\\\u{1B}8")
    }

    @Test func nothingIsWrittenWhereTheFrameShowsSomethingElse() {
        let link = ScreenLink(row: 1, column: 4, text: "[1]", url: "https://a.org/x")
        #expect(Terminal.hyperlinkSequence([link], in: Self.frame("see [2]")).isEmpty)
        #expect(
            Terminal.hyperlinkSequence([link], in: Self.frame("see [1]", style: CellStyle(tint: .highlight))).isEmpty)
        let outside = ScreenLink(row: 5, column: 19, text: "[1]", url: "https://a.org/x")
        #expect(Terminal.hyperlinkSequence([outside], in: Self.frame("see [1]")).isEmpty)
    }

    @Test func hostileAddressesNeverReachTheTerminal() {
        for url in [
            "javascript:alert(1)", "https://a.org/\u{1B}]52;c;x",
            "https://a.org/" + String(repeating: "a", count: 100_000),
        ] {
            let link = ScreenLink(row: 1, column: 4, text: "[1]", url: url)
            #expect(Terminal.hyperlinkSequence([link], in: Self.frame("see [1]")).isEmpty)
        }
    }
}
