import ArgumentParser
import Foundation
import Reader
import ReadingState
import TextLayout
import ThreadFetch
import ThreadModel

/// Options about the reading state: what tread remembers of each thread between visits.
struct StateOptions: ParsableArguments {
    @Flag(
        name: .long,
        help: "Read without remembering: no new-comment markers, resume or marks, and nothing saved for this thread."
    )
    var noState = false
}

/// Opens the reading-state store, or prints why it cannot and throws the exit status for it.
///
/// For commands about the state itself (`recent`, `forget`): the reader instead reads on without state.
func openStateStore(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ReadingStore {
    guard let directory = ReadingStore.defaultDirectory(environment: environment) else {
        writeError("tread: no folder for the reading state: set XDG_STATE_HOME or HOME to an absolute path")
        throw ExitCode(78)
    }
    do {
        return try ReadingStore(directory: directory)
    } catch {
        throw stateExit(error)
    }
}

/// Prints a store error as one line and gives its sysexits status: 65 for a damaged or newer store, 75
/// (EX_TEMPFAIL) for one another tread holds, 74 otherwise.
func stateExit(_ error: StoreError) -> ExitCode {
    writeError("tread: \(error.description)")
    switch error {
    case .damaged, .newerVersion: return ExitCode(65)
    case .busy: return ExitCode(75)
    case .unavailable: return ExitCode(74)
    }
}

/// The reader's side of the reading state: opens the store, builds the visit, saves it on quit.
///
/// Every failure is one line for the status line (opening) or standard error (saving), then tread reads on
/// without remembering: the state is never a reason not to read a thread or not to quit.
///
/// `@unchecked Sendable`: `start` runs once at a time, on the visit job's thread (or `EarlyVisit`'s, or the
/// loop's), and sets `store` and `identity` before it hands the visit over through the inbox's lock (or
/// `EarlyVisit`'s); `save` reads them only with a visit
/// taken from there (or built on the same thread), so the lock orders every access.
final class ReadingSession: @unchecked Sendable {
    /// Below this many comments the visit is built before the first frame, so resuming shows at once;
    /// above it the first screen comes first (a million comments take about 0.2 s).
    static let synchronousLimit = 50_000

    private let remember: Bool
    /// The document's file as the store names it; nil for standard input, the sample and fetched threads.
    private let path: String?
    /// The site address it was fetched from, so `tread recent` can fetch it again; nil for files.
    private let address: String?
    private var store: ReadingStore?
    private var identity: ThreadIdentity?
    /// The store being opened since the command started, which `start` takes instead of opening it.
    let early: EarlyStore?

    init(remember: Bool, path: String?, address: String? = nil, early: EarlyStore? = nil) {
        self.remember = remember
        self.path = path
        self.address = address
        self.early = remember ? early : nil
    }

    /// The store's folder (`ReadingStore.defaultDirectory`) from the two variables it reads, not from
    /// Foundation's copy of the whole environment (a tenth of the visit's time on a small thread).
    static func stateDirectory() -> String? {
        ReadingStore.defaultDirectory(
            stateHome: getenv("XDG_STATE_HOME").map { String(cString: $0) },
            home: getenv("HOME").map { String(cString: $0) })
    }

    /// The file the document came from, as the state keeps it: absolute, or nil where there is no file.
    static func statePath(of document: DocumentOptions) -> String? {
        guard let file = document.file, file != "-", document.address == nil else { return nil }
        return ThreadIdentity.absolutePath(file)
    }

    /// The address the document was fetched from, as the state keeps it, or nil for a file.
    static func stateAddress(of document: DocumentOptions) -> String? {
        document.address?.displayAddress
    }

    /// The visit to `discussion`, and the line to show when the state cannot be used (then a visit that
    /// remembers nothing, so marks and jumps still work while reading).
    func start(_ discussion: Discussion, now: Date = Date()) -> (visit: Visit, notice: String?) {
        let identity = ThreadIdentity(article: discussion.article, path: path)
        var stored: ThreadState?
        var notice: String?
        if remember {
            do {
                guard let directory = ReadingSession.stateDirectory() else {
                    throw StoreError.unavailable(
                        path: "~/.local/state/tread", detail: "neither XDG_STATE_HOME nor HOME is set")
                }
                let store = try early?.store() ?? ReadingStore(directory: directory)
                stored = try store.load(identity)
                self.store = store
                self.identity = identity
            } catch {
                store = nil
                notice = Blocks.oneLine("tread: \(error); reading without it")
            }
        }
        return (
            Visit(discussion: discussion, identity: identity, stored: stored, path: path, address: address, now: now),
            notice
        )
    }

    /// Prepares the statements the quit's save runs, on the thread that built the visit (`EarlyVisit`'s).
    func prepareSave() {
        store?.prepareSave()
    }

    /// Saves `visit`; a failure is one line on standard error, never a failed quit.
    func save(_ visit: Visit?) {
        // Before the visit is in, `start` may still be running: nothing to save, and nothing to touch.
        guard let visit, let store, visit.identity == identity else { return }
        do {
            try store.save(visit, now: Date())
        } catch {
            writeError("tread: the reading state was not saved: \(error)")
        }
    }
}
