import Foundation
import ThreadModel

/// One visit to a thread: which comments were added, which are unread, marks and where to resume.
///
/// A plain value the reader holds beside its own state, by comment index (preorder, as `Discussion` has them).
/// Its rules:
/// - Added (the `●` marker; "new" in this type's names): comments whose ids the thread did not hold when the
///   last visit was saved, and comments a reload or a fetch brings during this one. Nothing is added on a
///   first visit, nor on the first visit after a store written before tread kept the ids (schema v2).
/// - Unread: comments never on screen in any visit; counted from the second visit on.
/// - Reopening within `markerGrace` of the last save keeps the markers the last visit still showed (as circumflex).
/// - Shown comments count as read for the next visit but keep their marker in this one; `markRead` clears it now.
/// - Positions, folds and marks are kept by comment id, so they survive comments added in between.
public struct Visit: Sendable {
    /// How soon a reopened thread keeps the last visit's markers: circumflex's five minutes.
    public static let markerGrace: TimeInterval = 5 * 60

    public let identity: ThreadIdentity
    /// What the store held when the visit began; nil on a first visit or without a store.
    public let loaded: ThreadState?
    /// How many comments were added (carried the marker) when the visit began.
    public let newAtStart: Int
    /// How many comments still carry the marker: added since the last visit, not marked read.
    public private(set) var newCount: Int
    /// How many comments have never been on screen, in any visit (this one included).
    public private(set) var unreadCount: Int
    /// How many comments had never been on screen when the visit began.
    let unreadAtStart: Int
    /// Whether the last visit saved the ids it knew, so that added comments can be told; false on a first
    /// visit and on the first after a store written before tread kept them.
    public var knowsAdded: Bool { loaded?.known != nil }
    /// When the visit began.
    public let opened: Date

    let title: String
    let site: String?
    let url: String?
    let path: String?
    let address: String?
    private(set) var commentCount: Int
    /// The thread's events (`Discussion.eventCount`), saved beside its comments for a front page's count.
    private(set) var eventCount: Int
    /// Each comment's id hash; 0 for a comment without an id (never new, never remembered).
    private(set) var hashes: [UInt64]
    /// The marker: added since the last visit (or during this one) and not marked read.
    private var newFlags: [Bool]
    /// Comments not in the stored seen-set and not shown yet: unread, and what to remember when shown.
    var unseen: [Bool]
    /// Hashes of comments not in the stored known-set: what a save adds to it (every id on a first visit).
    private var unknown: [UInt64]
    /// Hashes of comments shown in this visit that were not seen before.
    private var pending: [UInt64] = []
    private var marks: [Character: UInt64]
    private var selected: UInt64?
    private var selectedRow = 0
    private var folded = SeenSet()

