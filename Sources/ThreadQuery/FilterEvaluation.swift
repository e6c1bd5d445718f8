import ThreadModel

/// A query being evaluated over a thread in steps, so a reader can draw progress between them.
///
/// Field queries finish in one `step`; a text search over a million comments takes a few, each a
/// range of comments the caller sizes to its frame budget.
public struct FilterEvaluation: Sendable {
    public let matcher: QueryMatcher
    private var flags: [Bool]
    /// Comments evaluated so far: the next step starts here.
    public private(set) var done = 0

    public init(matcher: QueryMatcher) {
        self.matcher = matcher
        flags = [Bool](repeating: false, count: matcher.tree.count)
    }

    public var count: Int { flags.count }
    public var isFinished: Bool { done >= flags.count }
    /// From 0 to 1.
    public var progress: Double { flags.isEmpty ? 1 : Double(done) / Double(flags.count) }

    /// Evaluates up to `limit` more comments; returns whether all are done.
    @discardableResult
    public mutating func step(limit: Int) -> Bool {
        let end = min(flags.count, done + max(1, limit))
        evaluate(done..<end)
        done = end
        return isFinished
    }

    /// Evaluates the comments in `range` (any order of ranges works; each is evaluated once), a big
    /// range on every core.
    public mutating func evaluate(_ range: Range<Int>) {
        let matcher = self.matcher
        let parts = WorkSplit.map(range) { part in
            // In chunks, so the per-term flag arrays stay small however big the step.
            var found: [Bool] = []
            found.reserveCapacity(part.count)
            var start = part.lowerBound
            while start < part.upperBound {
                let end = min(part.upperBound, start + Self.chunk)
                found.append(contentsOf: matcher.matches(in: start..<end))
                start = end
            }
            return found
        }
        var at = range.lowerBound
        for found in parts {
            for k in found.indices { flags[at + k] = found[k] }
            at += found.count
        }
    }

    static let chunk = 1 << 16

    /// Evaluates whatever is left and builds the filtered thread.
    public mutating func finish() -> FilteredThread {
        step(limit: flags.count)
        return FilteredThread(isMatch: flags, tree: matcher.tree, discussion: matcher.discussion)
    }

    /// Evaluates whatever is left and builds the filtered thread, where no comment `hidden` hides matches
    /// (the kill-file's hidden comments show none of their text).
    public mutating func finish(excluding hidden: KillMarks?) -> FilteredThread {
        step(limit: flags.count)
        if let hidden, hidden.hiddenCount > 0 {
            for index in flags.indices where flags[index] && hidden.isHidden(index) { flags[index] = false }
        }
        return FilteredThread(isMatch: flags, tree: matcher.tree, discussion: matcher.discussion)
    }

    /// The filtered thread in one call.
    public static func run(_ matcher: QueryMatcher) -> FilteredThread {
        var evaluation = FilterEvaluation(matcher: matcher)
        return evaluation.finish()
    }
}
