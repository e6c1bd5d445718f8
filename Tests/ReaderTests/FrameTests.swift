import Reader
import Testing
import TextLayout
import ThreadTestSupport

/// The frame's cells stay whole characters when text is written over part of a wide one: an overlay's
/// border, a box or the map never leaves half of one behind, which the terminal could only draw as "�".
@Suite struct FrameTests {
    @Test func writingOverTheRightHalfOfAWideCharacterBlanksItsLeftHalf() {
        var frame = Frame.lines(["日本x"], width: 6, height: 1)
        frame.put("│", row: 0, column: 1)
        #expect(frame.plainText == " │本x")
        #expect(frame.wholeCharacters)
    }

    @Test func writingOverTheLeftHalfOfAWideCharacterBlanksItsRightHalf() {
        var frame = Frame.lines(["日本x"], width: 6, height: 1)
        frame.put("ab", row: 0, column: 1)
        #expect(frame.plainText == " ab x")
        #expect(frame.wholeCharacters)
    }

    @Test func theHelpOverATitleOfWideCharactersLeavesNoHalfOfOne() {
        var state = ReaderState(discussion: discussion(title: "🔥😆 日本語の見出し", "a: text"), rows: 12, columns: 40)
        state.press("?")
        let frame = state.render()
        #expect(frame.wholeCharacters)
        #expect(frame.plainText.hasPrefix(" ┌─ tread keys"))
    }
}

extension Frame {
    /// A frame with `lines` written from the top-left, in the plain style.
    static func lines(_ lines: [String], width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        for (row, line) in lines.enumerated() { frame.put(line, row: row, column: 0) }
        return frame
    }

    /// Whether every wide character is followed by its continuation cell and every continuation cell
    /// follows a wide character.
    var wholeCharacters: Bool {
        for row in 0..<height {
            for column in 0..<width {
                let wide = !self[row, column].isContinuation && TextWidth.of(self[row, column].text) == 2
                let continued = column + 1 < width && self[row, column + 1].isContinuation
                if wide != continued { return false }
                if self[row, column].isContinuation && column == 0 { return false }
            }
        }
        return true
    }
}
