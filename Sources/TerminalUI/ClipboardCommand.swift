import Glibc
import Synchronization
import ThreadModel

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
        let name = self.name
        let byteCount = text.utf8.count
        var reportEnd: (@Sendable (FeedJob.End, Int) -> Void)?
        if let whenDone {
            reportEnd = { end, taken in whenDone(Self.message(end, name: name, bytes: byteCount, taken: taken)) }
        }
        let job: FeedJob
        switch FeedJob.launch(arguments, feeding: Array(text.utf8), timeout: timeout, whenDone: reportEnd) {
        case .success(let started): job = started
        case .failure(.notFound): return "copy command \(name) not found; fix [copy] command in the config"
        case .failure(.cannotStart(let reason)): return "copy command \(name): \(reason)"
        case .failure(.noThread): return "could not copy with \(name): no thread to feed it"
        case .failure(.notAProgram(let reason)): return "copy command \(name): \(reason)"
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
            messages.append(Self.message(end, name: name, bytes: run.bytes, taken: run.job.bytesTaken))
            return true
        }
        return messages
    }

    /// The status line's words for how a copy of `bytes` bytes ended.
    /// `taken`: how many went into its input; fewer when it stopped reading, which is said (a cut copy).
    static func message(_ end: FeedJob.End, name: String, bytes: Int, taken: Int? = nil) -> String {
        switch end {
        case .exited(0) where (taken ?? bytes) < bytes:
            return "copy command \(name) stopped reading after at most \(CountText.grouped(taken ?? 0)) of "
                + "\(CountText.grouped(bytes)) bytes: the copy may be cut"
        case .exited(0): return "copied \(CountText.grouped(bytes)) bytes with \(name)"
        case .exited(let code): return "copy command \(name) failed (exit status \(code)); nothing copied"
        case .signalled(let signal):
            return "copy command \(name) was ended by signal \(signal)\(PipeCommand.signalName(signal)); nothing copied"
        case .statusLost: return "copied with \(name) (its exit status was lost)"
        case .timedOut(let limit): return "copy command \(name) did not finish in \(limit); stopped it"
        }
    }
}
