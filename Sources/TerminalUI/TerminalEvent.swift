import Reader

/// Something the terminal reports to the event loop.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The screen changed size; the next `draw` repaints everything.
    case resize(rows: Int, columns: Int)
    /// A terminating signal arrived (SIGINT, SIGTERM, SIGHUP, …; see `SignalTrap`): restore the
    /// terminal and exit with 128 + the signal.
    case signal(Int32)
}

/// Why the terminal could not be opened.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    /// TERM is unset, empty, or names a terminal terminfo doesn't know.
    case unknownTerminal(String?)
    /// Standard output is not a terminal, or no terminal can be opened for the keys.
    case notATerminal
    /// The terminal cannot move its cursor (TERM=dumb, say), so no screen can be drawn.
    case cannotAddressCursor(String)
    /// Another `Terminal` is open and hasn't been restored; ncurses drives one screen at a time here.
    case alreadyOpen

    public var description: String {
        switch self {
        case .unknownTerminal(nil):
            return "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color)"
        case .unknownTerminal(let name?):
            return "unknown terminal type '\(name)' (TERM); no terminfo entry for it"
        case .notATerminal:
            return "the reader needs a terminal: standard output, and standard input or /dev/tty for the keys"
        case .cannotAddressCursor(let name):
            return "terminal type '\(name)' (TERM) cannot move the cursor, so the reader cannot draw; "
                + "use --print, or set TERM to your terminal's type"
        case .alreadyOpen:
            return "the terminal is already open"
        }
    }
}
