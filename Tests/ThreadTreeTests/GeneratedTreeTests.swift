import Testing

@testable import ThreadTree

/// A small deterministic generator (SplitMix64), so failures reproduce from the seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random thread in preorder: each comment replies to one on the path to the previous one, or starts a thread.
func randomParents(count: Int, seed: UInt64) -> [Int32] {
    var random = SeededRandom(state: seed)
    var parents: [Int32] = []
    var path: [Int32] = []
    for i in 0..<count {
        let keep = path.isEmpty ? 0 : Int.random(in: 0...path.count, using: &random)
        path.removeLast(path.count - keep)
        parents.append(path.last ?? -1)
        path.append(Int32(i))
    }
    return parents
}

/// The same queries answered the slow, obvious way, as an oracle.
struct NaiveTree {
    let parents: [Int32]
    var folded: [Bool]

    func depth(_ i: Int) -> Int {
        var d = 0
        var node = parents[i]
        while node >= 0 {
            d += 1
            node = parents[Int(node)]
        }
        return d
    }

    func isDescendant(_ i: Int, of ancestor: Int) -> Bool {
        var node = parents[i]
        while node >= 0 {
            if Int(node) == ancestor { return true }
            node = parents[Int(node)]
        }
        return false
    }

    func visibleRows() -> [Int] {
        parents.indices.filter { i in
            var node = parents[i]
            while node >= 0 {
                if folded[Int(node)] { return false }
                node = parents[Int(node)]
            }
            return true
        }
    }

    func siblings(of i: Int) -> [Int] { parents.indices.filter { parents[$0] == parents[i] } }
}

func visibleRows(_ tree: CommentTree) -> [Int] {
    var rows: [Int] = []
    var node = tree.firstVisible
    while let current = node {
        rows.append(current)
        node = tree.nextVisible(after: current)
    }
    return rows
}

@Suite struct GeneratedTreeTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func invariantsHoldOnRandomThreads(seed: UInt64) {
        let parents = randomParents(count: 400, seed: seed)
        let t = CommentTree(parents: parents)
        let naive = NaiveTree(parents: parents, folded: Array(repeating: false, count: parents.count))
        t.checkInvariants()
        for i in 0..<t.count {
            // Preorder: a parent comes first; the subtree is exactly the contiguous range of descendants.
            #expect(t.depth(of: i) == naive.depth(i))
            if let parent = t.parent(of: i) { #expect(t.depth(of: i) == t.depth(of: parent) + 1) }
            let descendants = parents.indices.filter { naive.isDescendant($0, of: i) }
            #expect(Array(t.subtree(of: i).dropFirst()) == descendants)
            let siblings = naive.siblings(of: i)
            let position = siblings.firstIndex(of: i) ?? 0
            #expect(t.nextSibling(of: i) == (position + 1 < siblings.count ? siblings[position + 1] : nil))
            #expect(t.previousSibling(of: i) == (position > 0 ? siblings[position - 1] : nil))
        }
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func navigationMatchesTheOracleUnderRandomFolds(seed: UInt64) {
        let parents = randomParents(count: 300, seed: seed)
        var t = CommentTree(parents: parents)
        var naive = NaiveTree(parents: parents, folded: Array(repeating: false, count: parents.count))
        var random = SeededRandom(state: seed)
        for _ in 0..<40 {
            let i = Int.random(in: 0..<parents.count, using: &random)
            t.toggleFold(i)
            naive.folded[i] = t.isFolded(i)
            let rows = naive.visibleRows()
            #expect(visibleRows(t) == rows)
            for (k, row) in rows.enumerated() {
                #expect(t.previousVisible(before: row) == (k > 0 ? rows[k - 1] : nil))
                #expect(t.isVisible(row))
            }
            #expect(t.lastVisible == rows.last)
        }
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func foldThenUnfoldRestoresTheVisibleRows(seed: UInt64) {
        var t = CommentTree(parents: randomParents(count: 500, seed: seed))
        var random = SeededRandom(state: seed)
        for _ in 0..<30 { t.fold(Int.random(in: 0..<t.count, using: &random)) }
        let before = visibleRows(t)
        for row in before where t.isFoldable(row) && !t.isFolded(row) {
            t.fold(row)
            t.unfold(row)
            #expect(visibleRows(t) == before)
        }
    }

    /// A 100,000-deep chain: building, folding and every walk are loops, never recursion.
    @Test func hundredThousandDeepChain() {
        let depth = 100_000
        var t = CommentTree(parents: (0..<depth).map { Int32($0 - 1) })
        #expect(t.maximumDepth == depth - 1)
        #expect(t.root(of: depth - 1) == 0)
        #expect(t.lastVisible == depth - 1)
        t.fold(depth / 2)
        #expect(t.lastVisible == depth / 2)
        #expect(t.previousVisible(before: depth / 2) == depth / 2 - 1)
        t.foldAll()
        #expect(t.lastVisible == 0)
        t.reveal(depth - 1)
        #expect(t.isVisible(depth - 1))
        #expect(t.ancestor(of: depth - 1, levels: 3) == depth - 4)
    }
}
