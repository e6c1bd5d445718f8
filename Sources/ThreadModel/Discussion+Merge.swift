/// A discussion with newly fetched comments merged in, and what the reader needs to keep its
/// place: which comments are new and where each old entry went.
public struct DiscussionMerge: Sendable {
    public var discussion: Discussion
    /// The ids of the comments that were not in the old discussion, in thread order.
    public var newIDs: [CommentID]
    /// For each index of the old discussion, its index in the merged one; nil when it is gone
    /// (the fetched stub, a stub or placeholder the reload no longer has).
    public var oldToNew: [Int?]
    /// How many comments kept their id but changed their text or were deleted.
    public var editedCount: Int
    /// The old discussion could not be read (its file was rewritten under it): nothing was matched,
    /// and whoever kept its ids' hashes matches them (`oldToNew`, `newIDs`).
    public var unmatched = false
}

extension DiscussionMerge {
    /// This merge and then `next` (a merge into this one's result), as one merge from this one's
    /// old discussion: what arrives of a thread is merged part after part, and the reader may take
    /// several parts at once.
    public func followed(by next: DiscussionMerge) -> DiscussionMerge {
        DiscussionMerge(
            discussion: next.discussion, newIDs: newIDs + next.newIDs,
            oldToNew: oldToNew.map { index in
                index.flatMap { next.oldToNew.indices.contains($0) ? next.oldToNew[$0] : nil }
            },
            editedCount: editedCount + next.editedCount)
    }
}

extension Discussion {
    /// Merges a fresh fetch of the same thread (`R`) into this one.
    ///
    /// The fetch decides the order and the text: its comments come in its order, with their new
    /// text and deletions. A comment this discussion has and the fetch lacks is kept (sites leave
    /// out what sits behind a stub, such as replies fetched earlier), after its fetched siblings.
    /// A fetched stub whose replies are all here already is left out; one with some here asks
    /// only for the others. Placeholders of this discussion are replaced by the fetch's.
    public func merging(reload fetched: Discussion) throws(DocumentError) -> DiscussionMerge {
        var plan = MergePlan(old: self, fetched: fetched)
        plan.planReload()
        var merge = try plan.build(article: fetched.article)
        merge.discussion.notes = fetched.notes
        // Built here, from the version just read: a later rewrite of that file is told from it.
        merge.discussion.bytes.origin = fetched.bytes.origin
        return merge
    }

    /// The new version of this discussion's file, taken whole, when this one can no longer be read
    /// (`bytes.isStale`): its ids are gone with its bytes, so the merge is `unmatched`.
    public func replaced(by fresh: Discussion) -> DiscussionMerge {
        DiscussionMerge(
            discussion: fresh, newIDs: [], oldToNew: [Int?](repeating: nil, count: count), editedCount: 0,
            unmatched: true)
    }

    /// Puts the comments fetched for stub `stub` (its `more(of:)`) in its place.
    ///
    /// The fetched comments go where the stub was, in the site's order, their replies under them;
    /// a fetched comment that replies to another comment of this discussion goes last among that
    /// comment's replies; one this discussion already has updates it in place (a "continue this
    /// thread" permalink sends the parent again). The stub disappears.
    public func merging(stub: Int, with fetched: Discussion) throws(DocumentError) -> DiscussionMerge {
        precondition(stub >= 0 && stub < count, "merging(stub:) takes an index of the discussion")
        var plan = MergePlan(old: self, fetched: fetched)
        plan.planExpansion(stub: stub)
        var merge = try plan.build(article: article)
        merge.discussion.notes = notes
        return merge
    }
}

/// The merged tree before it is built: children lists over both discussions' entries.
///
/// Node `i < old.count` is the old entry `i`; node `old.count + j` the fetched entry `j`; the last
/// node is the root. Every pass is a loop over the entries, so the cost is linear and no
/// recursion follows the depth.
private struct MergePlan {
    let old: Discussion
    let fetched: Discussion
    let oldCount: Int
    let root: Int
    var oldByKey: [String: Int] = [:]
    var fetchedByKey: [String: Int] = [:]
    var children: [[Int32]]
    /// The entry whose text a node shows (an old comment updated by its fetched twin).
    var content: [Int32]
    /// Stubs that now ask for fewer replies.
    var narrowed: [Int: MoreStub] = [:]

    init(old: Discussion, fetched: Discussion) {
        self.old = old
        self.fetched = fetched
        oldCount = old.count
        root = old.count + fetched.count
        children = [[Int32]](repeating: [], count: root + 1)
        content = (0...root).map { Int32($0) }
        for i in 0..<old.count { if let key = Self.key(old, i) { oldByKey[key] = i } }
        for j in 0..<fetched.count { if let key = Self.key(fetched, j) { fetchedByKey[key] = j } }
    }

    /// A comment's id as matched across fetches; placeholders have none.
    static func key(_ discussion: Discussion, _ index: Int) -> String? {
        discussion.isPlaceholder(index) ? nil : discussion.id(of: index)?.key
    }

    /// The `parent` id an orphan named, or nil.
    static func orphanParent(_ discussion: Discussion, _ index: Int) -> String? {
        guard discussion.isOrphan(index) else { return nil }
        return discussion.bytes.string(discussion.records[index].parentID)
    }

