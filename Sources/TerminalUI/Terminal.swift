import CNcursesw
import Glibc
import Reader

/// The terminal, through ncurses: the only place that starts, draws to, reads from and restores it.
///
/// Every method must be called on the main thread; ncurses is not thread-safe.
public final class Terminal {
    let window: UnsafeMutablePointer<WINDOW>
    let palette: Palette
    private let screen: OpaquePointer
    private let files: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)
    private let closesFiles: Bool
    /// Whether the input is a file `init` opened (/dev/tty), to close on restore.
    private let closesInput: Bool
    private let handlesSignals: Bool
    private var isRestored = false

    /// Whether `emitHyperlinks` writes OSC 8 (config: `hyperlinks = false` turns it off).
    public var hyperlinks = true
    /// The frame on the screen now, to draw only what changes; nil forces a full redraw.
    var lastFrame: Frame?
    /// Scratch space for one cell's scalars (NUL-terminated), reused to avoid allocating per cell.
    var cellScalars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
    #if DEBUG
        /// TREAD_DEBUG_CRASH=draw: crash in the middle of `draw`, to test that a crash restores the terminal.
        let crashesInDraw: Bool
    #endif

    /// Opens the terminal on standard output, with keys from standard input or, when that is not
    /// a terminal (`tread -` reads the document from it), from /dev/tty, as `less` does.
    ///
    /// Sets the locale (the user's, or C.UTF-8 when that isn't UTF-8), opens the screen
    /// with `newterm` (so an unknown TERM is an error, not an exit), reads keys unbuffered
    /// with no echo, hides the cursor, starts colours and the mouse, and installs the
    /// signal handlers. Standard error is held back until `restore` (or a crash) and then
    /// written out, so messages are not lost with the alternate screen.
    ///
    /// `theme` colours the screen by role (nil: tread's built-in look); without `mouse` the
    /// terminal keeps its own selection and clicks.
    public convenience init(colors: ColorMode = .automatic, theme: TerminalTheme? = nil, mouse: Bool = true) throws {
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard let type = getenv("TERM").map({ String(cString: $0) }), !type.isEmpty else {
            throw TerminalError.unknownTerminal(nil)
        }
        guard let output = nc_stdout() else { throw TerminalError.notATerminal }
        let input: UnsafeMutablePointer<FILE>
        let opensInput = isatty(STDIN_FILENO) != 1
        if opensInput {
            guard let tty = fopen("/dev/tty", "re") else { throw TerminalError.notATerminal }
            input = tty
        } else {
            guard let stdin = nc_stdin() else { throw TerminalError.notATerminal }
            input = stdin
        }
        let noColor = ColorMode.noColorRequested(getenv("NO_COLOR").map { String(cString: $0) })
        do {
            try self.init(
                type: type, output: output, input: input, closesFiles: false, closesInput: opensInput,
                colors: colors, noColor: noColor, handlesSignals: true, theme: theme, mouse: mouse)
        } catch {
            if opensInput { fclose(input) }
            throw error
        }
    }

    /// Opens a screen of terminal `type` on the given files; tests pass /dev/null for both.
    init(
        type: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, closesFiles: Bool,
        closesInput: Bool = false, colors: ColorMode, noColor: Bool, handlesSignals: Bool,
        theme: TerminalTheme? = nil, mouse: Bool = true
    ) throws {
        guard !terminalIsOpen else { throw TerminalError.alreadyOpen }
        Self.useUTF8Locale()
        // Before newterm: ncurses installs its own SIGINT/SIGTERM handlers only where none is set.
        if handlesSignals { SignalTrap.install() }
        Self.dropStaleSize(output: output)
        guard let screen = newterm(type, output, input) else {
            if handlesSignals { SignalTrap.uninstall() }
            throw TerminalError.unknownTerminal(type)
        }
        guard let window = nc_stdscr() else {
            endwin()
            delscreen(screen)
            if handlesSignals { SignalTrap.uninstall() }
            throw TerminalError.unknownTerminal(type)
        }
        // Without cursor addressing (TERM=dumb) ncurses "draws" a blank screen; refuse before drawing.
        guard Self.canAddressCursor() else {
            endwin()
            delscreen(screen)
            if handlesSignals { SignalTrap.uninstall() }
            throw TerminalError.cannotAddressCursor(type)
        }
        terminalIsOpen = true
        // Only a real terminal's standard error shares the screen; tests leave theirs alone.
        if handlesSignals { SignalTrap.captureStandardError() }
        SignalTrap.cursesStarted(outputDescriptor: fileno(output))
        self.screen = screen
        self.window = window
        self.files = (output, input)
        self.closesFiles = closesFiles
        self.closesInput = closesInput
        self.handlesSignals = handlesSignals
        #if DEBUG
            crashesInDraw = getenv("TREAD_DEBUG_CRASH").map { String(cString: $0) } == "draw"
        #endif

        cbreak()
        noecho()
        keypad(window, true)
        Self.bindKeyVariants()
        set_escdelay(25)
        curs_set(0)
        // COLORS and COLOR_PAIRS are set only by start_color, which NO_COLOR must not call: ask terminfo.
        palette = Palette(
            depth: colors.depth(
                noColor: noColor, hasColors: has_colors(),
                colors: Int(tigetnum("colors")), pairs: Int(tigetnum("pairs"))), theme: theme)
        palette.install()
        if mouse { mousemask(nc_all_mouse_events(), nil) }
        // Report presses as they come instead of holding them back to detect double clicks.
        mouseinterval(0)
    }

    deinit { restore() }

    /// Whether the reader may use colours: false with NO_COLOR or on a terminal without them.
    public var hasColors: Bool { palette.depth != .none }

    /// Writes an escape sequence (OSC 52) straight to the terminal, after what ncurses has drawn.
    ///
    /// Only for sequences that move no cursor and draw no cell, so ncurses' picture of the screen stays true.
    public func emit(_ sequence: String) {
        guard !isRestored else { return }
        fflush(files.output)
        let bytes = Array(sequence.utf8)
        var start = 0
        let fd = fileno(files.output)
        while start < bytes.count {
            let n = bytes[start...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            start += n
        }
    }

    /// The screen's size now.
    public var size: (rows: Int, columns: Int) {
        (Int(getmaxy(window)), Int(getmaxx(window)))
    }

    /// Restores the terminal exactly as it was: mouse off, cursor back, modes and screen as before.
    ///
    /// Idempotent, and safe on every way out; the signal handlers that `init` installed are put back.
    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        // endwin turns the mouse off, shows the cursor, leaves the alternate screen and resets the tty modes.
        SignalTrap.endCurses(turnMouseOff: false)
        if handlesSignals { SignalTrap.uninstall() }
        delscreen(screen)
        if closesFiles {
            fclose(files.output)
            fclose(files.input)
        } else {
            fflush(files.output)
            if closesInput { fclose(files.input) }
        }
        terminalIsOpen = false
    }

    /// Takes LINES and COLUMNS out of the environment when the terminal reports its size, so ncurses
    /// uses that size, at the start and on every resize.
    ///
    /// ncurses takes them over the terminal's own size, and a stale export (a shell rc, a window of
    /// another size) drew the reader in a corner for good; its `use_env(false)` also stops resizes, and
    /// `use_tioctl(true)` keeps the first size. Programs the reader runs (`|`, the browser) then ask the
    /// terminal too. Where the terminal reports no size (a serial line) they stay, as the only size there is.
    static func dropStaleSize(output: UnsafeMutablePointer<FILE>) {
        guard getenv("LINES") != nil || getenv("COLUMNS") != nil else { return }
        var size = winsize()
        guard ioctl(fileno(output), UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return }
        unsetenv("LINES")
        unsetenv("COLUMNS")
    }

    /// Whether the terminal the screen was opened for has `cup` (cursor address) in terminfo.
    static func canAddressCursor() -> Bool {
        guard let capability = tigetstr("cup") else { return false }
        // tigetstr returns (char *)-1 for a name that is not a string capability.
        return Int(bitPattern: capability) != -1
    }

    /// Uses the user's character set, or C.UTF-8's when it isn't UTF-8: ncurses needs it to draw wide text.
    ///
    /// Only LC_CTYPE, the category ncurses and `wcwidth` read: the others (dates, numbers, messages) tread
    /// does not take from C's locale, and loading all twelve was a twelfth of the sample's start (issue 25).
    static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
        setlocale(LC_CTYPE, "C.UTF-8")
    }
}

/// Whether a `Terminal` is open; there is one ncurses screen at a time. Main thread only.
nonisolated(unsafe) private var terminalIsOpen = false

extension Terminal {
    /// Lends the terminal to another program for the length of `body`: curses steps aside (the screen,
    /// modes, cursor and mouse as they were before tread), `body` gets the terminal's descriptor to hand
    /// the program, and the reader's screen comes back afterwards, whatever `body` did, redrawn whole.
    public func handOver<Result>(_ body: (Int32) -> Result) -> Result {
        fflush(files.output)
        def_prog_mode()
        endwin()
        fflush(files.output)
        defer {
            reset_prog_mode()
            keypad(window, true)
            curs_set(0)
            invalidate()
            refresh()
        }
        return body(fileno(files.output))
    }
}
