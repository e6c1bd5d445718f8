import ArgumentParser
import Dispatch
import Foundation
import Reader
import SiteFormats
import ThreadFetch
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// Options of commands that open a thread by its address.
struct FetchOptions {
    /// `--offline`: the saved copy only, never the network.
    var offline = false
    /// `--refresh`: fetch again even when the network fails, ignoring the saved copy.
    var refresh = false
}

/// A thread the command line fetched by its address: what the reader needs to open it and to fetch it again.
struct FetchedThread {
    /// The thread as fetched, so it is not read a second time from its canonical copy; nil when the
    /// saved copy's bytes stand for it.
    var discussion: Discussion?
    /// Where the thread came from, for the status line ("showing the copy saved 3 hours ago").
    var note: String?
    /// The fetcher and cache used, for the reader's `R` and stubs; nil with `--offline`.
    var live: (fetcher: ThreadFetcher, cache: ThreadCache?)?
    /// The fetch still bringing the rest of a thread whose first part the reader opens on.
    var opening: OpeningFetch?
    /// A fetch that opened the reader on the whole thread and may still be writing its copy.
    var finishing: OpeningFetch?

    /// The discussion for `bytes` (what the fetch returned): the one fetched, or the saved copy read,
    /// with the note saying it is a copy.
    func discussion(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var discussion: Discussion
        if let fetched = self.discussion {
            discussion = fetched
        } else {
            discussion = try Discussion.load(bytes, format: .tread)
        }
        if let note { discussion.notes.append(note) }
        return discussion
    }

    /// Before the process ends: lets an opening fetch finish writing its copy (it writes nothing
    /// when stopped), so a quick quit leaves no temporary file behind.
    func finishSaving() {
        (opening ?? finishing)?.finishSaving()
    }
}

/// A document as the command line read it: its bytes, and what fetching its address left, if it was one.
struct DocumentRead {
    var bytes: DocumentBytes
    var fetched: FetchedThread?
}

extension DocumentOptions {
    /// The thread address the user named instead of a file, if any.
    var address: ThreadAddress? {
        file.flatMap { ThreadAddress($0) }
    }

    /// Why the name, written as a thread's address, is not one tread opens; nil when it is one, is
    /// not written as one, or names a file that exists.
    var addressRefusal: String? {
        guard let file, address == nil, access(file, F_OK) != 0 else { return nil }
        return ThreadAddress.refusal(of: file)
    }

    /// What the reader's `R` and Enter on a stub read from, given what `read()` returned; nil for the sample.
    /// `filtered`: the reader shows a filtered subset, which a merge would fill again.
    func live(_ read: DocumentRead, filtered: Bool) -> LiveThread? {
        guard let file else { return nil }
        if filtered { return LiveThread(origin: .unavailable("the thread is filtered (--filter)")) }
        if let address {
            guard let live = read.fetched?.live else {
                return LiveThread(origin: .unavailable("it was opened with --offline; run tread without it"))
            }
            return LiveThread(origin: .address(address, live.fetcher, live.cache), opening: read.fetched?.opening)
        }
        if file == "-" { return LiveThread(origin: .unavailable("it was read from standard input")) }
        return LiveThread(origin: .file(file, format))
    }
}

/// The thread at `address` as a canonical document: fetched and saved, or the saved copy when
/// `--offline` or when the network fails. On failure prints one line and exits with 69 or 75.
///
/// `early` (the reader): where the site sends the thread in parts, the first part is returned as
/// soon as it is in and the fetch goes on, for the reader to follow (`live`); the copy is saved
/// when the whole thread is in. Otherwise (`--print`, `convert`, `stats`) the whole thread.
func fetchedDocument(_ address: ThreadAddress, options: FetchOptions, early: Bool = false) -> DocumentRead {
    switch fetchedDocumentOrError(address, options: options, early: early) {
    case .success(let read): return read
    case .failure(let error): fail(error)
    }
}

/// As `fetchedDocument`, the failure returned instead of ending tread (a front page's story: the list stays).
func fetchedDocumentOrError(_ address: ThreadAddress, options: FetchOptions, early: Bool)
    -> Result<DocumentRead, FetchError>
{
    let environment = ProcessInfo.processInfo.environment
    let cache = ThreadCache(environment: environment)
    let saved = cache?.read(address)
    let copy = options.refresh ? nil : saved
    if options.offline {
        guard let copy else { return .failure(FetchError(url: address.displayAddress, kind: .notCached)) }
        // Loaded before it is announced: a damaged copy is one line, not "showing the copy" and then its error.
        let discussion: Discussion
        do {
            discussion = try Discussion.load(copy.bytes, format: .tread)
        } catch {
            let damage = error.naming(cache?.path(for: address) ?? address.cacheName).description
            return .failure(
                FetchError(
                    url: address.displayAddress,
                    kind: .unreadable("the saved copy is damaged (\(damage)); run without --offline to fetch it again"))
            )
        }
        return .success(
            DocumentRead(
                bytes: copy.bytes,
                fetched: FetchedThread(discussion: discussion, note: noteCopy(age: copy.age, because: nil))))
    }
    let fetcher = configuredFetcher(environment)
    let live = (fetcher: fetcher, cache: cache)
    let progress = ProgressLine(enabled: isatty(STDERR_FILENO) != 0)
    progress.show("fetching \(address.displayAddress)")
    if early {
        let opening = OpeningFetch(address, fetcher: fetcher, cache: cache)
        let first = opening.waitForFirst()
        progress.clear()
        switch first {
        case .part(let discussion):
            return .success(
                DocumentRead(
                    bytes: discussion.bytes,
                    fetched: FetchedThread(discussion: discussion, live: live, opening: opening)))
        case .done(let result):
            // The fetch writes the copy itself, while the reader opens; nothing is left to follow.
            return fetched(result, address: address, copy: copy, cache: nil).mapError {
                withoutTheCopy($0, saved: saved)
            }.map { read in
                var read = read
                read.fetched?.live = live
                read.fetched?.finishing = opening
                return read
            }
        }
    }
    let result = runBlocking {
        await fetcher.result(address) { progress.show($0.text) }
    }
    progress.clear()
    return fetched(result, address: address, copy: copy, cache: cache).mapError {
        withoutTheCopy($0, saved: saved)
    }.map { read in
        var read = read
        read.fetched?.live = live
        return read
    }
}

