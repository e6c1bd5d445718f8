import Dispatch
import Foundation
import Reader
import ReadingState
import Synchronization
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// The visit to the thread the reader opens on, built on a thread of its own from the reader's first
/// moment: the store is opened and the thread's state read while ncurses starts and the first screen
/// is laid out (beside them on a second core, rather than before them).
///
/// The first screen waits for it at most `firstScreenWait`, so that resuming still shows on it; a
/// store slower than that (another tread holding it, a slow disk) gives its visit when it comes, as a
/// big thread's does. Only for a thread whose visit the reader asks for at once (`.started`): a whole
/// small one, not a preview nor the first part of a fetch.
final class EarlyVisit: Sendable {
    /// How long the first screen waits for the visit.
    static let firstScreenWait = DispatchTimeInterval.milliseconds(100)

    /// The number of comments of the discussion it is the visit to.
    let count: Int
    private let built = Mutex<(visit: Visit, notice: String?)?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts building the visit to `thread`, or nil when the reader builds it otherwise (a big
    /// thread, a preview, a thread still arriving).
    static func start(_ thread: ThreadToRead) -> EarlyVisit? {
        guard thread.loading == nil, thread.live?.opening == nil,
            thread.discussion.count <= ReadingSession.synchronousLimit
        else {
            // The store opened early is taken when the visit is built; its thread has nothing more to do.
            thread.session.early?.then(nil)
            return nil
        }
        return EarlyVisit(thread.session, thread.discussion)
    }

    private init(_ session: ReadingSession, _ discussion: Discussion) {
        count = discussion.count
        let work: @Sendable () -> Void = { [self] in
            let result = session.start(discussion)
            built.withLock { $0 = result }
            done.signal()
            // Then, while the first frame is drawn, what the quit will need.
            session.prepareSave()
        }
        // On the thread opening the store since the command started, once it is open; else a thread of its
        // own; no thread to be had: build it here, as the reader did before.
        if let early = session.early {
            early.then(work)
        } else if !DetachedThread.start(onAnotherCore: true, work) {
            work()
        }
    }

    /// The visit, waiting for it up to `firstScreenWait`.
    func waitForFirstScreen() -> (visit: Visit, notice: String?)? {
        wait(until: .now() + Self.firstScreenWait)
    }

    /// The visit and the line to show when the state could not be used, waiting for them until
    /// `deadline`; nil when they are not built by then.
    func wait(until deadline: DispatchTime = .distantFuture) -> (visit: Visit, notice: String?)? {
        guard done.wait(timeout: deadline) == .success else { return nil }
        // Signalled again, so that a later wait returns at once.
        done.signal()
        return built.withLock { $0 }
    }
}
