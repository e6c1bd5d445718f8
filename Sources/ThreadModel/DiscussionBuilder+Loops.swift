/// What an importer needs to break reply loops after adding its comments, so it never holds a
/// second copy of the thread (a list of `Comment` values) to find them first.
extension DiscussionBuilder {
    /// Each comment's parent as an index: the comment it was added under, else the first comment
    /// whose id is its parent id (as the document's text, so `5` and `"5"` are one); -1 for none.
    package func parentIndices() -> [Int] {
        records.indices.map { i in
            if records[i].flags.contains(.nested) { return Int(records[i].parent) }
            guard hashes.parent(of: i) != 0, let wanted = text(records[i].parentID) else { return -1 }
            return ids.find(hashes.parent(of: i), hashes: hashes.ids) { same(records[$0].id, wanted) } ?? -1
        }
    }

    /// Whether some comment names a parent id not found when it was added: only such a link can
    /// point forward, so without one no reply loop can be (each parent comes before its reply).
    package var namesParentsAhead: Bool { records.contains { !$0.parentID.isAbsent } }

    /// Whether the comments are already a discussion, with nothing for the assembly to do: no id
    /// repeated, every parent found as its reply was added (so it comes before it: no loop), and the
    /// comments in thread order (each parent on the path to the comment before). Most importers add
    /// comments so; the assembly's table of every id (12 bytes a slot) is then not made.
    var isSettled: Bool {
        guard idsIndexed, repeatedIDs == 0 else { return false }
        // The open ancestors of the comment before.
        var path: [Int32] = []
        for (i, record) in records.enumerated() {
            guard record.parentID.isAbsent else { return false }
            while let last = path.last, last != record.parent { path.removeLast() }
            if record.parent >= 0 && path.isEmpty { return false }
            path.append(Int32(i))
        }
        return true
    }

    /// Makes comment `index` top-level: it is neither nested under a comment nor names a parent.
    package mutating func detach(_ index: Int) {
        guard records.indices.contains(index) else { return }
        records[index].parent = -1
        records[index].flags.remove(.nested)
        records[index].parentID = .absent
        records[index].flags.remove(.integerParentID)
        if hashes.parent(of: index) != 0 { hashes.setParent(0, of: index) }
    }

    /// Makes room for `comments` more comments and `textBytes` more bytes of their text, so the
    /// builder's arrays are not copied as they grow.
    package mutating func reserveCapacity(comments: Int, textBytes: Int) {
        records.reserveCapacity(records.count + comments)
        hashes.ids.reserveCapacity(hashes.ids.count + comments)
        expectedComments = records.count + comments
        if idsIndexed { ids.reserve(expectedComments, hashes: hashes.ids) }
        if !isKnownUniquelyReferenced(&arena) { arena = TextArena(copying: arena) }
        arena.reserve(arena.count + textBytes)
    }
}
