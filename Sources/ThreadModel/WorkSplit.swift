import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// A range of comments cut into as many parts as there are cores, each worked on by its own thread.
///
/// For work that reads the document and writes only its own part's results (matching a search or
/// a filter over a million comments): the parts are independent, so each core takes one, and the
/// caller gets them back in order. Small ranges stay on the calling thread, where a thread costs
/// more than it saves.
public enum WorkSplit {
    /// The fewest comments worth a thread of their own (matching them takes about a millisecond).
    public static let smallestPart = 8_192

    /// The cores online.
    public static let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// `range` cut into at most `cores` consecutive parts of at least `smallestPart` (one part when small).
    public static func parts(of range: Range<Int>) -> [Range<Int>] {
        let count = min(cores, max(1, range.count / smallestPart))
        guard count > 1 else { return [range] }
        let size = (range.count + count - 1) / count
        return stride(from: range.lowerBound, to: range.upperBound, by: size).map {
            $0..<min(range.upperBound, $0 + size)
        }
    }

    /// `work` applied to each part of `range`, the parts run at once; the results in the parts' order.
    public static func map<Result: Sendable>(
        _ range: Range<Int>, _ work: @escaping @Sendable (Range<Int>) -> Result
    ) -> [Result] {
        let parts = parts(of: range)
        guard parts.count > 1 else { return parts.map(work) }
        let slots = Slots<Result>(count: parts.count)
        defer { slots.deallocate() }
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in slots.base[k] = work(parts[k]) }
        return (0..<parts.count).map { slots.base[$0]! }
    }

    /// One result slot per part; each thread writes only its own, and the caller reads them all
    /// after `concurrentPerform` has returned (which waits for every iteration).
    private struct Slots<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result?>
        let count: Int

        init(count: Int) {
            self.count = count
            base = .allocate(capacity: count)
            base.initialize(repeating: nil, count: count)
        }

        func deallocate() {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }
}
