import Glibc
import Synchronization
import TextLayout
import ThreadModel

/// Runs the pipe's command (`|`, as mutt's) on the terminal, with a comment's text on its standard input.
///
/// The command line the user typed is split into words by `LinkOpener.split`, the one splitter (no
/// shell, nothing expanded, no word from the document), and started by `LinkOpener.spawn`, as the copy
/// command is, but on the terminal: curses steps aside (`Terminal.handOver`) so `less` or `vim -` can
/// draw and read keys, and the screen comes back however the command ends, failing or killed. The
/// text is written by a `FeedJob` on a thread of its own, so a command that reads nothing cannot block
/// tread; the main thread waits for it to end, as a shell waits for the command it runs. Meanwhile
/// ^C and ^\ are the command's: tread ignores them, as `system()` does; ^Z stops tread and the command
/// together, as a shell's job (curses's own handler would draw the reader over the command on `fg`); a
/// SIGTERM or SIGHUP to tread ends the command (SIGTERM, then SIGKILL after `killGrace` if it ignores
/// that) and is then taken by the reader as ever.
public enum PipeCommand {
    /// The words of `line` (the program first); a message when it cannot be split or is empty.
    public static func arguments(_ line: String) -> Result<[String], PipeFailure> {
        do {
            let words = try LinkOpener.split(line)
            guard let program = words.first, !program.isEmpty else { return .failure(PipeFailure("no command")) }
            return .success(words)
        } catch {
            return .failure(PipeFailure(error.description))
        }
    }

    /// Runs `arguments` on `terminal` with `text` on its standard input and answers how it ended, in
    /// words for the status line ("less ended (exit status 0)").
    public static func run(_ arguments: [String], text: String, on terminal: Terminal) -> String {
        run(
            arguments,
            building: { part in
                _ = part(text)
                return true
            }, on: terminal)
    }

    /// As above, the text built by `text` on the feeding thread once the command runs, handed to `part` as
    /// it is built (a big subtree takes seconds: the command starts at once and reads it as it comes);
    /// `part` answers false once the command stopped reading, and `text` whether it handed over all of it.
    public static func run(
        _ arguments: [String], building text: @escaping @Sendable (_ part: (String) -> Bool) -> Bool,
        on terminal: Terminal
    ) -> String {
        let name = programName(arguments)
        let ignored = IgnoredSignals([SIGINT, SIGQUIT])
        let stopsWithIt = StopWithCommand()
        defer {
            stopsWithIt.restore()
            ignored.restore()
        }
        return terminal.handOver { output in
            let job: FeedJob
            switch FeedJob.launch(
                arguments, building: { part in text { part(Array($0.utf8)) } }, terminal: output, timeout: nil)
            {
            case .success(let started): job = started
            case .failure(.notFound): return "\(name): command not found; nothing piped"
            case .failure(.cannotStart(let reason)): return "could not pipe to \(name): \(reason)"
            case .failure(.notAProgram(let reason)): return "could not pipe to \(shownProgram(arguments)): \(reason)"
            case .failure(.noThread): return "could not pipe to \(name): no thread to feed it"
            }
            let clock = ContinuousClock()
            var stopped: ContinuousClock.Instant?
            var killed = false
            while job.end == nil {
                // A termination signal for tread (SIGTERM, a closed terminal) ends the command too, once;
                // a command that ignores SIGTERM is killed after a grace, so tread never waits for ever.
                if stopped == nil, SignalTrap.hasPending {
                    kill(job.pid, SIGTERM)
                    stopped = clock.now
                } else if let stopped, !killed, clock.now - stopped > killGrace {
                    kill(job.pid, SIGKILL)
                    killed = true
                }
                stopsWithIt.stopIfAsked(after: job)
                var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
                nanosleep(&pause, nil)
            }
            let end = job.end ?? .statusLost
            let said = message(end, name: name)
            // Nothing cut in silence: a command that stopped reading (head, a pager quit early) is said to. (A
            // failure or a signal is said already.)
            let taken = job.bytesTaken
            guard let total = job.totalBytes else {
                // It stopped before the text was all built, so how long the rest would have been is not known.
                guard end == .exited(0) else { return said }
                return said + "; it stopped reading after at most \(CountText.grouped(taken)) bytes"
            }
            guard end == .exited(0), taken < total else { return said }
            return said
                + "; it stopped reading after at most \(CountText.grouped(taken)) of \(CountText.grouped(total)) bytes"
        }
    }

