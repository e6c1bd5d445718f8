import ThreadModel

/// Evaluating a query over a range of comments at once, term by term.
///
/// Each term runs as one tight loop over the range instead of the expression being walked per
/// comment, so field queries over a million comments take a few tens of milliseconds. A part of an
/// `and` runs only where the parts before it matched, and a part of an `or` only where none did,
/// so a word after `author:pg` searches only pg's comments.
extension QueryMatcher {
    /// One flag per comment of `range`: whether it matches.
    public func matches(in range: Range<Int>) -> [Bool] {
        var active = [Bool](repeating: true, count: range.count)
        if discussion.commentCount != discussion.count {
            for (k, i) in range.enumerated() where discussion.isPlaceholder(i) { active[k] = false }
        }
        return evaluate(query.expression, range, active)
    }

    /// The flags of `expression` where `active` is set, false elsewhere. Recursion is bounded by
    /// the parser's nesting cap.
    func evaluate(_ expression: Expression, _ range: Range<Int>, _ active: [Bool]) -> [Bool] {
        switch expression {
        case .term(let term):
            return test(term, range, active)
        case .not(let inner):
            var result = evaluate(inner, range, active)
            for k in result.indices { result[k] = active[k] && !result[k] }
            return result
        case .all(let parts):
            var current = active
            for part in parts { current = evaluate(part, range, current) }
            return current
        case .any(let parts):
            var result = [Bool](repeating: false, count: range.count)
            var remaining = active
            for part in parts {
                let hits = evaluate(part, range, remaining)
                for k in hits.indices where hits[k] {
                    result[k] = true
                    remaining[k] = false
                }
            }
            return result
        }
    }

    /// One term over the range: the field terms as their own loops, the rest comment by comment.
    func test(_ term: Term, _ range: Range<Int>, _ active: [Bool]) -> [Bool] {
        var result = [Bool](repeating: false, count: range.count)
        let base = range.lowerBound
        let records = discussion.records
        switch term {
        case .author(let name):
            let wanted = AuthorName.fold(name)
            let bytes = discussion.bytes
            if let keys = authors?.keys {
                let key = AuthorIndex.key(wanted)
                for k in result.indices where active[k] && keys[base + k] == key {
                    result[k] = AuthorName.equal(records[base + k].author, folded: wanted, in: bytes)
                }
                return result
            }
            for k in result.indices where active[k] {
                result[k] = AuthorName.equal(records[base + k].author, folded: wanted, in: bytes)
            }
        case .depthAbove(let n):
            for k in result.indices where active[k] { result[k] = tree.depth(of: base + k) + 1 > n }
        case .depthBelow(let n):
            for k in result.indices where active[k] { result[k] = tree.depth(of: base + k) + 1 < n }
        case .repliesAbove(let n):
            for k in result.indices where active[k] { result[k] = tree.replyCount(of: base + k) > n }
        case .scoreAbove(let n):
            for k in result.indices where active[k] {
                result[k] = discussion.score(of: base + k).map { $0 > n } ?? false
            }
        case .scoreBelow(let n):
            for k in result.indices where active[k] {
                result[k] = discussion.score(of: base + k).map { $0 < n } ?? false
            }
        case .deleted:
            for k in result.indices where active[k] { result[k] = discussion.isDeleted(base + k) }
        case .text(let matcher):
            for k in result.indices where active[k] { result[k] = discussion.bodyMatches(matcher, comment: base + k) }
        case .new where newFlags != nil:
            let flags = newFlags ?? []
            for k in result.indices where active[k] { result[k] = base + k < flags.count && flags[base + k] }
        default:
            for k in result.indices where active[k] { result[k] = test(term, base + k) }
        }
        return result
    }
}
