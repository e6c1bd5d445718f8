import CNcursesw
import Glibc
import Reader
import Testing

@testable import TerminalUI

/// Real ncurses on a headless screen. ncurses is global state: every test that opens a screen is in this one serialized suite.
@Suite(.serialized) struct TerminalTests {
    @Test func drawsWideAndNarrowTextCellForCell() throws {
        try withHeadlessTerminal(rows: 6, columns: 30) { terminal in
            var frame = Frame.lines(["plain ascii", "中文 ｆｕｌｌ 한국어", "emoji 🌍 and 🎉 ok"], width: 30, height: 6)
            frame.put("bold", row: 3, column: 0, style: CellStyle(tint: .level(0), bold: true))
            frame.put("search 世界", row: 3, column: 5, style: CellStyle(tint: .highlight, underline: true))
            terminal.draw(frame)
            #expect(terminal.screenText == frame.trimmedText)
        }
    }

    @Test func styledCellsGetTheirAttributesAndColourPair() throws {
        try withHeadlessTerminal(rows: 4, columns: 20) { terminal in
            var frame = Frame(width: 20, height: 4)
            frame.put("B", row: 0, column: 0, style: CellStyle(tint: .level(1), bold: true))
            frame.put("R", row: 0, column: 1, style: CellStyle(reverse: true, underline: true))
            frame.put("M", row: 0, column: 2, style: CellStyle(tint: .muted))
            terminal.draw(frame)

            let bold = terminal.cell(row: 0, column: 0)
            #expect(bold.attributes & nc_a_bold() != 0)
            #expect(bold.pair == 2)
            let reversed = terminal.cell(row: 0, column: 1)
            #expect(reversed.attributes & (nc_a_reverse() | nc_a_underline()) == nc_a_reverse() | nc_a_underline())
            #expect(reversed.pair == 0)
            #expect(terminal.cell(row: 0, column: 2).pair == Palette.mutedPair)
        }
    }

    @Test func withoutColourThereAreNoPairs() throws {
        try withHeadlessTerminal(rows: 4, columns: 20, colors: .off) { terminal in
            var frame = Frame(width: 20, height: 4)
            frame.put("L", row: 0, column: 0, style: CellStyle(tint: .level(3)))
            frame.put("H", row: 0, column: 1, style: CellStyle(tint: .highlight))
            terminal.draw(frame)
            #expect(terminal.cell(row: 0, column: 0).pair == 0)
            #expect(terminal.cell(row: 0, column: 1).pair == 0)
            #expect(terminal.cell(row: 0, column: 1).attributes & nc_a_reverse() != 0)
        }
    }

    /// The reader's selected comment on a real screen: the header in the theme's `selection`
    /// colour and attributes, the bar in its colour (issue 13).
    @Test func theSelectionRoleDrawsTheSelectedComment() throws {
        var theme = ThemePaletteTests.theme
        theme.selection = TerminalTheme.Role(color: 3, underline: true)
        try withHeadlessTerminal(rows: 4, columns: 20, theme: theme) { terminal in
            var frame = Frame(width: 20, height: 4)
            frame.put("ann", row: 0, column: 0, style: CellStyle(tint: .author, selected: true))
            frame.put("┃", row: 1, column: 0, style: CellStyle(tint: .selection, bold: true))
            frame.put("bob", row: 2, column: 0, style: CellStyle(tint: .author))
            terminal.draw(frame)
            let header = terminal.cell(row: 0, column: 0)
            let pair = try #require(theme.pair(for: .selection))
            #expect(header.pair == pair && header.attributes & nc_a_underline() != 0)
            #expect(header.attributes & nc_a_bold() != 0, "the author role's bold stays")
            #expect(header.attributes & nc_a_reverse() == 0)
            #expect(terminal.cell(row: 1, column: 0).pair == pair)
            #expect(terminal.cell(row: 1, column: 0).attributes & nc_a_underline() == 0)
            #expect(terminal.cell(row: 2, column: 0).pair == theme.pair(for: .author))
        }
    }

