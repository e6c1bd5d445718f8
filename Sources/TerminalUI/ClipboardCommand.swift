import Glibc
import Reader
import Synchronization

/// Copies text by running the user's copy command (`[copy] command`, `["wl-copy"]`) with the text on
/// its standard input, instead of OSC 52.
///
/// Started as `LinkOpener` starts the browser: `posix_spawnp`, no shell, its own session, output and
/// errors on /dev/null, so it never draws on the screen or reads a key. The text is written and the
/// command waited for on a thread of its own, so the reader never blocks, even on a whole subtree;
/// the loop polls `finished()` while `isBusy` and shows each outcome on the status line. A command
/// still running after `timeout` is killed.
public final class ClipboardCommand {
    /// The program, then its arguments; never empty.
    public let arguments: [String]
    public let timeout: Duration
    private var running: [CopyJob] = []

    /// Nil for an empty command (the config's `[]`: copy through the terminal).
    public init?(_ arguments: [String], timeout: Duration = .seconds(10)) {
        guard let program = arguments.first, !program.isEmpty else { return nil }
        self.arguments = arguments
        self.timeout = timeout
    }

    /// Whether a copy is still being written or waited for.
    public var isBusy: Bool { !running.isEmpty }

    /// The program as messages name it: its last path component, made safe for the status line.
    public var name: String {
        let program = arguments[0].split(separator: "/").last.map(String.init) ?? arguments[0]
        return Blocks.oneLine(String(program.prefix(40)))
    }

    /// Starts the command on `text`; a message when it cannot start (not found, say), else nil.
    /// `whenDone`, if given, gets the line saying how it ended, on the copy's own thread.
    public func copy(_ text: String, whenDone: (@Sendable (String) -> Void)? = nil) -> String? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            return "could not copy with \(name): \(String(cString: strerror(errno)))"
        }
        // Neither end may reach the command as more than its input (an open write end would keep it from
        // seeing the end of the text), nor a browser started later. (pipe2 is hidden behind _GNU_SOURCE;
        // only this thread starts programs, so there is no window for another to inherit them.)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let pid: pid_t
        do {
            pid = try LinkOpener.spawn(arguments, standardInput: ends[0])
        } catch {
            close(ends[0])
            close(ends[1])
            if case .cannotStart(_, let reason) = error, reason == String(cString: strerror(ENOENT)) {
                return "copy command \(name) not found; fix [copy] command in the config"
            }
            return "copy command \(name): \(error.description)"
        }
        close(ends[0])
        let job = CopyJob(
            pid: pid, input: ends[1], bytes: Array(text.utf8), name: name, timeout: timeout, whenDone: whenDone)
        guard job.start() else {
            // No thread: stop the command rather than leave it waiting on a pipe no one writes.
            close(ends[1])
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return "could not copy with \(name): no thread to feed it"
        }
        running.append(job)
        return nil
    }

    /// Waits, at most `limit`, for the copies still running: quitting must not cut a big copy short
    /// (the command would see the end of a half-written text and take it).
    public func finish(within limit: Duration) {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while isBusy, clock.now < deadline {
            _ = finished()
            var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            nanosleep(&pause, nil)
        }
    }

    /// The messages of the copies that ended since the last call, in the order they were started.
    public func finished() -> [String] {
        var messages: [String] = []
        running.removeAll { job in
            guard let outcome = job.outcome else { return false }
            messages.append(outcome)
            return true
        }
        return messages
    }
}

/// One run of the copy command: the text written to its input, then its exit waited for, on a thread.
final class CopyJob: Sendable {
    let pid: pid_t
    let input: Int32
    let bytes: [UInt8]
    let name: String
    let timeout: Duration
    let whenDone: (@Sendable (String) -> Void)?
    private let result = Mutex<String?>(nil)

    init(
        pid: pid_t, input: Int32, bytes: [UInt8], name: String, timeout: Duration,
        whenDone: (@Sendable (String) -> Void)? = nil
    ) {
        self.whenDone = whenDone
        self.pid = pid
        self.input = input
        self.bytes = bytes
        self.name = name
        self.timeout = timeout
    }

    /// The line for the status line once the command has ended; nil while it runs.
    var outcome: String? { result.withLock { $0 } }

    /// Runs `feedAndWait` on a detached thread; false when no thread could be made.
    func start() -> Bool {
        var thread = pthread_t()
        let box = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(
            &thread, nil,
            { argument in
                guard let argument else { return nil }
                let job = Unmanaged<CopyJob>.fromOpaque(argument).takeRetainedValue()
                let outcome = job.feedAndWait()
                job.result.withLock { $0 = outcome }
                job.whenDone?(outcome)
                return nil
            }, box)
        guard started == 0 else {
            Unmanaged<CopyJob>.fromOpaque(box).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    /// Writes the text, closes its input so it sees the end, and waits for it until the deadline.
    ///
    /// The command may stop reading early: SIGPIPE is blocked on this thread (the signal a write to a
    /// closed pipe raises goes to the writing thread, and is dropped when it ends), so that is EPIPE
    /// and never ends tread, whatever the process does with the signal.
    func feedAndWait() -> String {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        var written = 0
        var stuck = false
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(input, base + written, buffer.count - written)
            }
            if n > 0 {
                written += n
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
        close(input)
        var status: Int32 = 0
        while !stuck {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { return message(status: status) }
            if done < 0 && errno != EINTR { return "copied with \(name) (its exit status was lost)" }
            guard milliseconds(until: deadline, clock: clock) != nil else { break }
            var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            nanosleep(&pause, nil)
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        let (seconds, attoseconds) = timeout.components
        let limit = seconds > 0 ? "\(seconds) s" : "\(attoseconds / 1_000_000_000_000_000) ms"
        return "copy command \(name) did not finish in \(limit); stopped it"
    }

    private func milliseconds(until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> Int32? {
        let left = deadline - clock.now
        guard left > .zero else { return nil }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }

    private func message(status: Int32) -> String {
        // WIFEXITED and friends are macros Swift does not import.
        let signal = status & 0x7F
        if signal == 0 {
            let code = (status >> 8) & 0xFF
            return code == 0
                ? "copied \(bytes.count) bytes with \(name)"
                : "copy command \(name) failed (exit status \(code)); nothing copied"
        }
        return "copy command \(name) was stopped by signal \(signal); nothing copied"
    }
}
