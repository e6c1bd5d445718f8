import ThreadModel

/// The thread as the reader walks it: comments in preorder with depth, subtree extent and fold state.
///
/// A comment's subtree is the contiguous range `index ..< subtreeEnd(index)`, so folding,
/// skipping a subtree and every jump cost time in the size of the answer, never a walk of
/// the whole thread, and nothing here recurses over the nesting depth.
public struct CommentTree: Sendable {
    public let count: Int
    let parents: [Int32]
    let depths: [Int32]
    let ends: [Int32]
    let replyCounts: [Int32]
    let previousSiblings: [Int32]
    /// The top-level comments, ascending.
    public let roots: [Int32]
    public let maximumDepth: Int
    var folded: [Bool]
    /// `commentsBefore[i]`: how many of the entries before `i` are comments, not placeholders
    /// (`Discussion.isPlaceholder`); `count + 1` long. Every count of comments over a range of
    /// thread order (a subtree, the whole thread, the selection's number) is a difference of two.
    let commentsBefore: [Int32]

    /// Builds the tree from parent indices in preorder (every parent comes before its replies,
    /// and a subtree is contiguous), as `Discussion` keeps them.
    ///
    /// `placeholders` marks the entries that are one-line stand-ins rather than comments; they
    /// keep their place in the tree but are left out of every count of comments.
    public init(parents: [Int32], placeholders: [Bool] = []) {
        let n = parents.count
        count = n
        self.parents = parents
        var commentsBefore = [Int32](repeating: 0, count: n + 1)
        for i in 0..<n {
            let isPlaceholder = i < placeholders.count && placeholders[i]
            commentsBefore[i + 1] = commentsBefore[i] + (isPlaceholder ? 0 : 1)
        }
        self.commentsBefore = commentsBefore
        var depths = [Int32](repeating: 0, count: n)
        var ends = [Int32](repeating: 0, count: n)
        var replyCounts = [Int32](repeating: 0, count: n)
        var previousSiblings = [Int32](repeating: -1, count: n)
        var roots: [Int32] = []
        var maximumDepth: Int32 = 0
        // The last child seen so far of each comment, to link siblings in one pass.
        var lastChild = [Int32](repeating: -1, count: n)
        var lastRoot: Int32 = -1
        for i in 0..<n {
            ends[i] = Int32(i + 1)
            let parent = parents[i]
            if parent < 0 {
                roots.append(Int32(i))
                previousSiblings[i] = lastRoot
                lastRoot = Int32(i)
            } else {
                let p = Int(parent)
                depths[i] = depths[p] + 1
                maximumDepth = max(maximumDepth, depths[i])
                replyCounts[p] += 1
                previousSiblings[i] = lastChild[p]
                lastChild[p] = Int32(i)
            }
        }
        // Subtree ends, from the last comment back: a parent's subtree ends where its last descendant's does.
        for i in stride(from: n - 1, through: 0, by: -1) {
            let parent = parents[i]
            if parent >= 0, ends[Int(parent)] < ends[i] { ends[Int(parent)] = ends[i] }
        }
        self.depths = depths
        self.ends = ends
        self.replyCounts = replyCounts
        self.previousSiblings = previousSiblings
        self.roots = roots
        self.maximumDepth = Int(maximumDepth)
        folded = [Bool](repeating: false, count: n)
    }

    public init(discussion: Discussion) {
        self.init(
            parents: discussion.records.map(\.parent),
            placeholders: (0..<discussion.count).map(discussion.isPlaceholder))
    }

    public var isEmpty: Bool { count == 0 }

    // MARK: - Structure

    public func parent(of index: Int) -> Int? {
        let parent = parents[index]
        return parent < 0 ? nil : Int(parent)
    }

    /// Nesting depth: 0 for a top-level comment.
    public func depth(of index: Int) -> Int { Int(depths[index]) }
    /// Direct replies.
    public func replyCount(of index: Int) -> Int { Int(replyCounts[index]) }
    /// Entries at every level below, placeholders included: what folding hides from view.
    public func descendantCount(of index: Int) -> Int { Int(ends[index]) - index - 1 }

    // MARK: - Counting comments

    /// Whether the entry is a placeholder, not a comment.
    public func isPlaceholder(_ index: Int) -> Bool { commentsBefore[index + 1] == commentsBefore[index] }

    /// How many entries are comments: what the rule, the status line and `tread stats` say.
    public var commentCount: Int { Int(commentsBefore[count]) }

    /// The comment's number in thread order, counted from 1 over comments only; nil for a placeholder.
    public func commentNumber(of index: Int) -> Int? {
        isPlaceholder(index) ? nil : Int(commentsBefore[index]) + 1
    }

    /// How many comments come before `index` in thread order.
    public func commentsBefore(_ index: Int) -> Int { Int(commentsBefore[index]) }

    /// Replies at every level below that are comments: what a fold or a depth limit hides,
    /// as its "N replies hidden" says. O(1).
    public func hiddenCommentCount(of index: Int) -> Int {
        Int(commentsBefore[Int(ends[index])] - commentsBefore[index + 1])
    }
    /// The comment and all its replies, as a range of thread order.
    public func subtree(of index: Int) -> Range<Int> { index..<Int(ends[index]) }
    public func subtreeEnd(of index: Int) -> Int { Int(ends[index]) }

