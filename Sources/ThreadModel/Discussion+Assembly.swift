/// What a loader hands over besides the records: hashes of each comment's id and `parent`
/// (0 when absent), taken while the text was at hand.
struct RecordHashes {
    var ids: [UInt64] = []
    /// One per comment once a comment has a `parent` field, empty until then: a nested document has
    /// none, and a million zeros cost 8 MB.
    private(set) var parents: [UInt64] = []
    /// The hashes of the comments' authors, counted when the load ends.
    var authors = DistinctHashes()

    /// Adds a comment's author to those to count. Reddit's "[deleted]" is no author (the account is
    /// gone; every such comment would otherwise count as one person), so it is left out.
    mutating func addAuthor(_ hash: UInt64) {
        if hash != deletedAuthorHash { authors.insert(hash) }
    }

    /// The hash of "[deleted]" by the function these hashes are taken with (`TextHash`, or the
    /// canonical loader's `LoadHash`); held here, where a static's every use checks it was computed.
    private let deletedAuthorHash: UInt64

    init(deletedAuthor: UInt64 = Self.deletedAuthor) {
        deletedAuthorHash = deletedAuthor
    }

    /// How many different authors were added.
    var distinctAuthors: Int { authors.count }

    /// The hash of "[deleted]", the author a site gives a comment whose account was deleted.
    static let deletedAuthor = TextHash.of(Discussion.deletedAuthor)

    mutating func appendComment() {
        ids.append(0)
        if !parents.isEmpty { parents.append(0) }
    }

    /// Whether any comment has a `parent` field.
    var hasParents: Bool { !parents.isEmpty }

    /// The hash of comment `index`'s `parent` field; 0 when it has none.
    func parent(of index: Int) -> UInt64 { index < parents.count ? parents[index] : 0 }

    mutating func setParent(_ hash: UInt64, of index: Int) {
        if parents.count < ids.count { parents.append(contentsOf: repeatElement(0, count: ids.count - parents.count)) }
        parents[index] = hash
    }

    /// Appends the hashes of the comments after these (a split load's second part).
    mutating func append(_ other: RecordHashes) {
        if !parents.isEmpty || !other.parents.isEmpty {
            parents.append(contentsOf: repeatElement(0, count: ids.count - parents.count))
            parents.append(contentsOf: other.parents)
            parents.append(contentsOf: repeatElement(0, count: other.ids.count - other.parents.count))
        }
        ids.append(contentsOf: other.ids)
        authors.formUnion(other.authors)
    }
}

extension DocumentBytes {
    /// Whether two pieces of text are the same once decoded; compared in place when neither has escapes.
    func sameText(_ a: TextRef, _ b: TextRef) -> Bool {
        if a.isAbsent || b.isAbsent { return a.isAbsent && b.isAbsent }
        if !a.isJSONEscaped && !b.isJSONEscaped {
            guard let x = bytes(of: a), let y = bytes(of: b) else { return false }
            if a.length == b.length && x.elementsEqual(y) { return true }
            // Different bytes are the same text only where invalid UTF-8 reads as U+FFFD.
            guard x.contains(where: { $0 >= 0x80 }) || y.contains(where: { $0 >= 0x80 }) else { return false }
        }
        return string(a) == string(b)
    }
}

extension Discussion {
    /// Resolves `parent` ids, checks the document's rules and puts the comments in thread order.
    ///
    /// `records` are in document order; a nested reply already knows its parent's index.
    /// `position` turns a byte offset into a line and column for error messages. `nestedInOrder`
    /// says every nested reply's parent is the comment whose `replies` hold it (the canonical loader's
    /// records): then only parents found by id can break the thread order.
    static func assemble(
        article: Article, bytes: DocumentBytes, records: consuming [CommentRecord], hashes: RecordHashes,
        nestedInOrder: Bool = false, statistics: DiscussionStatistics? = nil,
        position: (Int) -> (line: Int, column: Int)
    ) throws(DocumentError) -> Discussion {
        var records = records
        let (orphans, resolved) = try resolveParents(&records, hashes: hashes, bytes: bytes, position: position)
        if !nestedInOrder || resolved > 0, let order = try threadOrder(records, bytes: bytes) {
            records = reorder(records, by: order)
        }
        // Counts taken while reading hold while no parent was found by id (the order is then the file's).
        return Discussion(
            article: article, bytes: bytes, records: records, orphanCount: orphans,
            distinctAuthors: hashes.distinctAuthors, statistics: resolved == 0 && orphans == 0 ? statistics : nil)
    }

