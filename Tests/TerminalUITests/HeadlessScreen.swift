import CNcursesw
import Glibc
import Reader
import Testing

@testable import TerminalUI

/// Opens a real ncurses screen writing to /dev/null and reading from /dev/null (tig's trick),
/// runs `body`, and restores it whatever happens.
func withHeadlessTerminal(
    type: String = "xterm-256color", rows: Int32 = 24, columns: Int32 = 80, colors: ColorMode = .palette256,
    handlesSignals: Bool = false, theme: TerminalTheme? = nil, _ body: (Terminal) throws -> Void
) throws {
    setlocale(LC_ALL, "C.UTF-8")
    let output = try #require(fopen("/dev/null", "w"))
    let input = try #require(fopen("/dev/null", "r"))
    let terminal = try Terminal(
        type: type, output: output, input: input, closesFiles: true,
        colors: colors, noColor: false, handlesSignals: handlesSignals, theme: theme)
    defer { terminal.restore() }
    if rows != 24 || columns != 80 {
        resizeterm(rows, columns)
        // resizeterm queues a KEY_RESIZE; take it so tests see only their own input.
        _ = terminal.nextEvent(timeout: 0)
    }
    try body(terminal)
}

/// One screen cell as ncurses holds it.
struct ScreenCell {
    var text: String
    var attributes: attr_t
    var pair: Int16
}

extension Terminal {
    /// The cell at (row, column) of the screen ncurses holds.
    func cell(row: Int, column: Int) -> ScreenCell {
        var character = cchar_t()
        mvwin_wch(window, Int32(row), Int32(column), &character)
        var scalars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&character, &scalars, &attributes, &pair, nil)
        var text = ""
        for value in scalars.prefix(while: { $0 != 0 }) {
            text.unicodeScalars.append(Unicode.Scalar(UInt32(bitPattern: value)) ?? "?")
        }
        return ScreenCell(text: text, attributes: attributes, pair: pair)
    }

    /// The screen as text, like `Frame.plainText`: the right halves of wide characters skipped, trailing blanks trimmed.
    var screenText: String {
        let (rows, columns) = size
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            var column = 0
            while column < columns {
                let text = cell(row: row, column: column).text
                line += text
                let first = text.unicodeScalars.first.map { wcwidth(wchar_t(bitPattern: $0.value)) } ?? 1
                column += first == 2 ? 2 : 1
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

extension Frame {
    /// `plainText` without the blank lines at the bottom, to compare with a larger screen.
    var trimmedText: String {
        var lines = plainText.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// A frame with `lines` written from the top-left, in the plain style.
    static func lines(_ lines: [String], width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        for (row, line) in lines.enumerated() { frame.put(line, row: row, column: 0) }
        return frame
    }
}
