import Foundation
import Testing
import TextLayout
import ThreadModel
import ThreadTestSupport

@testable import Reader

/// Bug 9: a long status message keeps its reason and its advice at 80 columns, and every message of
/// the session can be read whole in the messages overlay (`ctrl-g`).
@Suite struct MessageLogTests {
    private static let long =
        "reload failed: the site is busy (HTTP 500); try again later · https://news.ycombinator.com/item?id=41234567"

    @Test func aLongMessageKeepsItsReasonAndAdviceAt80Columns() {
        var state = ReaderState(discussion: discussion("ann: hello"), rows: 10, columns: 80)
        state.message = Self.long
        let status = state.statusText
        #expect(status.contains("reload failed: the site is busy (HTTP 500); try again later"), "\(status)")
        #expect(status.contains("1/1 · 100%"), "the position stays, shortened: \(status)")
    }

    @Test func aMessageWithoutAnAddressIsCutInTheMiddle() {
        let text = "reason first " + String(repeating: "x", count: 100) + " advice last"
        let cut = ReaderState.shortened(text, width: 40)
        #expect(cut.hasPrefix("reason first"))
        #expect(cut.hasSuffix("advice last"))
        #expect(TextWidth.of(cut) <= 40)
    }

    @Test func ctrlGShowsTheSessionsMessagesInFull() {
        var state = ReaderState(discussion: discussion("ann: hello\nbob: world"), rows: 20, columns: 80)
        state.message = "first message"
        state.message = Self.long
        _ = state.press("j")
        _ = state.update(.key(.control("g")))
        #expect(state.mode == .help)
        let screen = state.render().plainText
        #expect(screen.contains("messages"))
        #expect(screen.contains("first message"))
        #expect(screen.contains("later"))
        #expect(screen.contains("41234567"))
        _ = state.update(.key(.character("x")))
        #expect(state.mode == .reading)
    }
}

/// Bug 12: at 40 columns the status line keeps the position: the help goes first.
@Suite struct NarrowStatusTests {
    @Test func at40ColumnsThePositionStays() {
        let outline = (1...1_200).map { "c\($0): x" }.joined(separator: "\n")
        var state = ReaderState(discussion: discussion(outline), rows: 10, columns: 40)
        _ = state.apply(.bottom)
        let status = state.statusText
        #expect(status.contains("1,200/1,200 · 100%"), "\(status)")
    }
}

/// Bug 12: at 100 columns the help overlay wraps a long description instead of cutting it.
@Suite struct HelpWidthTests {
    @Test func at100ColumnsNoDescriptionIsCut() throws {
        var state = ReaderState(discussion: discussion("ann: hello"), rows: 50, columns: 100)
        _ = state.press("?")
        #expect(state.mode == .help)
        let shown = state.render().plainText.replacingOccurrences(of: "│", with: " ")
        let words = shown.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        for entry in state.helpEntries {
            let last = try #require(entry.help.split(separator: " ").last.map(String.init))
            let whole = words.contains(last)
            #expect(whole, "“\(entry.help)” is cut")
        }
    }
}
