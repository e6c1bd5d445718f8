import ThreadModel
import ThreadTree

/// What a filter makes of a thread: which comments match, which stay as context, which vanish.
///
/// A value of its own over the tree, so folds (kept in `CommentTree`) are untouched by it:
/// clearing the filter is dropping this value. Built in two linear passes over the preorder
/// arrays, with no recursion.
public struct FilteredThread: Sendable {
    /// How a comment shows under the filter.
    public enum Role: Equatable, Sendable {
        /// It matches: shown in full.
        case match
        /// An ancestor of a match: one muted line, kept so the match's place shows.
        case context
        /// No match in its subtree: not shown; a run of such siblings is one stub line.
        case hidden
    }

    /// One line of the filtered thread, in thread order.
    public enum Row: Equatable, Sendable {
        case comment(Int, Role)
        /// Sibling subtrees without a match, from `first` up to `end` (exclusive): "N comments hidden".
        case hidden(first: Int, end: Int, comments: Int)
    }

    /// The matching comments, ascending.
    public let matches: [Int32]
    /// Comments (placeholders left out) in the whole thread.
    public let total: Int
    let roles: [Role]
    let tree: CommentTree
    /// For the first comment of each run of hidden siblings: where the run ends.
    let runEnds: [Int32]
    /// For each top of a hidden subtree (a hidden comment whose parent is shown): its run's first.
    let runStarts: [Int32]
    /// Placeholders before each index, so a range's comment count costs two reads; empty when none.
    let placeholdersBefore: [Int32]

    /// Builds the filtered thread from `isMatch`, one flag per comment in thread order.
    public init(isMatch: [Bool], tree: CommentTree, discussion: Discussion) {
        let n = tree.count
        self.tree = tree
        var matches: [Int32] = []
        var inside = isMatch
        // From the last comment back: a subtree holds a match when its comment or a reply's subtree does.
        for i in stride(from: n - 1, through: 0, by: -1) where inside[i] {
            if let parent = tree.parent(of: i) { inside[parent] = true }
        }
        var roles = [Role](repeating: .hidden, count: n)
        for i in 0..<n {
            if isMatch[i] {
                roles[i] = .match
                matches.append(Int32(i))
            } else if inside[i] {
                roles[i] = .context
            }
        }
        // Most threads have no placeholders: then the counts need no table at all.
        var placeholdersBefore: [Int32] = []
        if discussion.commentCount != n {
            placeholdersBefore = [Int32](repeating: 0, count: n + 1)
            for i in 0..<n {
                placeholdersBefore[i + 1] = placeholdersBefore[i] + (discussion.isPlaceholder(i) ? 1 : 0)
            }
        }
        // Runs of hidden siblings: each hidden comment whose previous sibling is shown starts one.
        var runEnds = [Int32](repeating: -1, count: n)
        var runStarts = [Int32](repeating: -1, count: n)
        var i = 0
        while i < n {
            guard roles[i] == .hidden else {
                i += 1
                continue
            }
            let limit = tree.parent(of: i).map { tree.subtreeEnd(of: $0) } ?? n
            var end = tree.subtreeEnd(of: i)
            while end < limit, roles[end] == .hidden { end = tree.subtreeEnd(of: end) }
            runEnds[i] = Int32(end)
            // Every subtree of the run knows where the run starts, for walking rows backwards.
            var member = i
            while member < end {
                runStarts[member] = Int32(i)
                member = tree.subtreeEnd(of: member)
            }
            i = end
        }
        self.matches = matches
        self.roles = roles
        self.runEnds = runEnds
        self.runStarts = runStarts
        self.placeholdersBefore = placeholdersBefore
        total = discussion.commentCount
    }

    public var matchCount: Int { matches.count }

    public func role(of index: Int) -> Role { roles[index] }

    /// The status line's words: `filter: 37 of 12,418`.
    public var status: String { "filter: \(CountText.grouped(matchCount)) of \(CountText.grouped(total))" }

    /// Comments (not placeholders) in `range`.
    func comments(in range: Range<Int>) -> Int {
        if placeholdersBefore.isEmpty { return range.count }
        return range.count - Int(placeholdersBefore[range.upperBound] - placeholdersBefore[range.lowerBound])
    }

    /// The row that starts at `index`: the comment, or the stub of the hidden run it begins.
    /// Nil for a hidden comment that is not the first of its run (it lies inside a stub).
    public func row(at index: Int) -> Row? {
        switch roles[index] {
        case .hidden:
            let end = runEnds[index]
            guard end >= 0 else { return nil }
            return .hidden(first: index, end: Int(end), comments: comments(in: index..<Int(end)))
        case let role: return .comment(index, role)
        }
    }

    /// The first row after the one starting at `index`, skipping the replies of comments folded
    /// in `folds` (the reader's tree, whose folds the filter leaves alone). Nil at the end.
    public func nextRow(after index: Int, folds: CommentTree) -> Int? {
        var next: Int
        if roles[index] == .hidden, runEnds[index] >= 0 {
            next = Int(runEnds[index])
        } else {
            next = folds.isFolded(index) ? tree.subtreeEnd(of: index) : index + 1
        }
        // Only a hidden comment inside a run already skipped could be next; a run's first always starts a row.
        while next < tree.count, row(at: next) == nil { next = tree.subtreeEnd(of: next) }
        return next < tree.count ? next : nil
    }

    /// The row before the one starting at `index`, honouring the folds of `folds`; nil at the top.
    /// Costs the depth of the comment before.
    public func previousRow(before index: Int, folds: CommentTree) -> Int? {
        guard index > 0, let before = folds.previousVisible(before: index) else { return nil }
        guard roles[before] == .hidden else { return before }
        // Up to the top of its hidden subtree, whose run starts the row.
        var top = before
        while let parent = tree.parent(of: top), roles[parent] == .hidden { top = parent }
        return Int(runStarts[top])
    }

    /// The first comment of the row that shows `index`: itself, or the first of the stub it lies in.
    /// Costs the depth of `index`.
    public func rowStart(of index: Int) -> Int {
        guard roles[index] == .hidden else { return index }
        var top = index
        while let parent = tree.parent(of: top), roles[parent] == .hidden { top = parent }
        return Int(runStarts[top])
    }

    /// Every row from the first, for printing and tests; costs the rows plus the skipped runs.
    public func rows(folds: CommentTree) -> [Row] {
        var rows: [Row] = []
        guard tree.count > 0 else { return rows }
        var index: Int? = 0
        while let i = index {
            if let row = row(at: i) { rows.append(row) }
            index = nextRow(after: i, folds: folds)
        }
        return rows
    }

    /// The first match after `index`, wrapping to the first; nil when nothing matches.
    public func nextMatch(after index: Int) -> Int? {
        guard let first = matches.first else { return nil }
        let k = firstMatchPosition(above: index)
        return k < matches.count ? Int(matches[k]) : Int(first)
    }

    /// The last match before `index`, wrapping to the last; nil when nothing matches.
    public func previousMatch(before index: Int) -> Int? {
        guard let last = matches.last else { return nil }
        let k = firstMatchPosition(above: index - 1) - 1
        // Positions above index-1 start at k+1, so matches[k] is the last at or below index-1.
        return k >= 0 ? Int(matches[k]) : Int(last)
    }

    /// How many matches are at or below `index`: the position of the first match above it.
    func firstMatchPosition(above index: Int) -> Int {
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if Int(matches[middle]) <= index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Which comments to keep when copying the filter out: the matches and their ancestors.
    public var kept: [Bool] { roles.map { $0 != .hidden } }
}
