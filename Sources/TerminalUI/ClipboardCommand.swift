import Glibc
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
    private var running: [(job: FeedJob, bytes: Int)] = []

    /// Nil for an empty command (the config's `[]`: copy through the terminal).
    public init?(_ arguments: [String], timeout: Duration = .seconds(10)) {
        guard let program = arguments.first, !program.isEmpty else { return nil }
        self.arguments = arguments
        self.timeout = timeout
    }

    /// Whether a copy is still being written or waited for.
    public var isBusy: Bool { !running.isEmpty }

    /// The program as messages name it: its last path component, made safe for the status line.
    public var name: String { PipeCommand.programName(arguments) }

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
        let name = self.name
        let byteCount = text.utf8.count
        var reportEnd: (@Sendable (FeedJob.End) -> Void)?
        if let whenDone {
            reportEnd = { end in whenDone(Self.message(end, name: name, bytes: byteCount)) }
        }
        let job = FeedJob(pid: pid, input: ends[1], bytes: Array(text.utf8), timeout: timeout, whenDone: reportEnd)
        guard job.start() else {
            // No thread: stop the command rather than leave it waiting on a pipe no one writes.
            close(ends[1])
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return "could not copy with \(name): no thread to feed it"
        }
        running.append((job, text.utf8.count))
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
        running.removeAll { run in
            guard let end = run.job.end else { return false }
            messages.append(Self.message(end, name: name, bytes: run.bytes))
            return true
        }
        return messages
    }

    /// The status line's words for how a copy of `bytes` bytes ended.
    static func message(_ end: FeedJob.End, name: String, bytes: Int) -> String {
        switch end {
        case .exited(0): return "copied \(bytes) bytes with \(name)"
        case .exited(let code): return "copy command \(name) failed (exit status \(code)); nothing copied"
        case .signalled(let signal): return "copy command \(name) was stopped by signal \(signal); nothing copied"
        case .statusLost: return "copied with \(name) (its exit status was lost)"
        case .timedOut(let limit): return "copy command \(name) did not finish in \(limit); stopped it"
        }
    }
}
