import Reader
import ThreadModel

/// Opens the full-screen reader on a discussion.
func openReader(_ discussion: Discussion) throws {
    printThread(discussion, width: terminalWidth() ?? 80, depth: nil)
}