    @Test func aChangedFrameLeavesNoStaleCells() throws {
        try withHeadlessTerminal(rows: 4, columns: 20) { terminal in
            terminal.draw(Frame.lines(["hello 世界 world", "🌍 wide first", "same line"], width: 20, height: 4))
            let second = Frame.lines(["help 🌍x界 wor", "a narrow first", "same line"], width: 20, height: 4)
            terminal.draw(second)
            #expect(terminal.screenText == second.trimmedText)
            let third = Frame.lines(["", "世界世界世界"], width: 20, height: 4)
            terminal.draw(third)
            #expect(terminal.screenText == third.trimmedText)
        }
    }

    @Test func aStyleChangeAloneIsRedrawn() throws {
        try withHeadlessTerminal(rows: 2, columns: 10) { terminal in
            terminal.draw(Frame.lines(["abc"], width: 10, height: 2))
            var frame = Frame.lines(["abc"], width: 10, height: 2)
            frame.restyle(row: 0, from: 1, to: 2) { $0.bold = true }
            terminal.draw(frame)
            #expect(terminal.cell(row: 0, column: 1).attributes & nc_a_bold() != 0)
            #expect(terminal.cell(row: 0, column: 0).attributes & nc_a_bold() == 0)
        }
    }

    @Test func theBottomRightCellIsDrawn() throws {
        try withHeadlessTerminal(rows: 3, columns: 5) { terminal in
            let frame = Frame.lines(["abcde", "fghij", "klmnZ"], width: 5, height: 3)
            terminal.draw(frame)
            #expect(terminal.screenText == frame.trimmedText)
        }
    }

    @Test func framesOfAnySizeAreClippedWithoutCrashing() throws {
        try withHeadlessTerminal(rows: 3, columns: 6) { terminal in
            var tiny = Frame(width: 1, height: 1)
            tiny.put("x", row: 0, column: 0)
            terminal.draw(tiny)
            #expect(terminal.screenText == "x")

            // A wide character cut by the right edge becomes a blank.
            let large = Frame.lines(["abcde世界", "row two is long", "3", "4 off screen"], width: 40, height: 10)
            terminal.draw(large)
            #expect(terminal.screenText == "abcde\nrow tw\n3")

            terminal.draw(Frame(width: 0, height: 0))
            #expect(terminal.screenText == "")
        }
        try withHeadlessTerminal(rows: 1, columns: 1) { terminal in
            terminal.draw(Frame.lines(["世"], width: 2, height: 1))
            #expect(terminal.screenText == "")
            terminal.draw(Frame.lines(["q"], width: 1, height: 1))
            #expect(terminal.screenText == "q")
        }
    }

    @Test func textNcursesWouldMisplaceIsReplaced() throws {
        try withHeadlessTerminal(rows: 2, columns: 10) { terminal in
            var frame = Frame(width: 10, height: 2)
            frame[0, 0] = Cell("\u{1B}")  // a control character that escaped sanitising: shown as ␛
            frame[0, 1] = Cell("👨‍👩‍👧")  // ncurses would give it 6 columns: drawn as its first person
            frame[0, 2] = Cell("")
            frame[0, 3] = Cell("e\u{301}")  // NFD é: one cell
            frame[0, 4] = Cell("Z" + String(repeating: "\u{336}", count: 8))  // zalgo, more marks than a cell holds
            frame[0, 5] = Cell("k")
            frame[0, 6] = Cell("n")  // the frame says wide, wcwidth says narrow
            frame[0, 7] = Cell("")
            frame[1, 0] = Cell("")  // a continuation with nothing to continue
            terminal.draw(frame)
            #expect(terminal.cell(row: 0, column: 0).text == "␛")
            #expect(terminal.cell(row: 0, column: 1).text == "👨")
            #expect(terminal.cell(row: 0, column: 2).text == "👨")  // its continuation cell reads back the same
            #expect(terminal.cell(row: 0, column: 3).text == "e\u{301}")
            let zalgo = terminal.cell(row: 0, column: 4).text.unicodeScalars
            #expect(zalgo.count == Int(CCHARW_MAX) && zalgo.first == "Z")
            #expect(terminal.cell(row: 0, column: 5).text == "k")
            #expect(terminal.cell(row: 0, column: 6).text == "\u{FFFD}")
            #expect(terminal.cell(row: 0, column: 7).text == " ")
            #expect(terminal.cell(row: 1, column: 0).text == " ")
        }
    }

