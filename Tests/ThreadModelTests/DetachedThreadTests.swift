import CThreads
import Dispatch
import Synchronization
import Testing

@testable import ThreadModel

/// Detached threads run their work; one started on another core than its creator's may use every core
/// once it has started (it is only kept off the creator's core until then).
@Suite struct DetachedThreadTests {
    /// The cores the work's thread may use, reported once it has run.
    private func coresOfAThread(onAnotherCore: Bool) throws -> Int32 {
        let cores = Mutex<Int32?>(nil)
        let done = DispatchSemaphore(value: 0)
        #expect(
            DetachedThread.start(onAnotherCore: onAnotherCore) {
                cores.withLock { $0 = tread_thread_core_count() }
                done.signal()
            })
        #expect(done.wait(timeout: .now() + 10) == .success)
        return try #require(cores.withLock { $0 })
    }

    @Test func aThreadStartedAwayFromItsCreatorMayThenRunAnywhere() throws {
        let here = tread_thread_core_count()
        try #require(here > 0)
        // On one core there is nowhere else: it starts there, as any thread does.
        #expect(try coresOfAThread(onAnotherCore: true) == here)
        #expect(try coresOfAThread(onAnotherCore: false) == here)
    }
}
