import Glibc
import Synchronization
import ThreadModel

/// One run of a command fed text: the text written to its standard input, then its exit waited for, on a
/// thread of its own. The copy command (`ClipboardCommand`) and the pipe (`PipeCommand`) both run through it.
final class FeedJob: Sendable {
    /// How the command ended.
    enum End: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        /// waitpid failed: it ran, but how it ended is unknown.
        case statusLost
        /// Still running at the deadline, so it was killed; the limit as words ("10 s").
        case timedOut(String)
    }

    let pid: pid_t
    let input: Int32
    /// The text, built on the job's thread (a big subtree takes seconds: never on the reader's) and handed
    /// over in parts to the closure it is given, which answers false once the command stopped reading; it
    /// answers whether it handed over the whole text (false when it stopped building early).
    let source: @Sendable ((_ part: [UInt8]) -> Bool) -> Bool
    /// How long the command may take before it is killed; nil waits as long as it runs (a pager).
    let timeout: Duration?
    /// Called on the job's thread with how it ended and `bytesTaken`.
    let whenDone: (@Sendable (End, Int) -> Void)?
    private let result = Mutex<End?>(nil)
    private let written = Mutex<Int>(0)

    init(
        pid: pid_t, input: Int32, source: @escaping @Sendable ((_ part: [UInt8]) -> Bool) -> Bool,
        timeout: Duration?,
        whenDone: (@Sendable (End, Int) -> Void)? = nil
    ) {
        self.whenDone = whenDone
        self.pid = pid
        self.input = input
        self.source = source
        self.timeout = timeout
    }

    /// How many bytes the text has, set before `end`; nil when the command stopped reading before the text
    /// was all built (the rest was never made).
    var totalBytes: Int? { total.withLock { $0 } }
    private let total = Mutex<Int?>(0)
    /// How the command ended; nil while it runs.
    var end: End? { result.withLock { $0 } }

    /// How many bytes of the text went into the command's input (all of them unless it stopped reading);
    /// set before `end`.
    var bytesTaken: Int { written.withLock { $0 } }

    /// Why a command could not be started.
    enum LaunchFailure: Error, Equatable {
        /// No such program on the PATH.
        case notFound
        /// Why not, in the system's words (no pipe, no permission, …).
        case cannotStart(String)
        /// No thread to feed it: the command was stopped rather than left waiting on a pipe no one writes.
        case noThread
        /// The path names something that is not a program (a directory, a file without execute permission), in words.
        case notAProgram(String)
    }

    /// Starts `arguments` (through `LinkOpener.spawn`: no shell) with a pipe as its standard input, and a
    /// job feeding it `bytes` and waiting for its end. `terminal`: the command writes there (see `spawn`).
    static func launch(
        _ arguments: [String], feeding bytes: [UInt8], terminal: Int32? = nil, timeout: Duration?,
        whenDone: (@Sendable (End, Int) -> Void)? = nil
    ) -> Result<FeedJob, LaunchFailure> {
        let whole: @Sendable ((_ part: [UInt8]) -> Bool) -> Bool = { part in
            _ = part(bytes)
            return true
        }
        return launch(arguments, building: whole, terminal: terminal, timeout: timeout, whenDone: whenDone)
    }

    /// As above, the text built by `source` on the job's thread once the command runs, part by part.
    static func launch(
        _ arguments: [String], building source: @escaping @Sendable ((_ part: [UInt8]) -> Bool) -> Bool,
        terminal: Int32? = nil,
        timeout: Duration?, whenDone: (@Sendable (End, Int) -> Void)? = nil
    ) -> Result<FeedJob, LaunchFailure> {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return .failure(.cannotStart(String(cString: strerror(errno)))) }
        // Neither end may reach the command as more than its input (an open write end would keep it from
        // seeing the end of the text), nor a browser started later. (pipe2 is hidden behind _GNU_SOURCE;
        // only this thread starts programs, so there is no window for another to inherit them.)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let pid: pid_t
        do throws(LinkOpener.Failure) {
            pid = try LinkOpener.spawn(arguments, standardInput: ends[0], terminal: terminal)
        } catch {
            close(ends[0])
            close(ends[1])
            if case .cannotStart(_, let reason) = error, reason == String(cString: strerror(ENOENT)) {
                return .failure(.notFound)
            }
            if case .cannotStart(_, let reason) = error, reason == String(cString: strerror(EACCES)),
                let why = notAProgram(arguments[0])
            {
                return .failure(.notAProgram(why))
            }
            return .failure(.cannotStart(error.description))
        }
        close(ends[0])
        let job = FeedJob(pid: pid, input: ends[1], source: source, timeout: timeout, whenDone: whenDone)
        guard job.start() else {
            close(ends[1])
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return .failure(.noThread)
        }
        return .success(job)
    }

    /// Why the path `program` cannot be run, when the system's "permission denied" means it is no program:
    /// nil for a bare name (looked for on the PATH) or a path that is neither case.
    static func notAProgram(_ program: String) -> String? {
        guard program.contains("/") else { return nil }
        var info = stat()
        guard stat(program, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFDIR { return "it is a directory, not a program" }
        if info.st_mode & S_IFMT == S_IFREG, access(program, X_OK) != 0 || info.st_mode & 0o111 == 0 {
            return "it is not executable"
        }
        return nil
    }

    /// Runs `feedAndWait` on a detached thread; false when no thread could be made.
    func start() -> Bool {
        DetachedThread.start { [self] in
            let outcome = feedAndWait()
            result.withLock { $0 = outcome }
            whenDone?(outcome, bytesTaken)
        }
    }

    /// Writes the text, closes its input so it sees the end, and waits for it until the deadline.
    ///
    /// The command may stop reading early: SIGPIPE is blocked on this thread (the signal a write to a
    /// closed pipe raises goes to the writing thread, and is dropped when it ends), so that is EPIPE
    /// and never ends tread, whatever the process does with the signal.
    func feedAndWait() -> End {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        var written = 0
        var total = 0
        var stuck = false
        var stopped = false
        // The text comes in parts (a big subtree is built a few hundred comments at a time), each written
        // as it comes, so the command reads the first while the rest is built.
        let whole = source { bytes in
            guard !stopped else { return false }
            total += bytes.count
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return write(input, base + done, buffer.count - done)
                }
                if n > 0 {
                    done += n
                } else if n < 0 && (errno == EAGAIN || errno == EINTR) {
                    guard let wait = milliseconds(until: deadline, clock: clock) else {
                        stuck = true
                        break
                    }
                    var descriptor = pollfd(fd: input, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, wait)
                } else {
                    break
                }
            }
            written += done
            stopped = done < bytes.count
            return !stopped
        }
        self.total.withLock { $0 = whole ? total : nil }
        close(input)
        self.written.withLock { $0 = written }
        var status: Int32 = 0
        while !stuck {
            // Without a deadline nothing needs to wake this thread before the command ends.
            let done = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
            if done == pid { return Self.end(status: status) }
            if done < 0 && errno != EINTR { return .statusLost }
            guard milliseconds(until: deadline, clock: clock) != nil else { break }
            var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            nanosleep(&pause, nil)
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        let (seconds, attoseconds) = (timeout ?? .zero).components
        return .timedOut(seconds > 0 ? "\(seconds) s" : "\(attoseconds / 1_000_000_000_000_000) ms")
    }

    /// Milliseconds left until `deadline` (at least 1), -1 without one (poll waits as long as it takes),
    /// nil once it has passed.
    private func milliseconds(until deadline: ContinuousClock.Instant?, clock: ContinuousClock) -> Int32? {
        guard let deadline else { return -1 }
        let left = deadline - clock.now
        guard left > .zero else { return nil }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }

    /// A wait status as words: WIFEXITED and friends are macros Swift does not import.
    static func end(status: Int32) -> End {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }
}
