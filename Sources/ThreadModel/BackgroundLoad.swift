import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Loads a big canonical document on a second thread, so the reader can show its first
/// screen from a preview while the rest is read.
///
/// The reader polls: `preview` once the first threads are in, `result` once all is read
/// (or it failed), and `progress` in between.
public final class BackgroundLoad: Sendable {
    private struct Shared {
        var preview: Discussion?
        var result: Result<Discussion, DocumentError>?
        var scanned = 0
    }

    private let shared = Mutex(Shared())
    private let condition = Condition()
    public let totalBytes: Int
    /// Below this a document loads faster than a thread is worth.
    public static let worthwhileSize = 8 << 20

    /// Starts loading `bytes` (a canonical document) in the background; `wholeThreads` as for
    /// `Discussion.load(canonical:previewAfter:wholeThreads:…)`: false when nothing on the first screens
    /// counts the replies of a thread (nothing folded, no filter), so the preview comes after 2,000
    /// comments even when the first thread holds 200,000.
    public init(bytes: DocumentBytes, previewAfter: Int = 2_000, wholeThreads: Bool = true) {
        totalBytes = bytes.count
        let job = Job(load: self, bytes: bytes, previewAfter: previewAfter, wholeThreads: wholeThreads)
        // No thread to be had: load here, so the caller still gets its result.
        if !DetachedThread.start({ job.run() }) { job.run() }
    }

    /// The work of the loading thread.
    private final class Job: @unchecked Sendable {
        let load: BackgroundLoad
        let bytes: DocumentBytes
        let previewAfter: Int
        let wholeThreads: Bool

        init(load: BackgroundLoad, bytes: DocumentBytes, previewAfter: Int, wholeThreads: Bool) {
            self.load = load
            self.bytes = bytes
            self.previewAfter = previewAfter
            self.wholeThreads = wholeThreads
        }

        func run() {
            let load = self.load
            let result: Result<Discussion, DocumentError>
            do {
                result = .success(
                    try Discussion.load(
                        canonical: bytes, previewAfter: previewAfter, wholeThreads: wholeThreads,
                        preview: { discussion in load.publish { $0.preview = discussion } },
                        progress: { scanned in load.publish { $0.scanned = scanned } }))
            } catch {
                result = .failure(error)
            }
            load.publish { $0.result = result }
        }
    }

    private func publish(_ change: (inout Shared) -> Void) {
        shared.withLock { change(&$0) }
        condition.signal()
    }

    /// The preview, if one was made (and not yet taken).
    public func takePreview() -> Discussion? {
        shared.withLock { state in
            defer { state.preview = nil }
            return state.preview
        }
    }

    /// The finished load, once there is one.
    public var result: Result<Discussion, DocumentError>? { shared.withLock { $0.result } }

    /// The share of the file read so far, 0...1.
    public var progress: Double {
        let scanned = shared.withLock { $0.scanned }
        return totalBytes > 0 ? min(1, Double(scanned) / Double(totalBytes)) : 1
    }

    /// Waits until there is a preview or a result.
    public func waitForFirstScreen() {
        condition.wait { shared.withLock { $0.preview != nil || $0.result != nil } }
    }
}
