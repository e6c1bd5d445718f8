import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

// A big document is read by two scans at once. The second starts at a guess near the middle of the
// file: a `{` after `},` (or, for tests, any offset), which it takes for the start of a comment in
// some array of comments, and reads from there with a fresh state until the `]` of that array. It
// cannot know the comments around it, so it stops there, finds the next comment after that `]`
// the way the loader would (the members and `}` of the comment those were the replies of, then
// `,` and `{`, or `]` again), and reads a new run from it, to the end. The first scan reads from
// the start; when it stands at a comment whose start is the next run's, it is exactly where that run
// began (at a comment, in an array of comments), so it takes the run's records (parents moved by its
// own count, the run's top level under its own open comment), jumps to the run's `]` and goes on
// there as if it had read the run itself; an error the run ended in is then the load's error, at
// the same place. When it passes a run's start without standing on it (the guess was inside a string
// or a skipped value), it abandons the second scan and reads the rest alone. So the result, errors
// included, is always the sequential scan's.

extension CanonicalLoader {
    /// Documents below this size are read by one scan: a thread costs more than it saves.
    static let splitSize = 8 << 20
    /// Where the second scan starts, in percent of the file (measured on the 1M-comment file: the
    /// first scan's share plus taking the runs then takes about as long as the second scan's share;
    /// the assembly after both is shared by both cores).
    static let splitPercent = 47

    /// Starts the second scan: at `guess` when given (tests), else at a comment start near the
    /// middle of a big document on a machine with two cores or more.
    mutating func startSplit(at guess: Int?) {
        let start: Int?
        if let guess {
            start = guess
        } else if bytes.count >= Self.splitSize, WorkSplit.cores > 1 {
            // Before the middle: the first scan also takes the runs and assembles the whole (ids, order).
            start = Self.likelyCommentStart(in: bytes.buffer, after: bytes.count / 100 * Self.splitPercent)
        } else {
            start = nil
        }
        guard let start, start >= 0, start < bytes.count,
            let split = ScanSplit.start(bytes: bytes, at: start, runSize: splitRunSize)
        else { return }
        self.split = split
        splitNext = start
    }

    /// The first `{` after `offset` that follows `}` and `,` (white space between) and is followed by
    /// `"` or `}`: in a document, most likely a comment after its sibling. Searched over 4 MiB at most.
    static func likelyCommentStart(in bytes: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let end = min(bytes.count, offset + (4 << 20))
        var at = offset
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        while at < end, let found = memchr(base + at, Int32(UInt8(ascii: "{")), end - at) {
            let brace = base.distance(to: UnsafeRawPointer(found))
            at = brace + 1
            var back = brace - 1
            while back > 0, isBlank(bytes[back]) { back -= 1 }
            guard back > 0, bytes[back] == UInt8(ascii: ",") else { continue }
            back -= 1
            while back > 0, isBlank(bytes[back]) { back -= 1 }
            guard bytes[back] == UInt8(ascii: "}") else { continue }
            var ahead = brace + 1
            while ahead < bytes.count, isBlank(bytes[ahead]) { ahead += 1 }
            if ahead < bytes.count, bytes[ahead] == UInt8(ascii: "\"") || bytes[ahead] == UInt8(ascii: "}") {
                return brace
            }
        }
        return nil
    }

    /// Makes room at once for as many comments as the rest of the file is likely to hold (judged by
    /// the part read): the arrays then never double and copy themselves, which on a split load held
    /// both halves and two copies at once. Room never used is never touched, so it costs no memory.
    mutating func reserveForTheRest() {
        let scanned = Double(max(1, scanner.position - releaseFloor))
        let expected = Int(Double(records.count) * Double(bytes.count - releaseFloor) / scanned * 1.3)
        guard runLimit == nil, expected > records.capacity else { return }
        records.reserveCapacity(expected)
        hashes.ids.reserveCapacity(expected)
        hashes.authors.reserveCapacity(expected)
    }

