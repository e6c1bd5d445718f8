import CNcursesw
import Glibc
import Reader

extension Terminal {
    /// How long one wait for input lasts at most, so a caught signal is reported within this many milliseconds.
    static let signalPollInterval: Int32 = 100

    /// Waits at most `timeout` milliseconds (-1: forever) for a key, a mouse event, a resize or a caught signal.
    ///
    /// Returns nil when the time is up. Input the reader has no use for (mouse motion,
    /// releases, unknown keys) is skipped. If the input has gone away (reads keep
    /// failing at once: the terminal was closed without a SIGHUP), reports `.signal(SIGHUP)`
    /// rather than spinning.
    public func nextEvent(timeout: Int32) -> TerminalEvent? {
        let clock = ContinuousClock()
        let deadline = timeout < 0 ? nil : clock.now.advanced(by: .milliseconds(timeout))
        var instantFailures = 0
        while true {
            if let signal = SignalTrap.takePending() { return .signal(signal) }
            let remaining = deadline.map { max(0, milliseconds(clock.now.duration(to: $0))) }
            let slice = min(remaining ?? Self.signalPollInterval, Self.signalPollInterval)
            wtimeout(window, slice)
            let started = clock.now
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR {
                if let signal = SignalTrap.takePending() { return .signal(signal) }
                let waited = milliseconds(started.duration(to: clock.now))
                if slice >= 20, waited < slice / 2, errno != EINTR {
                    instantFailures += 1
                    if instantFailures >= 3 { return .signal(SIGHUP) }
                } else {
                    instantFailures = 0
                }
            } else if status == OK, code == 0x1B, skipsUnknownSequence() {
                instantFailures = 0
            } else if let event = event(status: status, code: code) {
                return event
            }
            if let deadline, clock.now >= deadline { return nil }
        }
    }

    /// Teaches ncurses the Home, End, Page Up, Page Down and Delete sequences terminals send that the
    /// terminfo entry lacks.
    ///
    /// Terminals disagree (Home: xterm ESC O H; tmux, screen, linux console ESC [ 1 ~; rxvt
    /// ESC [ 7 ~), and a TERM that names a cousin of the real terminal is common (tmux with
    /// TERM=xterm-256color; vt100, whose entry has no paging keys, on any emulator). Only sequences
    /// not already bound are added.
    static func bindKeyVariants() {
        let variants: [(sequence: String, key: Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
            ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC),
        ]
        for variant in variants where key_defined(variant.sequence) == 0 {
            define_key(variant.sequence, variant.key)
        }
    }

    /// Reads the rest of an escape sequence whose ESC `get_wch` just returned, when one follows at once;
    /// false, with what was read put back, for an Esc of its own or one before an ordinary key.
    ///
    /// ncurses returns a sequence its terminfo entry does not name (ctrl-↑ under TERM=screen, a function
    /// key vt100 lacks) as ESC and then its bytes one by one: the reader would take them for Esc (which
    /// clears the filter) and keys (`[` a thread back, digits a count). A terminal writes a sequence all
    /// at once, so the bytes are there already; a typed Esc has nothing behind it.
    private func skipsUnknownSequence() -> Bool {
        wtimeout(window, 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        guard status == OK, code == 0x5B || code == 0x4F else {
            if status == OK { unget_wch(wchar_t(bitPattern: code)) }
            if status == KEY_CODE_YES { ungetch(Int32(bitPattern: code)) }
            return false
        }
        if code == 0x4F {
            // SS3: one character ends it; "ESC O" alone is the key Esc, then O.
            var final: wint_t = 0
            guard wget_wch(window, &final) != ERR else {
                unget_wch(wchar_t(bitPattern: code))
                return false
            }
            return true
        }
        // CSI: parameter and intermediate bytes (0x20–0x3F), then one final byte (0x40–0x7E); the linux
        // console's F1–F5 are ESC [ [ and a letter.
        for index in 0..<Self.longestSequence {
            guard wget_wch(window, &code) == OK, (0x20...0x7E).contains(code) else { return true }
            if code >= 0x40, !(index == 0 && code == 0x5B) { return true }
        }
        return true
    }

    /// More bytes than any key's escape sequence has: reading stops there, whatever follows.
    private static let longestSequence = 32

    /// The event for one successful `get_wch`, or nil for input to skip.
    private func event(status: Int32, code: wint_t) -> TerminalEvent? {
        if status == KEY_CODE_YES, Int32(bitPattern: code) == KEY_RESIZE {
            lastFrame = nil
            let size = size
            return .resize(rows: size.rows, columns: size.columns)
        }
        if status == KEY_CODE_YES, Int32(bitPattern: code) == KEY_MOUSE {
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return InputDecoder.mouse(buttons: report.bstate, row: Int(report.y), column: Int(report.x)).map {
                .mouse($0)
            }
        }
        return InputDecoder.key(status: status, code: code).map { .key($0) }
    }

    private func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
