#if canImport(Glibc)
    import Glibc
#endif

/// What a crash handler does with a crash signal another process sent (`kill -SEGV`): there is no
/// crash to report, and the backtracer would print one and return, leaving the process running.
package enum SignalDefault {
    /// Ends the process as the signal's default does when another process sent it; false when it
    /// is a fault of this process (the handler goes on). Async-signal-safe: `sigaction` and `raise`.
    package static func endIfSentByAnother(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) -> Bool {
        guard let info, info.pointee.si_code <= 0, info.pointee._sifields._kill.si_pid != getpid() else {
            return false
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(signal, &action, nil)
        raise(signal)
        return true
    }
}