/// The document of a fetch that ended: the thread, saved to `cache`; or the saved copy when the
/// network failed; or the failure.
private func fetched(
    _ result: Result<Discussion, FetchError>, address: ThreadAddress, copy: (bytes: DocumentBytes, age: Double)?,
    cache: ThreadCache?
) -> Result<DocumentRead, FetchError> {
    switch result {
    case .success(let discussion):
        if let cache {
            do {
                try cache.write(DocumentWriter.canonicalJSON(discussion), for: address)
            } catch {
                writeError("tread: \(error)")
            }
        }
        return .success(DocumentRead(bytes: discussion.bytes, fetched: FetchedThread(discussion: discussion)))
    case .failure(let error):
        // A copy that does not load (damaged) is no copy: the network's failure stands, not the copy's.
        guard error.isTemporary, let copy, let discussion = try? Discussion.load(copy.bytes, format: .tread) else {
            return .failure(error)
        }
        // The copy opens: no advice to add --offline to open it.
        writeError("tread: \(error.descriptionWithTheCopyOpen)")
        return .success(
            DocumentRead(
                bytes: copy.bytes,
                fetched: FetchedThread(
                    discussion: discussion,
                    note: noteCopy(
                        age: copy.age,
                        because: error.isCut ? "the whole thread did not arrive" : "the network failed"))))
    }
}

/// A failure with no saved copy that loads (none, or a damaged one) does not advise `--offline`, which
/// would only say there is no copy, or fail on it.
private func withoutTheCopy(_ error: FetchError, saved: (bytes: DocumentBytes, age: Double)?) -> FetchError {
    guard case .unreachable = error.kind else { return error }
    var error = error
    error.copySaved = saved.map { (try? Discussion.load($0.bytes, format: .tread)) != nil } ?? false
    return error
}

/// Says on standard error that the thread is a saved copy and how old; answers the same line for the
/// reader's status line.
private func noteCopy(age: Double, because reason: String?) -> String {
    let note = "showing the copy saved \(ThreadCache.ageText(age)) ago" + (reason.map { " (\($0))" } ?? "")
    writeError("tread: \(note)")
    return note
}

/// The fetcher the environment describes: the sites' API bases (`TREAD_*_API`) and the limits. A bad
/// base is one line and exit 78 (EX_CONFIG), wherever a fetch starts: the setting, not the thread, is wrong.
func configuredFetcher(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ThreadFetcher {
    let api: SiteAPI
    do {
        api = try SiteAPI(environment: environment)
    } catch {
        writeError("tread: \(error.description)")
        exit(78)
    }
    let limits = FetchLimits(environment: environment)
    let transport = URLSessionTransport(limits: limits, userAgent: "tread/\(treadVersion)")
    return ThreadFetcher(api: api, client: PoliteClient(transport: transport, limits: limits))
}

func fail(_ error: FetchError) -> Never {
    writeError("tread: \(error.description)")
    exit(error.exitStatus)
}

/// Runs async work to its end from synchronous code (the command line is synchronous).
func runBlocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await work()
        done.signal()
    }
    done.wait()
    guard let value = box.value else { preconditionFailure("the work ended without a value") }
    return value
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// One line of progress on standard error, redrawn in place; only when standard error is a terminal.
///
/// While it shows, ctrl-C (or another signal that ends tread) first ends the line, so the shell's
/// prompt starts on a line of its own; the signal then ends the process as it would have.
private final class ProgressLine: @unchecked Sendable {
    let enabled: Bool
    private let lock = NSLock()
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// The handlers in place before, put back by `clear`.
    private let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: ProgressLine.signals.count)

    init(enabled: Bool) {
        self.enabled = enabled
        guard enabled else { return }
        for (index, signal) in Self.signals.enumerated() {
            var action = sigaction()
            // Only write, sigaction and raise: what a handler may call.
            action.__sigaction_handler.sa_handler = { signal in
                _ = write(STDERR_FILENO, "\n", 1)
                var fallback = sigaction()
                fallback.__sigaction_handler.sa_handler = SIG_DFL
                sigaction(signal, &fallback, nil)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previous + index)
        }
    }

    deinit {
        previous.deallocate()
    }

    func show(_ text: String) {
        guard enabled else { return }
        lock.withLock { _ = writeAll(Array("\r\u{1B}[K\(text)".utf8), to: STDERR_FILENO) }
    }

    /// Clears the line and puts back the signals' handling.
    func clear() {
        guard enabled else { return }
        lock.withLock { _ = writeAll(Array("\r\u{1B}[K".utf8), to: STDERR_FILENO) }
        for (index, signal) in Self.signals.enumerated() { sigaction(signal, previous + index, nil) }
    }
}
