import Reader
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// Writes what `w` and `W` save: the path expanded (`~`), an existing file left alone unless the user
/// said yes, the bytes written atomically (`AtomicFile`: a full disk leaves no half file), and every
/// failure said in words.
enum CommentFile {
    static func write(_ request: SaveRequest, home: String?) -> SaveOutcome {
        guard let path = SavePath.expanded(request.path, home: home) else {
            let reason =
                request.path.hasPrefix("~/") || request.path == "~"
                ? "HOME is not set, so ~ means nothing" : "only ~ and ~/ are expanded (not ~user)"
            return .failed(request, reason: reason)
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return .failed(request, reason: "it is a directory") }
            if !request.overwrite { return .exists(request) }
        }
        do {
            try AtomicFile.write(Array(request.text.utf8), to: path)
        } catch {
            return .failed(request, reason: reason(error))
        }
        return .written(request)
    }

    /// The failure in words a user can act on.
    static func reason(_ failure: AtomicFile.Failure) -> String {
        switch failure.number {
        case ENOSPC, EDQUOT: return "the disk is full"
        case EFBIG: return "the file is too big for this system or for ulimit -f (EFBIG)"
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case EROFS: return "the file system is read-only"
        case EISDIR: return "it is a directory"
        default: return failure.reason
        }
    }
}