    /// How long a command has to end after the SIGTERM that tread's own termination sends it.
    static let killGrace: Duration = .seconds(2)

    /// The status line's words for how the command ended.
    static func message(_ end: FeedJob.End, name: String) -> String {
        switch end {
        case .exited(0): return "\(name) ended (exit status 0)"
        case .exited(let code): return "\(name) failed (exit status \(code))"
        case .signalled(let signal): return "\(name) was ended by signal \(signal)\(signalName(signal))"
        case .statusLost, .timedOut: return "\(name) ended (its exit status was lost)"
        }
    }

    /// " (SIGKILL)" for the signals a command is commonly ended by; empty for others.
    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGABRT: "SIGABRT",
            SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE",
            SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2", SIGXCPU: "SIGXCPU",
            SIGXFSZ: "SIGXFSZ",
        ]
        return names[signal].map { " (\($0))" } ?? ""
    }

    /// The program as messages name it: its last path component, made safe for the status line.
    static func programName(_ arguments: [String]) -> String {
        let program = arguments.first ?? ""
        let last = program.split(separator: "/").last.map(String.init) ?? program
        return Sanitizer.singleLine(String(last.prefix(40)))
    }

    /// The program as typed (a path, `./x`), made safe, for a message about the path itself.
    static func shownProgram(_ arguments: [String]) -> String {
        Sanitizer.singleLine(String((arguments.first ?? "").prefix(200)))
    }
}

/// Why a typed command line cannot be run, in words.
public struct PipeFailure: Error, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// ^Z while a command has the terminal: the terminal's SIGTSTP goes to tread and the command alike (one
/// process group). Stopping tread at once (the default action) let the shell say "Stopped" while the
/// command was still putting the terminal back (`less` leaves its alternate screen on ^Z), which then
/// wiped the shell's line; so the signal only sets a flag, and the waiting loop stops tread once the
/// command has stopped (or ended, or after `grace` if it ignores ^Z), as a shell's job stops as a whole.
/// `fg` continues the whole group, the command with tread.
final class StopWithCommand {
    private let saved: IgnoredSignals
    static let grace: Duration = .seconds(1)

    init() {
        _ = stopAsked.load(ordering: .sequentiallyConsistent)
        saved = IgnoredSignals([SIGTSTP], action: { _ in stopAsked.store(true, ordering: .sequentiallyConsistent) })
    }

    /// Stops tread if ^Z came, after the command stopped.
    func stopIfAsked(after job: FeedJob) {
        guard stopAsked.exchange(false, ordering: .sequentiallyConsistent) else { return }
        let clock = ContinuousClock()
        let deadline = clock.now + Self.grace
        while job.end == nil, !Self.isStopped(job.pid), clock.now < deadline {
            var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
            nanosleep(&pause, nil)
        }
        let defaultAction = IgnoredSignals([SIGTSTP], action: SIG_DFL)
        raise(SIGTSTP)
        // Continued (`fg`): ^Z is caught again.
        defaultAction.restore()
    }

    /// Whether `pid` is stopped now; the state stays for the feeding thread's `waitpid`, which only
    /// takes ends.
    private static func isStopped(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WSTOPPED | WNOHANG | WNOWAIT) == 0 else { return false }
        return info._sifields._sigchld.si_pid == pid
    }

    func restore() {
        saved.restore()
        stopAsked.store(false, ordering: .sequentiallyConsistent)
    }
}

private let stopAsked = Atomic<Bool>(false)

/// Signals set to be ignored (or to another action, such as the default) while a command owns the terminal,
/// and their actions before, to put back.
struct IgnoredSignals {
    private var saved: [(Int32, sigaction)] = []

    init(_ signals: [Int32], action: __sighandler_t? = SIG_IGN) {
        for signal in signals {
            var ignore = sigaction()
            ignore.__sigaction_handler.sa_handler = action
            sigemptyset(&ignore.sa_mask)
            var previous = sigaction()
            if sigaction(signal, &ignore, &previous) == 0 { saved.append((signal, previous)) }
        }
    }

    func restore() {
        for (signal, action) in saved {
            var action = action
            sigaction(signal, &action, nil)
        }
    }
}
