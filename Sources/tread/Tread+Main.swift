import ArgumentParser
import CStartup
import TextLayout
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

extension Tread {
    /// Runs the command, reporting every error through the sanitiser instead of the argument parser's `print`.
    ///
    /// The parser's own messages quote what the user typed (an unknown option, a bad value), which
    /// may be a file name holding escape sequences; they go to standard error as one sanitised
    /// line with the parser's exit status. Help, `--version` and completion scripts are tread's own
    /// text and go to standard output unchanged.
    static func main() {
        Startup.prepare()
        do {
            // The usual command lines skip ArgumentParser's parse (half a small `--print`'s CPU); the
            // rest, help and every mistake included, go through it.
            let words = Array(CommandLine.arguments.dropFirst())
            #if DEBUG
                if getenv("TREAD_CHECK_SHORTCUT") != nil { ReadArguments.checkEveryCommandLine() }
            #endif
            if let arguments = ReadArguments.common(words) {
                #if DEBUG
                    ReadArguments.checkAgreement(words, arguments)
                #endif
                try Reading(arguments).run()
                return
            }
            if let document = Stats.common(words) {
                #if DEBUG
                    Stats.checkAgreement(words, document)
                #endif
                try Stats.report(document)
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exitReporting(error)
        }
    }

    /// Prints `error` as the argument parser would, but sanitised, and exits with its status.
    static func exitReporting(_ error: Error) -> Never {
        let status = exitCode(for: error)
        if status == .success {
            var output = OutputBuffer()
            let text = fullMessage(for: error)
            if !text.isEmpty { output.write(text.hasSuffix("\n") ? text : text + "\n") }
            output.flush()
            Glibc.exit(0)
        }
        let message = self.message(for: error)
        if !message.isEmpty {
            writeError("tread: " + message)
            if status.rawValue == 64 {
                // The usage and help hint after the message are tread's own text; the message is not.
                let full = fullMessage(for: error)
                let rest = full.range(of: message).map { full[$0.upperBound...] } ?? ""
                for line in rest.split(separator: "\n") { writeError(String(line)) }
            }
        }
        Glibc.exit(status.rawValue)
    }
}

/// What runs first in the process, before any argument is read.
enum Startup {
    /// Makes signals and crashes end cleanly: see each step.
    static func prepare() {
        // A crash report must never wait for "Press space" on a terminal: the backtracer reads
        // SWIFT_BACKTRACE when the process starts, before any Swift code. CStartup sets it then when the
        // runtime is linked in; otherwise the process sets it here and runs itself again, once.
        if tread_startup_ran() == 0, getenv("SWIFT_BACKTRACE") == nil, getenv("TREAD_REEXECUTED") == nil,
            isatty(STDOUT_FILENO) == 1
        {
            setenv("SWIFT_BACKTRACE", "interactive=no", 1)
            setenv("TREAD_REEXECUTED", "1", 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // Not re-executed (no /proc): go on; the terminal is restored before the backtracer runs anyway.
        }
        unsetenv("TREAD_REEXECUTED")
        // A closed pipe is an error from write (EPIPE), not a signal: `--print | head -1` ends quietly.
        signal(SIGPIPE, SIG_IGN)
        // A file past `ulimit -f` is an error from write (EFBIG), reported as a full disk is and its
        // temporary file removed, not a signal that kills tread mid-write.
        signal(SIGXFSZ, SIG_IGN)
    }
}
