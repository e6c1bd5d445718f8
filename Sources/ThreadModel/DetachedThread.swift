import CThreads

/// Work on a plain detached thread of its own: a big load, the load's second scan, a visit built
/// beside the first frame, a pipe's feeding, a child's reaping. A POSIX thread, not Foundation's
/// `Thread`, whose own set-up costs more than a small job; not a dispatch queue, whose threads a job
/// that blocks (on a pipe, a child) would hold.
public enum DetachedThread {
    /// Starts `work` on a new detached thread; false when no thread could be made, and then `work`
    /// has not run (the caller decides: run it here, or go without).
    ///
    /// `onAnotherCore`: the thread starts on a core other than the caller's, when the process may use one,
    /// and may run anywhere once it has started. For work that must run beside the caller's: the kernel
    /// placed a process's new thread on its creator's core about half of the time (a process that has just
    /// started looks idle), where it waited until the creator blocked or the next tick's balancing moved
    /// it, about half a millisecond (issue 25: the store's thread of the sample's start).
    @discardableResult
    public static func start(onAnotherCore: Bool = false, _ work: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Work(work))
        let started = tread_thread_start(
            { context in
                guard let context else { return }
                Unmanaged<Work>.fromOpaque(context).takeRetainedValue().run()
            }, box.toOpaque(), onAnotherCore ? 1 : 0)
        guard started == 0 else {
            box.release()
            return false
        }
        return true
    }

    private final class Work: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
