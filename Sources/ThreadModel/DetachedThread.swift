#if canImport(Glibc)
    import Glibc
#endif

/// Work on a plain detached thread of its own: a big load, the load's second scan, a visit built
/// beside the first frame, a pipe's feeding, a child's reaping. A POSIX thread, not Foundation's
/// `Thread`, whose own set-up costs more than a small job; not a dispatch queue, whose threads a job
/// that blocks (on a pipe, a child) would hold.
public enum DetachedThread {
    /// Starts `work` on a new detached thread; false when no thread could be made, and then `work`
    /// has not run (the caller decides: run it here, or go without).
    @discardableResult
    public static func start(_ work: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Work(work))
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<Work>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, box.toOpaque())
        guard started == 0 else {
            box.release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private final class Work: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
