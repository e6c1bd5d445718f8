import CNcursesw
import Glibc
import Synchronization
import ThreadModel

/// The process-wide signal handling for the open terminal, in the style of htop's CRT.c.
///
/// * SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE and SIGXCPU (every signal whose
///   default action ends the process without a core dump, and the CPU limit) only set a flag; `Terminal.nextEvent` reports it as
///   `.signal(n)` and the caller restores and exits with 128 + n. If a second one
///   arrives before the first was taken (the main loop is stuck), the handler
///   restores the terminal and `_exit`s at once.
/// * SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT restore the terminal, put
///   back the handler that was there before (Swift's backtracer, or ThreadModel's SIGBUS
///   handler for a file shortened under its mapping) and hand the signal on: a fault from the
///   kernel repeats when the handler returns, with its address intact for the next handler;
///   `abort` is raised again. So the backtrace is printed on a sane terminal. The same signals
///   sent by another process (`kill -SEGV`) end the process as their default action does.
/// * SIGXFSZ stays ignored (the process ignores it from the start): a write past `ulimit -f` fails
///   with EFBIG and is reported as a full disk is, instead of ending the reader.
///
/// Everything a handler touches is an atomic or memory allocated before any
/// handler is installed; handlers call only `endwin`, `dup2`, `read`, `write`,
/// `close`, `lseek`, `sigaction`, `raise` and `_exit`.
enum SignalTrap {
    static let termination: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU]
    static let crashes: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT]

    /// Installs the handlers, keeping the previous ones to chain to and to put back.
    static func install() {
        // Touch every global now, so no lazy initialisation ever runs inside a handler.
        _ = pendingSignal.load(ordering: .sequentiallyConsistent)
        _ = cursesActive.load(ordering: .sequentiallyConsistent)
        _ = terminalOutput.load(ordering: .sequentiallyConsistent)
        _ = savedStandardError.load(ordering: .sequentiallyConsistent)
        _ = capturedStandardError.load(ordering: .sequentiallyConsistent)
        _ = copyBuffer
        _ = previousActions
        registerExitHandler()

        for signal in termination {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in handleTermination(signal) }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a blocking read returns with EINTR, so the flag is seen promptly.
            action.sa_flags = 0
            sigaction(signal, &action, previousActions + Int(signal))
        }
        for signal in crashes {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in handleCrash(signal, info) }
            sigemptyset(&action.sa_mask)
            // The backtracer may have set up an alternate stack for stack overflows; use it too.
            action.sa_flags = SA_ONSTACK | SA_SIGINFO
            sigaction(signal, &action, previousActions + Int(signal))
        }
    }

    /// Puts back the handlers `install` replaced.
    static func uninstall() {
        for signal in termination + crashes {
            sigaction(signal, previousActions + Int(signal), nil)
        }
        pendingSignal.store(0, ordering: .sequentiallyConsistent)
    }

    /// Whether a termination signal waits to be reported, leaving it for `takePending`.
    static var hasPending: Bool { pendingSignal.load(ordering: .sequentiallyConsistent) != 0 }

    /// The termination signal waiting to be reported, if any; taking it re-arms the handler.
    static func takePending() -> Int32? {
        let signal = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// Marks curses as running on `outputDescriptor`: from now on a crash or exit ends it.
    static func cursesStarted(outputDescriptor: Int32) {
        terminalOutput.store(outputDescriptor, ordering: .sequentiallyConsistent)
        cursesActive.store(true, ordering: .sequentiallyConsistent)
    }

    /// Ends curses if it is still running; whichever caller gets here first does it, once.
    ///
    /// Safe from a signal handler, `atexit` and `Terminal.restore` alike. `turnMouseOff`
    /// writes the mouse-reporting-off sequence itself, for paths where curses state may be
    /// half updated (endwin also turns the mouse off, when it can).
    @discardableResult
    static func endCurses(turnMouseOff: Bool) -> Bool {
        guard cursesActive.exchange(false, ordering: .sequentiallyConsistent) else { return false }
        endwin()
        releaseStandardError()
        let descriptor = terminalOutput.load(ordering: .sequentiallyConsistent)
        if turnMouseOff, descriptor >= 0 {
            // ncurses turns on X10 reporting (1000), plus SGR encoding (1006) where terminfo's XM asks for it.
            let sequence: StaticString = "\u{1B}[?1006;1000l"
            sequence.withUTF8Buffer { bytes in _ = write(descriptor, bytes.baseAddress, bytes.count) }
        }
        return true
    }

    /// Sends standard error to an unlinked temporary file while curses owns the screen.
    ///
    /// Anything written there meanwhile (Swift's "Fatal error: ..." line before a crash,
    /// say) would land on the alternate screen and vanish with it; `endCurses` copies it
    /// back to the real standard error once the terminal is restored.
    static func captureStandardError() {
        var template = Array("/tmp/tread-stderr-XXXXXX".utf8CString)
        let file = mkstemp(&template)
        guard file >= 0 else { return }
        unlink(&template)
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            close(file)
            if saved >= 0 { close(saved) }
            return
        }
        _ = copyBuffer
        capturedStandardError.store(file, ordering: .sequentiallyConsistent)
        savedStandardError.store(saved, ordering: .sequentiallyConsistent)
    }

    /// Puts standard error back and replays what was captured; async-signal-safe.
    private static func releaseStandardError() {
        let saved = savedStandardError.exchange(-1, ordering: .sequentiallyConsistent)
        let file = capturedStandardError.exchange(-1, ordering: .sequentiallyConsistent)
        guard saved >= 0, file >= 0 else { return }
        dup2(saved, STDERR_FILENO)
        close(saved)
        lseek(file, 0, SEEK_SET)
        while true {
            let count = read(file, copyBuffer, copyBufferSize)
            if count <= 0 { break }
            _ = write(STDERR_FILENO, copyBuffer, count)
        }
        close(file)
    }

    private static func registerExitHandler() {
        guard !exitHandlerRegistered.exchange(true, ordering: .sequentiallyConsistent) else { return }
        atexit { SignalTrap.endCurses(turnMouseOff: true) }
    }
}

