import Foundation
import Reader
import SiteFormats
import Synchronization
import ThreadFetch
import ThreadModel

/// What the reader's `R` and Enter on a stub read from: the thread's address and its fetcher, or
/// its file. The reader asks (`ReaderState.fetch`); the loop runs `run` off the main thread.
struct LiveThread: Sendable {
    enum Origin: Sendable {
        case address(ThreadAddress, ThreadFetcher, ThreadCache?)
        case file(String, DocumentFormat?)
        /// Nothing may be read again; the text says why.
        case unavailable(String)
    }

    let origin: Origin
    /// The fetch still bringing the rest of a thread the reader opened on its first part.
    var opening: OpeningFetch?

    /// What the reader is told it may do.
    var source: ThreadSource {
        switch origin {
        case .address: return .address
        case .file: return .file
        case .unavailable(let reason): return .none(reason)
        }
    }

    /// Runs `request` against `discussion` (the one on screen) and answers with the message for the
    /// reader. A reload from an address rewrites the saved copy (atomically, by `ThreadCache.write`).
    /// `part` takes what arrives of the rest of a thread opened early (`.rest`), as it arrives, merged
    /// here into what is on screen (`.arrived`), or why it cannot be (`.fetchFailed`, once, then nothing).
    func run(
        _ request: FetchRequest, on discussion: Discussion, progress: @escaping @Sendable (String) -> Void,
        part: @escaping @Sendable (Message) -> Void = { _ in }
    ) async -> Message {
        let report: ThreadFetcher.Progress = { progress($0.text) }
        switch (origin, request.kind) {
        case (.address(let address, let fetcher, let cache), .reload):
            do throws(FetchError) {
                let merge = try await fetcher.reload(discussion, from: address, progress: report)
                // A stopped fetch must leave the copy on disk as it was too.
                if let cache, !Task.isCancelled {
                    try? cache.write(DocumentWriter.canonicalJSON(merge.discussion), for: address)
                }
                return .reloaded(merge)
            } catch {
                return .fetchFailed(Self.statusLine(error, doing: "reload"))
            }
        case (.address(_, let fetcher, _), .expand(let stub)):
            do throws(FetchError) {
                return .expanded(try await fetcher.expand(stub: stub, of: discussion, progress: report))
            } catch {
                return .fetchFailed(Self.statusLine(error, doing: "fetching the replies"))
            }
        case (.file(let path, let format), .reload):
            do throws(DocumentError) {
                let bytes = try DocumentBytes.read(path: path, copyingUpTo: BackgroundLoad.worthwhileSize - 1)
                let fresh = try Discussion.load(bytes, format: format)
                // The old file rewritten in place: its ids are gone, so the reader matches what it kept.
                if discussion.bytes.isStale { return .reloaded(discussion.replaced(by: fresh)) }
                return .reloaded(try discussion.merging(reload: fresh))
            } catch {
                return .fetchFailed(error.naming(path).description)
            }
        case (_, .rest):
            guard let opening else { return .fetchFailed("nothing more is being fetched") }
            let arriving = ArrivingParts(discussion)
            let outcome = await opening.follow(progress: progress) { fresh in
                if let message = arriving.merge(fresh, whole: false) { part(message) }
            }
            switch outcome {
            case .success(let whole):
                return arriving.merge(whole, whole: true) ?? .fetchFailed(arriving.failure ?? "")
            case .failure(let error): return .fetchFailed(Self.statusLine(error, doing: "fetching the rest"))
            }
        case (.unavailable(let reason), _):
            return .fetchFailed(reason)
        case (.file, .expand):
            return .fetchFailed("this thread was opened from a file: open it by its address to fetch these replies")
        }
    }
}

extension LiveThread {
    /// A failure for the status line: what failed and why first, the address last, where a
    /// narrow window cuts it ("reload failed: cannot connect (connection refused) · http://…").
    static func statusLine(_ error: FetchError, doing: String) -> String {
        let shown = FetchError.shown(error.url)
        // The reader is open: the copy it could fall back to is the thread on screen.
        var reason = error.descriptionWithTheCopyOpen
        if reason.hasPrefix(shown + ": ") { reason.removeFirst(shown.count + 2) }
        return "\(doing) failed: \(reason) · \(shown)"
    }
}

/// The parts of a thread still arriving, merged one after another into the thread on screen, off
/// the UI thread; after a part that cannot be merged, nothing more is.
private final class ArrivingParts: Sendable {
    private struct State {
        var discussion: Discussion
        var failure: String?
    }

    private let state: Mutex<State>

    init(_ discussion: Discussion) {
        state = Mutex(State(discussion: discussion))
    }

    var failure: String? { state.withLock { $0.failure } }

    /// `.arrived` with `fresh` merged into what came before; `.fetchFailed` the first time it cannot
    /// be; nil after that.
    func merge(_ fresh: Discussion, whole: Bool) -> Message? {
        state.withLock { state in
            guard state.failure == nil else { return nil }
            do {
                let merge = try state.discussion.merging(reload: fresh)
                state.discussion = merge.discussion
                return .arrived(merge, whole: whole)
            } catch {
                state.failure = "the comments that arrived cannot be shown: \(error)"
                return .fetchFailed(state.failure ?? "")
            }
        }
    }
}