    /// Starts a visit to `discussion`, with what the store held for it (nil for none) and the time it opens.
    ///
    /// `path` is the file it was read from, `address` the site address it was fetched from, as `tread recent`
    /// shows and reopens them. Linear in the comments: a hash and a binary search each.
    public init(
        discussion: Discussion, identity: ThreadIdentity, stored: ThreadState?, path: String? = nil,
        address: String? = nil, now: Date
    ) {
        self.identity = identity
        loaded = stored
        opened = now
        title = discussion.article.title
        site = identity.site
        url = discussion.article.url
        self.path = path
        self.address = address
        commentCount = discussion.commentCount
        eventCount = discussion.eventCount
        let count = discussion.count
        var hashes = [UInt64](repeating: 0, count: count)
        for index in 0..<count where !discussion.isPlaceholder(index) {
            hashes[index] = discussion.idHash(of: index)
        }
        self.hashes = hashes
        let seen = (stored?.seen ?? SeenSet()).members(of: hashes)
        let known = stored?.known
        let knownFlags = known?.members(of: hashes)
        // Markers a visit saved before tread kept the ids were of comments never shown, not of added ones.
        let keepsMarkers = known != nil && stored.map { now.timeIntervalSince($0.saved) < Visit.markerGrace } == true
        let markedNew = (keepsMarkers ? stored?.markedNew : nil)?.lookup()
        var unseen = [Bool](repeating: false, count: count)
        var newFlags = [Bool](repeating: false, count: count)
        var unknown: [UInt64] = []
        var newCount = 0
        var unreadCount = 0
        for index in 0..<count where hashes[index] != 0 {
            unseen[index] = !seen[index]
            if unseen[index] { unreadCount += 1 }
            let added = knownFlags.map { !$0[index] } ?? false
            if knownFlags?[index] != true { unknown.append(hashes[index]) }
            let new = added || markedNew?.contains(hashes[index]) == true
            newFlags[index] = new
            if new { newCount += 1 }
        }
        self.unseen = unseen
        self.newFlags = newFlags
        self.unknown = unknown
        self.newCount = newCount
        self.unreadCount = unreadCount
        unreadAtStart = unreadCount
        newAtStart = newCount
        marks = stored?.marks ?? [:]
        // Until the reader says where it is, a save keeps where the last visit stopped.
        selected = stored?.selected
        selectedRow = stored?.selectedRow ?? 0
        folded = stored?.folded ?? SeenSet()
    }

    /// The visit carried over to `discussion`, a merge into the thread it was made for (a reload, a
    /// fetched stub): `oldToNew[i]` is where old entry `i` went, nil when it is gone.
    ///
    /// A comment that was there keeps its marker and whether it was seen; one the merge brought is added
    /// and unread, since it arrived while the thread was read (it is new to the reader). Marks and the
    /// position follow ids, so they need nothing. Linear in the comments.
    /// `arriving`: the comments not in the old thread are the rest of the one being opened, not
    /// fetched anew: added and unread as they would have been had they been there at the start.
    public func carried(to discussion: Discussion, oldToNew: [Int?], arriving: Bool = false) -> Visit {
        var visit = self
        let count = discussion.count
        var hashes = [UInt64](repeating: 0, count: count)
        for index in 0..<count where !discussion.isPlaceholder(index) {
            hashes[index] = discussion.idHash(of: index)
        }
        var newFlags = [Bool](repeating: false, count: count)
        var unseen = [Bool](repeating: false, count: count)
        var kept = [Bool](repeating: false, count: count)
        for (old, new) in oldToNew.enumerated() {
            guard let new, new >= 0, new < count, old < self.hashes.count else { continue }
            newFlags[new] = self.newFlags[old]
            unseen[new] = self.unseen[old]
            kept[new] = true
        }
        // Binary searches, as a merge usually brings few comments: a directory over the stored sets would
        // cost their whole size on every part of a thread arriving in many.
        let known = arriving ? loaded?.known : nil
        var unknown = visit.unknown
        for index in 0..<count where hashes[index] != 0 && !kept[index] {
            let hash = hashes[index]
            let wasKnown = known?.contains(hash) == true
            newFlags[index] = arriving ? known != nil && !wasKnown : true
            unseen[index] = !(arriving && loaded?.seen.contains(hash) == true)
            if !wasKnown { unknown.append(hash) }
        }
        visit.hashes = hashes
        visit.newFlags = newFlags
        visit.unseen = unseen
        visit.unknown = unknown
        visit.newCount = newFlags.reduce(0) { $0 + ($1 ? 1 : 0) }
        visit.unreadCount = unseen.reduce(0) { $0 + ($1 ? 1 : 0) }
        visit.commentCount = discussion.commentCount
        visit.eventCount = discussion.eventCount
        return visit
    }