    mutating func planReload() {
        let fetchedCount = fetched.count
        // Old comments the fetch lacks; placeholders and comments without ids are the fetch's to give.
        var kept = [Bool](repeating: false, count: oldCount)
        for i in 0..<oldCount {
            if let key = Self.key(old, i), fetchedByKey[key] == nil { kept[i] = true }
        }
        func fetchedParent(_ j: Int) -> Int {
            if let p = fetched.parent(of: j) { return oldCount + p }
            if let name = Self.orphanParent(fetched, j), let i = oldByKey[name], kept[i] { return i }
            return root
        }
        func oldParent(_ i: Int) -> Int {
            var parentKey: String?
            if let q = old.parent(of: i) {
                if kept[q] { return q }
                parentKey = Self.key(old, q)
            } else {
                parentKey = Self.orphanParent(old, i)
            }
            if let parentKey, let j = fetchedByKey[parentKey] { return oldCount + j }
            return root
        }
        for j in 0..<fetchedCount where fetched.more(of: j) == nil {
            children[fetchedParent(j)].append(Int32(oldCount + j))
        }
        var hasKeptChild = [Bool](repeating: false, count: root + 1)
        for i in 0..<oldCount where kept[i] {
            let parent = oldParent(i)
            children[parent].append(Int32(i))
            hasKeptChild[parent] = true
        }
        // Fetchable stubs last among their siblings, as the sites send them.
        for j in 0..<fetchedCount {
            guard let stub = fetched.more(of: j) else { continue }
            let parent = fetchedParent(j)
            if stub.continuesThread {
                // Its replies were fetched before: they are the kept ones.
                if hasKeptChild[parent] { continue }
            } else {
                let missing = stub.children.filter { oldByKey[$0] == nil && fetchedByKey[$0] == nil }
                if missing.isEmpty { continue }
                if missing.count < stub.children.count {
                    var smaller = stub
                    smaller.children = missing
                    smaller.count = Int64(missing.count)
                    narrowed[oldCount + j] = smaller
                }
            }
            children[parent].append(Int32(oldCount + j))
        }
    }

    mutating func planExpansion(stub: Int) {
        let stubParent = old.parent(of: stub) ?? root
        // Where each fetched entry goes: -1 when it updates an old comment instead.
        var placed = [Int](repeating: -1, count: fetched.count)
        var atStub: [Int32] = []
        for j in 0..<fetched.count {
            if let key = Self.key(fetched, j), let i = oldByKey[key] {
                content[i] = Int32(oldCount + j)
                continue
            }
            var parent = stubParent
            if let p = fetched.parent(of: j) {
                let key = Self.key(fetched, p)
                parent = key.flatMap { oldByKey[$0] } ?? (oldCount + p)
            } else if let name = Self.orphanParent(fetched, j), let i = oldByKey[name] {
                parent = i
            }
            placed[j] = parent
            if parent == stubParent { atStub.append(Int32(oldCount + j)) }
        }
        for i in 0..<oldCount {
            if i == stub {
                children[stubParent] += atStub
                continue
            }
            var parent = old.parent(of: i) ?? root
            if parent == stub { parent = stubParent }
            children[parent].append(Int32(i))
        }
        for j in 0..<fetched.count where placed[j] >= 0 && placed[j] != stubParent {
            children[placed[j]].append(Int32(oldCount + j))
        }
    }

    /// The source discussion and index of a node.
    func entry(_ node: Int) -> (Discussion, Int) {
        node < oldCount ? (old, node) : (fetched, node - oldCount)
    }

    /// Builds the planned tree in preorder with an explicit stack.
    func build(article: Article) throws(DocumentError) -> DiscussionMerge {
        var builder = DiscussionBuilder(article: article)
        var resultIndex = [Int](repeating: -1, count: root + 1)
        var newIDs: [CommentID] = []
        var edited = 0
        // Each entry: the children still to emit and the result index of their parent.
        var stack: [(nodes: ArraySlice<Int32>, parent: Int?)] = [(children[root][...], nil)]
        while var top = stack.popLast() {
            guard let node32 = top.nodes.popFirst() else { continue }
            stack.append(top)
            let node = Int(node32)
            let (source, index) = entry(Int(content[node]))
            let at: Int
            if source.isPlaceholder(index) {
                // A narrowed stub says how many replies it still stands for.
                let line = narrowed[node].map { MoreStub.line(count: Int64($0.children.count)) }
                at = builder.addPlaceholder(
                    line ?? source.body(of: index), more: narrowed[node] ?? source.more(of: index),
                    published: source.published(of: index), under: top.parent)
            } else {
                at = builder.add(source.comment(at: index), under: top.parent)
                // Text from the fetch: a comment that is new, or an old one's fresh copy.
                if content[node] >= oldCount, let id = source.id(of: index) {
                    if let twin = oldByKey[id.key] {
                        if old.body(of: twin) != source.body(of: index)
                            || old.isDeleted(twin) != source.isDeleted(index)
                        {
                            edited += 1
                        }
                    } else {
                        newIDs.append(id)
                    }
                }
            }
            resultIndex[node] = at
            if !children[node].isEmpty { stack.append((children[node][...], at)) }
        }
        var oldToNew = [Int?](repeating: nil, count: oldCount)
        for i in 0..<oldCount {
            if resultIndex[i] >= 0 {
                oldToNew[i] = resultIndex[i]
            } else if let key = Self.key(old, i), let j = fetchedByKey[key], resultIndex[oldCount + j] >= 0 {
                oldToNew[i] = resultIndex[oldCount + j]
            }
        }
        return DiscussionMerge(
            discussion: try builder.build(), newIDs: newIDs, oldToNew: oldToNew, editedCount: edited)
    }
}
