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
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFIFO { return writeFIFO(request, path: path) }
        do {
            try AtomicFile.write(Array(request.content().utf8), to: path)
        } catch {
            return .failed(request, reason: reason(error))
        }
        return .written(request)
    }

    /// A FIFO is written in place, but only when a program reads it: opening it for writing would otherwise
    /// wait for one for ever, with "saving…" on the status line.
    private static func writeFIFO(_ request: SaveRequest, path: String) -> SaveOutcome {
        let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENXIO { return .failed(request, reason: "no program is reading that FIFO") }
            return .failed(request, reason: reason(AtomicFile.Failure(exitStatus: 73)))
        }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        // A reader that stops early raises SIGPIPE, which would end the reader (141): blocked on this thread,
        // it is EPIPE, and the signal left pending by the write is taken before the mask is put back.
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        let written = AtomicFile.writeAll(Array(request.content().utf8), to: fd)
        let failure = written ? nil : AtomicFile.Failure(exitStatus: 74)
        var pending = sigset_t()
        if sigpending(&pending) == 0, sigismember(&pending, SIGPIPE) == 1 {
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeSignal, nil, &none)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        if let failure {
            let why = failure.number == EPIPE ? "the FIFO's reader stopped reading" : reason(failure)
            return .failed(request, reason: why)
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