    @Test func resizeIsReportedWithTheNewSize() throws {
        try withHeadlessTerminal(rows: 10, columns: 30) { terminal in
            terminal.draw(Frame.lines(["before"], width: 30, height: 10))
            resizeterm(5, 12)
            #expect(terminal.nextEvent(timeout: 0) == .resize(rows: 5, columns: 12))
            #expect(terminal.size == (5, 12))
            let after = Frame.lines(["after", "the resize"], width: 12, height: 5)
            terminal.draw(after)
            #expect(terminal.screenText == after.trimmedText)
        }
    }

    @Test(arguments: [
        (Int32(KEY_UP), Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_F0 + 1, .function(1)), (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter),
    ])
    func keyCodesReadFromInputAreDecoded(code: Int32, key: Key) throws {
        try withHeadlessTerminal { terminal in
            ungetch(code)
            #expect(terminal.nextEvent(timeout: 0) == .key(key))
        }
    }

    @Test(arguments: [
        (UInt32(0x71), Key.character("q")), (0xE9, .character("é")), (0x4E16, .character("世")),
        (0x0E, .control("n")), (0x09, .tab), (0x0D, .enter), (0x7F, .backspace), (0x1B, .escape),
    ])
    func charactersReadFromInputAreDecoded(code: UInt32, key: Key) throws {
        try withHeadlessTerminal { terminal in
            unget_wch(wchar_t(bitPattern: code))
            #expect(terminal.nextEvent(timeout: 0) == .key(key))
        }
    }