/// The termination signal caught and not yet reported (0: none).
private let pendingSignal = Atomic<Int32>(0)
/// Whether curses owns the terminal (between newterm and endwin).
private let cursesActive = Atomic<Bool>(false)
/// The terminal's output file descriptor, for the mouse-off sequence.
private let terminalOutput = Atomic<Int32>(-1)
private let exitHandlerRegistered = Atomic<Bool>(false)
/// The real standard error while it is captured, and the file capturing it (-1: not capturing).
private let savedStandardError = Atomic<Int32>(-1)
private let capturedStandardError = Atomic<Int32>(-1)
private let copyBufferSize = 4096
nonisolated(unsafe) private let copyBuffer = UnsafeMutableRawPointer.allocate(byteCount: copyBufferSize, alignment: 8)
/// The handlers in place before `install`, indexed by signal number.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    actions.initialize(repeating: sigaction(), count: 65)
    return actions
}()

private func handleTermination(_ signal: Int32) {
    if pendingSignal.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent).exchanged {
        return
    }
    // The first one was never picked up: the main loop is not listening. Leave now.
    SignalTrap.endCurses(turnMouseOff: true)
    _exit(128 + signal)
}

private func handleCrash(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) {
    SignalTrap.endCurses(turnMouseOff: true)
    // Sent by another process (kill -SEGV): no crash to report, and the backtracer would print one
    // and return, leaving the process running in cooked mode. End it as the signal's default does.
    if SignalDefault.endIfSentByAnother(signal, info) { return }
    sigaction(signal, previousActions + Int(signal), nil)
    // si_code > 0: a fault of this thread, which happens again on return, now to the previous handler.
    if info.map({ $0.pointee.si_code <= 0 }) ?? true { raise(signal) }
}