    /// Where each comment of this visit is in `discussion` (nil when gone), and the comments of
    /// `discussion` the visit lacks, matched by the id hashes kept: for a thread whose old text can
    /// no longer be read (its file rewritten in place). Linear in the comments.
    public func matching(_ discussion: Discussion) -> (oldToNew: [Int?], added: [Int]) {
        var byHash: [UInt64: Int] = [:]
        byHash.reserveCapacity(discussion.count)
        for index in 0..<discussion.count where !discussion.isPlaceholder(index) {
            let hash = discussion.idHash(of: index)
            if hash != 0 { byHash[hash] = index }
        }
        var kept = Set<Int>()
        let oldToNew = hashes.map { hash -> Int? in
            guard hash != 0, let new = byHash[hash] else { return nil }
            kept.insert(new)
            return new
        }
        let added = (0..<discussion.count).filter {
            !discussion.isPlaceholder($0) && !kept.contains($0)
        }
        return (oldToNew, added)
    }

    /// The number of comments in the discussion this visit is of (placeholders included, as indices go).
    public var indexCount: Int { hashes.count }

    /// Whether comment `index` carries the new marker.
    public func isNew(_ index: Int) -> Bool {
        newFlags.indices.contains(index) && newFlags[index]
    }

    /// How many comments in `range` carry the new marker: a folded subtree's count, as preorder keeps it contiguous.
    public func newCount(in range: Range<Int>) -> Int {
        let range = range.clamped(to: newFlags.indices)
        return newFlags[range].reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// The comments carrying the new marker, ascending: one pass over the flags, for a view that
    /// shows them all at once (the reader's map and its filter on `new`).
    public func newIndices() -> [Int32] {
        var indices: [Int32] = []
        indices.reserveCapacity(newCount)
        for (index, new) in newFlags.enumerated() where new { indices.append(Int32(index)) }
        return indices
    }

    /// The first new comment after `index` (after the article when nil), or nil when none follows.
    public func nextNew(after index: Int?) -> Int? {
        let start = index.map { $0 + 1 } ?? 0
        guard start < newFlags.count else { return nil }
        return newFlags[max(start, 0)...].firstIndex(of: true)
    }

    /// The last new comment before `index` (before the end when nil), or nil when none precedes.
    public func previousNew(before index: Int?) -> Int? {
        let end = min(index ?? newFlags.count, newFlags.count)
        guard end > 0 else { return nil }
        return newFlags[..<end].lastIndex(of: true)
    }

    /// Records that comments were on screen: read for the next visit, still marked in this one.
    public mutating func shown<S: Sequence>(_ indices: S) where S.Element == Int {
        for index in indices where unseen.indices.contains(index) && unseen[index] {
            unseen[index] = false
            unreadCount -= 1
            pending.append(hashes[index])
        }
    }

    /// Marks comments read now: their markers go and they count as seen (a subtree, a thread, or everything).
    public mutating func markRead(_ range: Range<Int>) {
        let range = range.clamped(to: newFlags.indices)
        for index in range where newFlags[index] {
            newFlags[index] = false
            newCount -= 1
        }
        shown(range)
    }

    /// Sets mark `letter` (a–z, A–Z) on comment `index`; false when the letter is not one or the comment has no id.
    @discardableResult
    public mutating func setMark(_ letter: Character, at index: Int) -> Bool {
        guard Visit.isMarkLetter(letter), hashes.indices.contains(index), hashes[index] != 0 else { return false }
        marks[letter] = hashes[index]
        return true
    }

    /// The comment mark `letter` is on, or nil when unset or its comment is no longer in the thread.
    public func mark(_ letter: Character) -> Int? {
        guard let hash = marks[letter] else { return nil }
        return hashes.firstIndex(of: hash)
    }

    /// The letters of every mark set, in order.
    public var markLetters: [Character] { marks.keys.sorted() }

    /// Marks are ASCII letters, as in vim: anything else is no mark.
    public static func isMarkLetter(_ letter: Character) -> Bool {
        guard let ascii = letter.asciiValue else { return false }
        return (ascii >= 0x61 && ascii <= 0x7a) || (ascii >= 0x41 && ascii <= 0x5a)
    }

    /// Where the last visit stopped, found by comment id in this discussion.
    public func resume() -> Resume {
        guard let loaded else { return Resume(selected: nil, row: 0, folded: []) }
        var wanted = Set(loaded.folded.hashes)
        if let selected = loaded.selected { wanted.insert(selected) }
        var selectedIndex: Int?
        var foldedIndices: [Int] = []
        if !wanted.isEmpty {
            for (index, hash) in hashes.enumerated() where hash != 0 && wanted.contains(hash) {
                if hash == loaded.selected, selectedIndex == nil { selectedIndex = index }
                if loaded.folded.contains(hash) { foldedIndices.append(index) }
            }
        }
        // A selected comment gone from the file: start at the top rather than at a stale row.
        let row = loaded.selected == nil || selectedIndex != nil ? loaded.selectedRow : 0
        return Resume(selected: selectedIndex, row: max(0, row), folded: foldedIndices)
    }

    /// Records where the reader is, to save: the selected comment (nil for the article), its screen row, the folds.
    public mutating func position<S: Sequence>(selected: Int?, row: Int, folded: S) where S.Element == Int {
        let hashes = self.hashes
        self.selected = selected.flatMap { hashes.indices.contains($0) && hashes[$0] != 0 ? hashes[$0] : nil }
        selectedRow = max(0, row)
        self.folded = SeenSet(hashes: folded.filter { hashes.indices.contains($0) }.map { hashes[$0] })
    }

    /// What to save at `now`: the seen-set grown by this visit, the ids it knows, the markers still shown,
    /// the position and marks.
    public func state(now: Date) -> ThreadState { state(now: now, newlyKnown: newlyKnown) }

    func state(now: Date, newlyKnown: SeenSet) -> ThreadState {
        let seen = (loaded?.seen ?? SeenSet()).union(SeenSet(hashes: pending))
        var markedNew: [UInt64] = []
        if newCount > 0 {
            for (index, new) in newFlags.enumerated() where new { markedNew.append(hashes[index]) }
        }
        return ThreadState(
            title: title, site: site, url: url, path: path, address: address, opened: opened, saved: now,
            commentCount: commentCount,
            newCount: unreadAtStart, seen: seen, known: (loaded?.known ?? SeenSet()).union(newlyKnown),
            addedCount: knowsAdded ? newAtStart : (loaded == nil ? 0 : nil), unreadCount: unreadCount,
            eventCount: eventCount, markedNew: SeenSet(hashes: markedNew), folded: folded,
            selected: selected, selectedRow: selectedRow, marks: marks, revision: loaded?.revision ?? 0)
    }

    /// Hashes of the comments still unread (never on screen in any visit this one knows of): what a save
    /// checks against the seen-set another process saved meanwhile.
    public var unreadHashes: SeenSet {
        var unread: [UInt64] = []
        for (index, flag) in unseen.enumerated() where flag && hashes[index] != 0 { unread.append(hashes[index]) }
        return SeenSet(hashes: unread)
    }

    /// Comments first shown in this visit: what a save adds to the stored seen-set.
    public var newlySeen: SeenSet { SeenSet(hashes: pending) }

    /// Ids the stored known-set lacks (every one on a first visit): what a save adds to it. Empty for a
    /// thread reopened unchanged, whose save then leaves the known-set alone.
    public var newlyKnown: SeenSet { SeenSet(hashes: unknown) }

    /// The marks this visit set or moved, to apply over what another process may have saved meanwhile.
    public var changedMarks: [Character: UInt64] {
        let before = loaded?.marks ?? [:]
        return marks.filter { before[$0.key] != $0.value }
    }
}

/// Where a thread was left: comment indices in the discussion as it is now.
public struct Resume: Equatable, Sendable {
    /// The selected comment, or nil for the article (or when it is gone).
    public var selected: Int?
    /// The selected comment's screen row.
    public var row: Int
    /// Folded comments, in thread order.
    public var folded: [Int]

    public init(selected: Int?, row: Int, folded: [Int]) {
        self.selected = selected
        self.row = row
        self.folded = folded
    }
}
