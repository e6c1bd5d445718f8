/// Where the open thread can be read again from: what `R` and Enter on a stub may do.
public enum ThreadSource: Equatable, Sendable {
    /// Opened from its address: `R` fetches it again, Enter fetches a stub's replies.
    case address
    /// Opened from a file: `R` reads the file again; stubs need the thread's address.
    case file
    /// Nothing to read again; the text says why, for the status line ("--offline", "standard input").
    case none(String)
}
