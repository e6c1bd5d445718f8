import Reader

/// Something the terminal reports to the event loop.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The screen changed size; the next `draw` repaints everything.
    case resize(rows: Int, columns: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived: restore the terminal and exit with 128 + the signal.
    case signal(Int32)
}

/// Why the terminal could not be opened.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    /// TERM is unset, empty, or names a terminal terminfo doesn't know.
    case unknownTerminal(String?)
    /// Standard input or output is not a terminal.
    case notATerminal
    /// Another `Terminal` is open and hasn't been restored; ncurses drives one screen at a time here.
    case alreadyOpen

    public var description: String {
        switch self {
        case .unknownTerminal(nil):
            return "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color)"
        case .unknownTerminal(let name?):
            return "unknown terminal type '\(name)' (TERM); no terminfo entry for it"
        case .notATerminal:
            return "standard input and output must be a terminal"
        case .alreadyOpen:
            return "the terminal is already open"
        }
    }
}