    /// Checks that ids are unique and sets `parent` from the flat form's `parent` ids; returns how
    /// many parents name no comment and how many were found. Works on the hashes; the text is read
    /// only to confirm a match.
    private static func resolveParents(
        _ records: inout [CommentRecord], hashes: RecordHashes, bytes: DocumentBytes,
        position: (Int) -> (line: Int, column: Int)
    ) throws(DocumentError) -> (orphans: Int, resolved: Int) {
        func duplicateError(_ duplicate: Int) -> DocumentError {
            let id = records[duplicate].id
            let (line, column) = position(Int(id.offset))
            return DocumentError(kind: .duplicateID(bytes.string(id) ?? "", line: line, column: column))
        }
        // No parent to find by id: only the duplicate check, which needs no table of every id.
        guard hashes.hasParents else {
            if let duplicate = IDIndex.firstDuplicate(records, ids: hashes.ids, bytes: bytes) {
                throw duplicateError(duplicate)
            }
            return (0, 0)
        }
        let index = IDIndex(records, ids: hashes.ids, bytes: bytes)
        if let duplicate = index.firstDuplicate { throw duplicateError(duplicate) }
        var orphans = 0
        var resolved = 0
        for i in records.indices where hashes.parent(of: i) != 0 && !records[i].flags.contains(.nested) {
            let wanted = records[i].parentID
            if let parent = index.find(hashes.parent(of: i), same: { bytes.sameText(records[Int($0)].id, wanted) }) {
                if parent == Int32(i) { throw DocumentError(kind: .ownParent(bytes.string(wanted) ?? "")) }
                records[i].parent = parent
                resolved += 1
            } else {
                records[i].flags.insert(.orphan)
                orphans += 1
            }
        }
        return (orphans, resolved)
    }

    /// The preorder of the comments (roots and siblings in document order), or nil when
    /// the records already are in that order. Throws when parents form a loop.
    private static func threadOrder(_ records: [CommentRecord], bytes: DocumentBytes) throws(DocumentError) -> [Int32]?
    {
        let n = records.count
        // Already in order when every parent comes earlier and is on the path to the previous comment:
        // checked in one pass with the stack of open ancestors.
        var path: [Int32] = []
        var inOrder = true
        for i in 0..<n {
            let parent = records[i].parent
            while let last = path.last, last != parent { path.removeLast() }
            if parent >= 0 && path.isEmpty {
                inOrder = false
                break
            }
            path.append(Int32(i))
        }
        if inOrder { return nil }

        // Children lists in document order (counting sort), then an explicit-stack walk.
        var firstChild = [Int32](repeating: 0, count: n + 2)
        var roots: [Int32] = []
        for i in 0..<n {
            let parent = records[i].parent
            if parent < 0 { roots.append(Int32(i)) } else { firstChild[Int(parent) + 2] += 1 }
        }
        for k in 1..<firstChild.count { firstChild[k] += firstChild[k - 1] }
        var children = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let parent = records[i].parent
            guard parent >= 0 else { continue }
            children[Int(firstChild[Int(parent) + 1])] = Int32(i)
            firstChild[Int(parent) + 1] += 1
        }
        // Now the children of p are children[firstChild[p] ..< firstChild[p + 1]].
        var order: [Int32] = []
        order.reserveCapacity(n)
        var stack: [Int32] = roots.reversed()
        while let node = stack.popLast() {
            order.append(node)
            let range = Int(firstChild[Int(node)])..<Int(firstChild[Int(node) + 1])
            for k in range.reversed() { stack.append(children[k]) }
        }
        if order.count < n {
            throw DocumentError(kind: .parentLoop(loop(records, visited: order, bytes: bytes)))
        }
        return order
    }

    /// The ids along one parent loop, for the error message.
    private static func loop(_ records: [CommentRecord], visited: [Int32], bytes: DocumentBytes) -> [String] {
        var reached = [Bool](repeating: false, count: records.count)
        for i in visited { reached[Int(i)] = true }
        guard var node = reached.firstIndex(of: false) else { return [] }
        // Walk up until a comment repeats: that comment is on the loop.
        var seen = [Bool](repeating: false, count: records.count)
        while !seen[node] {
            seen[node] = true
            node = Int(records[node].parent)
        }
        var ids: [String] = []
        let start = node
        repeat {
            ids.append(bytes.string(records[node].id) ?? "#\(node + 1)")
            node = Int(records[node].parent)
        } while node != start && ids.count < 8
        ids.append(bytes.string(records[start].id) ?? "#\(start + 1)")
        return ids
    }

    private static func reorder(_ records: [CommentRecord], by order: [Int32]) -> [CommentRecord] {
        var newIndex = [Int32](repeating: 0, count: records.count)
        for (position, old) in order.enumerated() { newIndex[Int(old)] = Int32(position) }
        return order.map { old in
            var record = records[Int(old)]
            if record.parent >= 0 { record.parent = newIndex[Int(record.parent)] }
            return record
        }
    }
}
