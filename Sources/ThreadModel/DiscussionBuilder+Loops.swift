/// What an importer needs to break reply loops after adding its comments, so it never holds a
/// second copy of the thread (a list of `Comment` values) to find them first.
extension DiscussionBuilder {
    /// Each comment's parent as an index: the comment it was added under, else the first comment
    /// whose id is its parent id (as the document's text, so `5` and `"5"` are one); -1 for none.
    package func parentIndices() -> [Int] {
        var index = HashIndex(capacity: records.count)
        for i in records.indices where hashes.ids[i] != 0 {
            let id = records[i].id
            _ = index.insert(hashes.ids[i], Int32(i), same: { sameText(records[Int($0)].id, id) })
        }
        return records.indices.map { i in
            if records[i].flags.contains(.nested) { return Int(records[i].parent) }
            guard hashes.parent(of: i) != 0 else { return -1 }
            let wanted = records[i].parentID
            return index.find(hashes.parent(of: i), same: { sameText(records[Int($0)].id, wanted) }).map(Int.init) ?? -1
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
        if !isKnownUniquelyReferenced(&arena) { arena = TextArena(copying: arena) }
        arena.reserve(arena.count + textBytes)
    }

    private func sameText(_ a: TextRef, _ b: TextRef) -> Bool {
        guard a.length == b.length, !a.isAbsent, !b.isAbsent else { return false }
        let (x, y) = (Int(a.offset), Int(b.offset))
        let bytes = arena.bytes
        guard x + a.length <= bytes.count, y + b.length <= bytes.count else { return false }
        return bytes[x..<x + a.length].elementsEqual(bytes[y..<y + b.length])
    }
}
