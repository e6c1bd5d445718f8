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
        ids.reserve(ids.count + comments, hashes: hashes.ids)
        if !isKnownUniquelyReferenced(&arena) { arena = TextArena(copying: arena) }
        arena.reserve(arena.count + textBytes)
    }
}
