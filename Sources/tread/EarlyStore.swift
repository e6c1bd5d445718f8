import Dispatch
import ReadingState
import Synchronization
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// The reading state's store, opened on a thread of its own from the start of the reader's command,
/// beside the config, the document and ncurses rather than after them (opening takes about as long as
/// all three); the same thread then builds the early visit (`EarlyVisit`) once the document is in.
///
/// Only for a store already there, so a command that then fails (a missing file, a bad config) never
/// makes one; the first start opens it as before. What opening says (a damaged, busy or newer store)
/// reaches the reader when the visit is built, as it did.
final class EarlyStore: Sendable {
    private let opened = Mutex<Result<ReadingStore, StoreError>?>(nil)
    private let open = DispatchSemaphore(value: 0)
    /// What the thread does once the store is open: nil until handed (`then`), `.some(nil)` for nothing.
    private let next = Mutex<(@Sendable () -> Void)??>(nil)
    private let handed = DispatchSemaphore(value: 0)

    /// Starts opening the store in `directory` when its file is there; nil otherwise, or when no
    /// thread could be made (the reader then opens it when it builds the visit).
    static func start(directory: String?) -> EarlyStore? {
        guard let directory,
            access(directory + "/" + ReadingStore.fileName, F_OK) == 0
        else { return nil }
        let early = EarlyStore()
        guard DetachedThread.start(onAnotherCore: true, { early.run(directory) }) else { return nil }
        return early
    }

    private func run(_ directory: String) {
        let result = Result { () throws(StoreError) in try ReadingStore(directory: directory) }
        opened.withLock { $0 = result }
        open.signal()
        handed.wait()
        if let work = next.withLock({ $0 }) ?? nil { work() }
    }

    /// The store, or why it could not be opened, waiting for it.
    func store() throws(StoreError) -> ReadingStore {
        open.wait()
        // Signalled again, so that a later call returns at once.
        open.signal()
        guard let result = opened.withLock({ $0 }) else {
            throw .unavailable(path: "the reading state", detail: "it was not opened")
        }
        return try result.get()
    }

    /// Runs `work` on the store's thread once the store is open; nil lets the thread end. Called once.
    func then(_ work: (@Sendable () -> Void)?) {
        next.withLock { $0 = .some(work) }
        handed.signal()
    }
}