    @Test(arguments: [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END),
    ])
    func homeAndEndSequencesOfOtherTerminalsAreBound(sequence: String, code: Int32) throws {
        // Pushed-back input skips sequence matching, so ask ncurses what the sequence is bound to.
        try withHeadlessTerminal { _ in
            #expect(key_defined(sequence) == code)
        }
    }

    @Test(arguments: [("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC)])
    func pageAndDeleteSequencesAreBoundWhereTheEntryLacksThem(sequence: String, code: Int32) throws {
        // vt100's entry has no Page Up, Page Down or Delete; the terminals that take its name send these.
        try withHeadlessTerminal(type: "vt100") { _ in
            #expect(key_defined(sequence) == code)
        }
    }

    @Test(arguments: ["\u{1B}[1;5A", "\u{1B}[6~", "\u{1B}[200~", "\u{1B}OP", "\u{1B}[[A"])
    func anEscapeSequenceNcursesDoesNotKnowIsSkippedWhole(sequence: String) throws {
        // Its pieces were an Esc, which clears the filter, then keys: `[` a thread back, digits a count…
        try withHeadlessTerminal { terminal in
            push(sequence + "q")
            #expect(terminal.nextEvent(timeout: 1000) == .key(.character("q")))
        }
    }

    @Test func escapeThenALetterIsEscapeThenTheLetter() throws {
        try withHeadlessTerminal { terminal in
            push("\u{1B}j")
            #expect(terminal.nextEvent(timeout: 0) == .key(.escape))
            #expect(terminal.nextEvent(timeout: 0) == .key(.character("j")))
        }
    }

    @Test func escapeThenOAloneIsEscapeThenO() throws {
        try withHeadlessTerminal { terminal in
            push("\u{1B}O")
            #expect(terminal.nextEvent(timeout: 0) == .key(.escape))
            #expect(terminal.nextEvent(timeout: 0) == .key(.character("O")))
        }
    }

    @Test func noInputWithinTheTimeoutIsNil() throws {
        try withHeadlessTerminal { terminal in
            #expect(terminal.nextEvent(timeout: 0) == nil)
        }
    }

    @Test func aCaughtSignalIsReportedOnceAndHandlersArePutBack() throws {
        let before = disposition(of: SIGTERM)
        // Swift Testing's worker threads block SIGTERM and SIGHUP; let this one take them.
        var signals = sigset_t()
        var saved = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &signals, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try withHeadlessTerminal(handlesSignals: true) { terminal in
            #expect(disposition(of: SIGTERM) != before)
            raise(SIGTERM)
            #expect(terminal.nextEvent(timeout: 0) == .signal(SIGTERM))
            #expect(terminal.nextEvent(timeout: 0) == nil)
            raise(SIGHUP)
            #expect(terminal.nextEvent(timeout: 0) == .signal(SIGHUP))
        }
        #expect(disposition(of: SIGTERM) == before)
    }

    @Test func onlyOneTerminalIsOpenAtATime() throws {
        try withHeadlessTerminal { _ in
            #expect(throws: TerminalError.alreadyOpen) { try withHeadlessTerminal { _ in } }
        }
        try withHeadlessTerminal { _ in }  // and the first one's restore made room again
    }

    @Test func anUnknownTerminalTypeIsAnError() throws {
        let output = try #require(fopen("/dev/null", "w"))
        let input = try #require(fopen("/dev/null", "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        let before = disposition(of: SIGINT)
        #expect(throws: TerminalError.unknownTerminal("no-such-terminal")) {
            _ = try Terminal(
                type: "no-such-terminal", output: output, input: input, closesFiles: false,
                colors: .automatic, noColor: false, handlesSignals: true)
        }
        #expect(disposition(of: SIGINT) == before)
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefused() throws {
        let output = try #require(fopen("/dev/null", "w"))
        let input = try #require(fopen("/dev/null", "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        let before = disposition(of: SIGINT)
        #expect(throws: TerminalError.cannotAddressCursor("dumb")) {
            _ = try Terminal(
                type: "dumb", output: output, input: input, closesFiles: false,
                colors: .automatic, noColor: false, handlesSignals: true)
        }
        #expect(disposition(of: SIGINT) == before)
        try withHeadlessTerminal { _ in }  // and a later terminal still opens
    }

    @Test(arguments: [SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU])
    func everyTerminatingSignalIsReported(signal: Int32) throws {
        var signals = sigset_t()
        var saved = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, signal)
        pthread_sigmask(SIG_UNBLOCK, &signals, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        let before = disposition(of: signal)
        try withHeadlessTerminal(handlesSignals: true) { terminal in
            raise(signal)
            #expect(terminal.nextEvent(timeout: 0) == .signal(signal))
        }
        #expect(disposition(of: signal) == before)
    }

    @Test func restoreIsIdempotent() throws {
        let before = disposition(of: SIGINT)
        try withHeadlessTerminal(handlesSignals: true) { first in
            let installed = disposition(of: SIGINT)
            #expect(installed != before)
            first.restore()
            #expect(disposition(of: SIGINT) == before)
            // Every way out calls restore, so a second call comes late: it must not touch a terminal opened since.
            try withHeadlessTerminal(handlesSignals: true) { _ in
                first.restore()
                #expect(disposition(of: SIGINT) == installed)
            }
            #expect(disposition(of: SIGINT) == before)
        }
        #expect(disposition(of: SIGINT) == before)
    }
}

/// The address of the handler installed for `signal`, to compare before and after.
private func disposition(of signal: Int32) -> Int {
    var action = sigaction()
    sigaction(signal, nil, &action)
    return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
}

/// Queues `text` as input, first character first (ncurses reads pushed-back input last in, first out).
private func push(_ text: String) {
    for scalar in text.unicodeScalars.reversed() { unget_wch(wchar_t(bitPattern: scalar.value)) }
}
