/// Unread comments: never on screen in any visit, this one included (the `(` and `)` keys).
extension Visit {
    /// Whether comment `index` has never been on screen.
    public func isUnread(_ index: Int) -> Bool {
        unseen.indices.contains(index) && unseen[index]
    }

    /// The first unread comment after `index` (after the article when nil), or nil when none follows.
    public func nextUnread(after index: Int?) -> Int? {
        let start = max(index.map { $0 + 1 } ?? 0, 0)
        guard start < unseen.count else { return nil }
        return unseen[start...].firstIndex(of: true)
    }

    /// The last unread comment before `index` (before the end when nil), or nil when none precedes.
    public func previousUnread(before index: Int?) -> Int? {
        let end = min(index ?? unseen.count, unseen.count)
        guard end > 0 else { return nil }
        return unseen[..<end].lastIndex(of: true)
    }
}