    /// The top-level comment of the thread `index` is in.
    public func root(of index: Int) -> Int {
        // The last root at or before `index`: a binary search over the sorted roots.
        var low = 0
        var high = roots.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(roots[middle]) <= index { low = middle } else { high = middle - 1 }
        }
        return Int(roots[low])
    }

    /// The ancestor `levels` up (stopping at the top-level comment).
    public func ancestor(of index: Int, levels: Int) -> Int {
        var node = index
        var left = levels
        while left > 0, parents[node] >= 0 {
            node = Int(parents[node])
            left -= 1
        }
        return node
    }

    public func nextSibling(of index: Int) -> Int? {
        let next = Int(ends[index])
        let limit = parents[index] < 0 ? count : Int(ends[Int(parents[index])])
        return next < limit ? next : nil
    }

    public func previousSibling(of index: Int) -> Int? {
        let previous = previousSiblings[index]
        return previous < 0 ? nil : Int(previous)
    }

    /// The next top-level comment after the thread `index` is in.
    public func nextThread(after index: Int) -> Int? {
        let next = Int(ends[root(of: index)])
        return next < count ? next : nil
    }

    /// The top of the thread `index` is in when it is inside one, else the previous top-level comment.
    public func previousThread(before index: Int) -> Int? {
        let root = root(of: index)
        if root != index { return root }
        return previousSibling(of: root)
    }

    // MARK: - Folding

    public func isFolded(_ index: Int) -> Bool { folded[index] }

    /// Whether the comment has replies to fold.
    public func isFoldable(_ index: Int) -> Bool { replyCounts[index] > 0 }

    /// Folds a comment (hides its replies); a comment without replies stays as it is.
    public mutating func fold(_ index: Int) {
        if replyCounts[index] > 0 { folded[index] = true }
    }

    public mutating func unfold(_ index: Int) { folded[index] = false }

    public mutating func toggleFold(_ index: Int) {
        if folded[index] { unfold(index) } else { fold(index) }
    }

    /// Folds every comment that has replies.
    public mutating func foldAll() {
        for i in 0..<count { folded[i] = replyCounts[i] > 0 }
    }

    public mutating func unfoldAll() {
        for i in 0..<count { folded[i] = false }
    }

    /// Shows every thread down to `levels` levels (1 = top-level comments only) and folds below.
    public mutating func showLevels(_ levels: Int) {
        let cut = Int32(max(1, levels) - 1)
        for i in 0..<count { folded[i] = depths[i] >= cut && replyCounts[i] > 0 }
    }

    /// Unfolds every ancestor of `index`, so it becomes visible.
    public mutating func reveal(_ index: Int) {
        var node = parents[index]
        while node >= 0 {
            folded[Int(node)] = false
            node = parents[Int(node)]
        }
    }

    // MARK: - Visible comments

    /// Whether no ancestor of the comment is folded. Costs the comment's depth.
    public func isVisible(_ index: Int) -> Bool {
        var node = parents[index]
        while node >= 0 {
            if folded[Int(node)] { return false }
            node = parents[Int(node)]
        }
        return true
    }

    /// The visible comment that hides `index`: itself when visible, else its highest folded ancestor.
    public func visibleAncestor(of index: Int) -> Int {
        var shown = index
        var node = parents[index]
        while node >= 0 {
            if folded[Int(node)] { shown = Int(node) }
            node = parents[Int(node)]
        }
        return shown
    }

    public var firstVisible: Int? { count > 0 ? 0 : nil }

    public var lastVisible: Int? { count > 0 ? visibleAncestor(of: count - 1) : nil }

    /// The visible comment after the visible comment `index`.
    public func nextVisible(after index: Int) -> Int? {
        let next = folded[index] ? Int(ends[index]) : index + 1
        return next < count ? next : nil
    }

    /// The visible comment before the visible comment `index`.
    public func previousVisible(before index: Int) -> Int? {
        guard index > 0 else { return nil }
        // The comment just before is visible unless an ancestor of it below our parent is folded;
        // the highest such ancestor is what shows. Costs the depth difference only.
        let stop = parents[index]
        var shown = index - 1
        var node = Int32(index - 1)
        while node >= 0, node != stop {
            if folded[Int(node)] { shown = Int(node) }
            node = parents[Int(node)]
        }
        return shown
    }

    /// Checks the structural invariants; free in release builds.
    public func checkInvariants() {
        #if DEBUG
            for i in 0..<count {
                let parent = parents[i]
                precondition(parent < Int32(i), "a parent comes before its replies")
                if parent >= 0 {
                    precondition(depths[i] == depths[Int(parent)] + 1, "a reply is one level below its parent")
                    precondition(ends[i] <= ends[Int(parent)], "a reply's subtree lies in its parent's")
                } else {
                    precondition(depths[i] == 0, "a top-level comment has depth 0")
                }
                precondition(ends[i] > Int32(i) && Int(ends[i]) <= count, "a subtree holds its comment")
            }
        #endif
    }
}