    /// At a comment's `{` at or past `splitNext`: takes the split's run that starts here, if it
    /// does, and leaves the scanner where the run ended, returning where the loader stands there
    /// (after its array's `]`, or at the next comment); else abandons the split (nil).
    /// `parent` is the comment whose replies are open here, `depth` how many comments are open (its
    /// depth). Throws the error the run ended in.
    mutating func takeSplitRun(parent: Int32?, depth: Int) throws(DocumentError) -> Place? {
        guard let split else { return nil }
        // A preview is cut at a comment this scan stands on: while one may still come, read on alone.
        guard scanner.position == splitNext, preview == nil || previewDelivered || sawParentField,
            let run = split.run(splitTaken),
            records.count + run.records.count < Int(Int32.max)
        else {
            split.abandon()
            self.split = nil
            splitNext = .max
            return nil
        }
        splitTaken += 1
        let end: Int
        switch run.end {
        case .failure(let error):
            split.abandon()
            throw error
        case .success(let position): end = position
        }
        let offset = Int32(records.count)
        // Copied at once (a run is a few MB, so it is still in cache when its parents are moved).
        records.append(contentsOf: run.records)
        records.withUnsafeMutableBufferPointer { all in
            for k in Int(offset)..<all.count {
                if all[k].parent >= 0 {
                    all[k].parent += offset
                } else if let parent {
                    all[k].parent = parent
                    all[k].flags.insert(.nested)
                }
            }
        }
        hashes.append(run.hashes)
        // The run counted depths from its own start: its top level is `depth` levels down here.
        counts.comments += run.counts.comments
        counts.deleted += run.counts.deleted
        counts.topLevel += depth == 0 ? run.counts.topLevel : 0
        if run.counts.maximumDepth > 0 {
            counts.maximumDepth = max(counts.maximumDepth, run.counts.maximumDepth + depth)
        }
        sawParentField = sawParentField || run.sawParentField
        sawMemberAfterReplies = sawMemberAfterReplies || run.sawMemberAfterReplies
        scanner.position = end
        splitNext = run.next ?? .max
        // The runs were freed into the second thread's heap, where nothing of what comes next (the
        // index of every id) fits: give their pages back, or the peak holds the second half twice.
        if run.next == nil { ScanSplit.trimHeap() }
        return run.endsAtComment ? .element : .arrayEnd
    }

    /// The second scan's part: reads one run of comments from the scanner's position (a comment's
    /// `{`, if the guess was right) to the `]` of its array.
    mutating func readSplitRun() throws(DocumentError) {
        try readElements(from: .element)
    }

    /// After a run's `]`: the start of the next comment the loader would read, skipping what
    /// lies between as `readElements` does (the rest of the comment whose replies ended, its `}`,
    /// then `,` and a `{`, or another `]`); nil at anything else, or at the end.
    mutating func nextCommentStart() -> Int? {
        do {
            while true {
                // The rest of the comment whose `replies` just ended.
                members: while true {
                    switch scanner.peek() {
                    case UInt8(ascii: ","):
                        scanner.position += 1
                        _ = try scanner.readKey()
                        try scanner.skipValue()
                    case UInt8(ascii: "}"):
                        scanner.position += 1
                        break members
                    default: return nil
                    }
                }
                switch scanner.peek() {
                case UInt8(ascii: ","):
                    scanner.position += 1
                    return scanner.peek() == UInt8(ascii: "{") ? scanner.position : nil
                case UInt8(ascii: "]"):
                    scanner.position += 1
                default: return nil
                }
            }
        } catch {
            return nil
        }
    }
}

extension Discussion {
    /// Loads a canonical document with the second scan of a split load started at `splitAt`
    /// (any offset: a wrong one must only cost time); for tests, which compare it with `load(canonical:)`.
    static func load(canonical bytes: DocumentBytes, splitAt: Int) throws(DocumentError) -> Discussion {
        var loader = CanonicalLoader(bytes: bytes)
        return try loader.load(splitAt: splitAt)
    }
}

