/// A discussion cut down to some of its comments, for copying a filter's result out.
extension Discussion {
    /// The discussion with only the comments `keep` marks, in the same order, their text still in
    /// the same bytes. A kept comment whose parent is not kept moves to the top level, so callers
    /// keep ancestors (as the filter's context does) to keep the thread's shape.
    public func keeping(_ keep: [Bool]) -> Discussion {
        precondition(keep.count == records.count, "one flag per comment")
        var newIndex = [Int32](repeating: -1, count: records.count)
        var kept: [CommentRecord] = []
        var orphans = 0
        var authors = Set<TextRef>()
        for (i, record) in records.enumerated() where keep[i] {
            var copy = record
            copy.parent = record.parent >= 0 ? newIndex[Int(record.parent)] : -1
            newIndex[i] = Int32(kept.count)
            if copy.flags.contains(.orphan) { orphans += 1 }
            if !copy.author.isAbsent { authors.insert(copy.author) }
            kept.append(copy)
        }
        // Authors are told apart by where their names lie, so one name stored twice counts twice;
        // the count only feeds statistics.
        var result = Discussion(
            article: article, bytes: bytes, records: kept, orphanCount: orphans,
            distinctAuthors: min(authors.count, distinctAuthors))
        result.notes = notes
        return result
    }
}
