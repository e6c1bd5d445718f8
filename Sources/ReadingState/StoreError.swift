/// Why the reading state cannot be used; the reader opens the thread all the same, without it.
///
/// `description` names the file and what the user can do; it does not say what tread does next, so
/// the reader can add "reading without it" and `tread recent` can stop.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store file is not a database, or part of it is missing or scrambled.
    case damaged(path: String, detail: String)
    /// A newer tread wrote the store: this one does not know its schema and leaves it alone.
    case newerVersion(path: String)
    /// The folder or file cannot be made, opened or written (permissions, a full disk).
    case unavailable(path: String, detail: String)
    /// Another tread held the store's lock longer than tread waits: trying again later works.
    case busy(path: String)

    public var description: String {
        switch self {
        case .damaged(let path, let detail):
            return
                "the reading state in \(path) is damaged (\(detail)): move the file away to start a new one"
        case .newerVersion(let path):
            return
                "the reading state in \(path) was written by a newer tread: use that tread, "
                + "or move the file away to start a new one"
        case .unavailable(let path, let detail) where detail == StoreError.diskFull:
            return "cannot write the reading state in \(path): \(detail); free some space on it"
        case .unavailable(let path, let detail):
            return
                "cannot use the reading state in \(path) (\(detail)): check that the folder is writable, "
                + "or set XDG_STATE_HOME to one that is"
        case .busy(let path):
            return "the reading state in \(path) is busy: another tread is using it; try again when it is done"
        }
    }

    /// The detail of `unavailable` for SQLite's SQLITE_FULL: the advice is then to free space, not to check
    /// that the folder is writable.
    public static let diskFull = "the disk is full"

    /// The store file the error is about.
    public var path: String {
        switch self {
        case .damaged(let path, _), .newerVersion(let path), .unavailable(let path, _), .busy(let path): return path
        }
    }
}
