import Dispatch
import Foundation
import Reader
import ThreadFetch
import ThreadModel

/// A fetch started before the reader opens, so the reader can open on its first part.
///
/// The command line waits (`waitForFirst`) until the first part or the whole thread is in; the
/// reader then follows the rest (`follow`), whose parts and progress go to the sinks it gives.
/// The saved copy is written only when the whole thread has arrived: a stopped or failed fetch
/// leaves the copy on disk as it was (a complete one, or none), never a part.
final class OpeningFetch: @unchecked Sendable {
    /// What the command line finds when it stops waiting.
    enum First {
        /// The first part; the rest is still coming.
        case part(Discussion)
        /// The fetch ended before any part went: the whole thread, or why not.
        case done(Result<Discussion, FetchError>)
    }

    private let lock = NSLock()
    private let firstIn = DispatchSemaphore(value: 0)
    private let saved = DispatchSemaphore(value: 0)
    private var signalled = false
    /// The newest part the reader has not seen yet.
    private var part: Discussion?
    private var progress: String?
    private var outcome: Result<Discussion, FetchError>?
    private var sinks: (progress: @Sendable (String) -> Void, part: @Sendable (Discussion) -> Void)?
    private var finished: CheckedContinuation<Result<Discussion, FetchError>, Never>?
    private var task: Task<Void, Never>?

    /// Starts fetching `address`; the whole thread, once in, is written to `cache`.
    init(_ address: ThreadAddress, fetcher: ThreadFetcher, cache: ThreadCache?) {
        task = Task.detached { [self] in
            let result = await fetcher.result(
                address,
                progress: { self.post(progress: $0.text) },
                parts: { self.post(part: $0) })
            // Opening on the whole thread (one answer), the reader need not wait for the copy; once it
            // shows parts, the copy is on disk before it says the whole thread is in.
            let openingOnWhole = self.lock.withLock { !self.signalled }
            if openingOnWhole { self.finish(result) }
            if case .success(let whole) = result, !Task.isCancelled, let cache {
                try? cache.write(DocumentWriter.canonicalJSON(whole), for: address)
            }
            if !openingOnWhole { self.finish(result) }
            self.saved.signal()
        }
    }

    /// Waits until the first part or the end of the fetch.
    func waitForFirst() -> First {
        firstIn.wait()
        return lock.withLock {
            // Whole already: no part is worth opening on. Failed after a part: open on it and say so there.
            if let outcome, case .success = outcome { return .done(outcome) }
            if let part {
                self.part = nil
                return .part(part)
            }
            return .done(outcome ?? .failure(FetchError(url: "", kind: .stopped)))
        }
    }

    /// Sends the rest to the reader: progress and parts to the sinks as they come; answers with
    /// the whole thread or why not. Cancelling the calling task stops the fetch.
    func follow(
        progress: @escaping @Sendable (String) -> Void, part: @escaping @Sendable (Discussion) -> Void
    ) async -> Result<Discussion, FetchError> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.withLock {
                    if let outcome {
                        // The last part of a cut fetch may have come just before its end.
                        if let waiting = self.part { part(waiting) }
                        self.part = nil
                        continuation.resume(returning: outcome)
                        return
                    }
                    if let text = self.progress { progress(text) }
                    if let waiting = self.part { part(waiting) }
                    self.part = nil
                    sinks = (progress, part)
                    finished = continuation
                }
            }
        } onCancel: {
            stop()
        }
    }

    /// Waits (a second at most) until the copy of a fetch that has ended is written, so quitting
    /// right after the first screen does not cut the write short. A fetch still running is
    /// stopped instead: it will write nothing, so there is nothing to wait for.
    func finishSaving() {
        if lock.withLock({ outcome == nil }) {
            stop()
            return
        }
        _ = saved.wait(timeout: .now() + 1)
    }

    /// Stops the fetch; what arrived stays on screen and nothing is written to the cache.
    func stop() {
        task?.cancel()
    }

    private func post(progress text: String) {
        lock.withLock {
            if let sinks { sinks.progress(text) } else { progress = text }
        }
    }

    private func post(part discussion: Discussion) {
        lock.withLock {
            if let sinks { sinks.part(discussion) } else { part = discussion }
            signalOnce()
        }
    }

    private func finish(_ result: Result<Discussion, FetchError>) {
        lock.withLock {
            outcome = result
            finished?.resume(returning: result)
            finished = nil
            sinks = nil
            signalOnce()
        }
    }

    /// Wakes `waitForFirst`, once; called with the lock held.
    private func signalOnce() {
        guard !signalled else { return }
        signalled = true
        firstIn.signal()
    }
}
