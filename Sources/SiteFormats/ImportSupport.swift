import ThreadModel

/// What the importers share: dates, breaking reply loops, and the notes they leave.
enum ImportSupport {
    /// The JSON of a site file, or an error that says where it is broken.
    static func tree(_ bytes: DocumentBytes) throws(DocumentError) -> JSONTree {
        try JSONTree(parsing: bytes)
    }

    /// The JSON of a site file with its comment arrays (those members, at any depth) left to be
    /// read element by element through `JSONTree.cursor(_:)`: the nodes held are then the
    /// skeleton's and one element's, never one per value of the whole response. Errors are as
    /// `tree(_:)`'s.
    static func tree(_ bytes: DocumentBytes, deferring keys: [StaticString], root: Bool = false)
        throws(DocumentError) -> JSONTree
    {
        try JSONTree(parsing: bytes, deferring: keys, root: root)
    }

    /// Bytes of text to reserve in the builder: the response's size, which the comments' converted
    /// text rarely passes (markup, field names and the fields tread drops all go). Reserved memory
    /// that is never written costs nothing resident, and the arena grows past it if it must.
    static func textReserve(_ bytes: DocumentBytes) -> Int { bytes.count }

    /// An epoch time as ISO 8601 in UTC, second precision: what FORMAT.md's `published` holds.
    static func iso8601(epoch: Double) -> String? {
        guard epoch.isFinite, abs(epoch) < 1e13 else { return nil }
        let seconds = Int64(epoch.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText =
            year >= 0 && year < 10_000
            ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    /// A site's ISO 8601 time (`2021-03-04T10:11:12.345-06:00`, `...Z`, no zone meaning UTC) as
    /// FORMAT.md's `published`: UTC, second precision, `Z`. Nil when it is not such a time.
    static func utc(_ text: String) -> String? {
        ISOTime.epoch(text).flatMap { iso8601(epoch: Double($0)) }
    }

    /// Moves to the top level each comment whose `parent` id closes a reply loop (or names
    /// itself), counting it in `notes`: the builder would refuse the whole file.
    ///
    /// `under` gives the index in `comments` a comment is nested under, for importers that
    /// place some comments by position; such a link is cut (set to nil) when it closes a loop.
    static func breakLoops(_ comments: inout [Comment], under: inout [Int?], notes: inout ImportNotes) {
        var index: [String: Int] = [:]
        for (k, comment) in comments.enumerated() {
            if let id = comment.id?.key, index[id] == nil { index[id] = k }
        }
        let parents = comments.indices.map { k in
            under[k] ?? comments[k].parent.flatMap { index[$0.key] } ?? -1
        }
        let cut = loopingLinks(parents)
        for k in comments.indices where cut[k] {
            comments[k].parent = nil
            under[k] = nil
            notes.loops += 1
        }
    }

    /// `breakLoops` for the comments already added to `builder` (by position or by `parent` id):
    /// the same links are cut, without a list of the comments beside the builder's.
    static func breakLoops(_ builder: inout DiscussionBuilder, notes: inout ImportNotes) {
        guard builder.namesParentsAhead else { return }
        let cut = loopingLinks(builder.parentIndices())
        for k in cut.indices where cut[k] {
            builder.detach(k)
            notes.loops += 1
        }
    }

    /// `breakLoops` for comments placed by their `parent` id alone.
    static func breakLoops(_ comments: inout [Comment], notes: inout ImportNotes) {
        var under = [Int?](repeating: nil, count: comments.count)
        breakLoops(&comments, under: &under, notes: &notes)
    }

    /// Which comments' parent links to cut so that no reply loop is left: for each loop (a
    /// self-reply included), the comment whose link closes it, found in one pass without recursion.
    ///
    /// `parents[i]` is the index of comment `i`'s parent, or -1.
    static func loopingLinks(_ parents: [Int]) -> [Bool] {
        let n = parents.count
        // 0: not seen; 1: on the walk now under way; 2: done.
        var state = [UInt8](repeating: 0, count: n)
        var cut = [Bool](repeating: false, count: n)
        var walk: [Int] = []
        for start in 0..<n where state[start] == 0 {
            var node = start
            while node >= 0, node < n, state[node] == 0 {
                state[node] = 1
                walk.append(node)
                let parent = parents[node]
                if parent >= 0, parent < n, state[parent] == 1 {
                    cut[node] = true
                    break
                }
                node = parent
            }
            for visited in walk { state[visited] = 2 }
            walk.removeAll(keepingCapacity: true)
        }
        return cut
    }

    /// `true` when `author` is the original poster `poster`, nil otherwise (so the writer leaves the field out).
    ///
    /// A missing or placeholder name ("[deleted]") is nobody: two deleted accounts are not one person.
    static func op(_ author: String?, poster: String?) -> Bool? {
        guard let author, let poster, !author.isEmpty, author == poster, author != "[deleted]" else { return nil }
        return true
    }

    /// The paragraphs of converted text, for an article body.
    static func paragraphs(_ text: String) -> [String] { Article.paragraphs(of: text) }
}