/// The second scan of a split load: its runs of comments, handed to the first scan in order.
final class ScanSplit: Sendable {
    /// One run of comments, read from `start` with a fresh state.
    struct Run: Sendable {
        var records: [CommentRecord]
        var hashes: RecordHashes
        var sawParentField: Bool
        var sawMemberAfterReplies: Bool
        /// The run's counts, depths from its start.
        var counts: DiscussionStatistics
        /// Where the scanner stood after the run's `]`, or the error the run ended in.
        var end: Result<Int, DocumentError>
        /// Where the next run starts.
        var next: Int?
        /// Whether the run ended at the next comment of its array (cut for size), not after its `]`.
        var endsAtComment: Bool
    }

    /// Comments after which a run ends at the next comment of its top level (3.5 MB of records), so
    /// the first scan never holds all of the second half besides its own copy of it.
    static let runSize = 65_536

    private struct Shared {
        /// Runs read, in file order; a taken one is nil.
        var runs: [Run?] = []
        var finished = false
    }

    private let shared = Mutex(Shared())
    private let condition = Condition()
    private let abandoned = Atomic<Bool>(false)

    /// Starts the second scan at `start` on a thread of its own; nil when no thread can be had.
    static func start(bytes: DocumentBytes, at start: Int, runSize: Int) -> ScanSplit? {
        let split = ScanSplit()
        let job = Job(split: split, bytes: bytes, start: start, runSize: runSize)
        return DetachedThread.start(onAnotherCore: true) { job.run() } ? split : nil
    }

    /// Gives the free pages of every heap back to the system: glibc's `malloc_trim`, which Swift's
    /// Glibc module leaves out (it is declared in malloc.h), looked up by name.
    static func trimHeap() {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            typealias Trim = @convention(c) (Int) -> Int32
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }

    /// Tells the second scan to stop; its runs are no longer wanted.
    func abandon() { abandoned.store(true, ordering: .relaxed) }

    var isAbandoned: Bool { abandoned.load(ordering: .relaxed) }

    /// Run `index`, waiting until it is read; nil when the second scan ended before it.
    func run(_ index: Int) -> Run? {
        condition.wait { shared.withLock { $0.runs.count > index || $0.finished } }
        return shared.withLock { state in
            guard index < state.runs.count else { return nil }
            defer { state.runs[index] = nil }
            return state.runs[index]
        }
    }

    private func publish(_ change: (inout Shared) -> Void) {
        shared.withLock { change(&$0) }
        condition.signal()
    }

    private final class Job: @unchecked Sendable {
        let split: ScanSplit
        let bytes: DocumentBytes
        let start: Int
        let runSize: Int

        init(split: ScanSplit, bytes: DocumentBytes, start: Int, runSize: Int) {
            self.split = split
            self.bytes = bytes
            self.start = start
            self.runSize = runSize
        }

        func run() {
            let split = self.split
            var next: Int? = start
            // Given back so far, across runs: never before the first run, which the first scan may still read.
            var released = start
            while let start = next, !split.isAbandoned {
                var loader = CanonicalLoader(bytes: bytes)
                loader.scanner.position = start
                loader.released = released
                loader.releaseFloor = released
                loader.abandoned = { split.isAbandoned }
                loader.runLimit = runSize
                // A run ends soon after `runSize` comments: room for them at once, not by doubling.
                loader.records.reserveCapacity(runSize + runSize / 8)
                loader.hashes.ids.reserveCapacity(runSize + runSize / 8)
                loader.hashes.authors.reserveCapacity(runSize)
                let end: Result<Int, DocumentError>
                next = nil
                do {
                    try loader.readSplitRun()
                    end = .success(loader.scanner.position)
                    next = loader.stoppedAtComment ? loader.scanner.position : loader.nextCommentStart()
                } catch {
                    end = .failure(error)
                }
                released = loader.released
                let run = Run(
                    records: loader.records, hashes: loader.hashes, sawParentField: loader.sawParentField,
                    sawMemberAfterReplies: loader.sawMemberAfterReplies, counts: loader.counts, end: end, next: next,
                    endsAtComment: loader.stoppedAtComment)
                split.publish { $0.runs.append(run) }
            }
            split.publish { $0.finished = true }
        }
    }
}
