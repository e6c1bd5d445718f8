/// Where the reader jumped from, to go back (vim's ctrl-O) and forward again (ctrl-I).
///
/// A plain value: the reader records the position it leaves before every jump (search, `G`, `]`, `u`, `r`,
/// a mark, next new) and asks for `back`/`forward`. Positions are whatever the reader keys comments by
/// (indices within a visit). A new jump after going back drops the positions ahead, as a browser does (vim's
/// `jumpoptions=stack`), and a position is kept once, at its latest place.
public struct JumpList<Position: Equatable & Sendable>: Equatable, Sendable {
    public private(set) var entries: [Position] = []
    /// Where `back` and `forward` move from: `entries.count` when not going through the list.
    public private(set) var cursor = 0
    /// The oldest positions go past this many, as vim keeps 100.
    public let capacity: Int

    public init(capacity: Int = 100) {
        self.capacity = max(1, capacity)
    }

    /// Records `position`, the one being left by a jump.
    public mutating func record(_ position: Position) {
        if cursor < entries.count { entries.removeSubrange(cursor...) }
        entries.removeAll { $0 == position }
        entries.append(position)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        cursor = entries.count
    }

    /// The position before the current one, or nil at the oldest; `current` is kept so `forward` returns to it.
    public mutating func back(from current: Position) -> Position? {
        if cursor >= entries.count {
            if entries.last != current {
                entries.removeAll { $0 == current }
                entries.append(current)
                if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
            }
            cursor = entries.count - 1
        }
        guard cursor > 0 else { return nil }
        cursor -= 1
        return entries[cursor]
    }

    /// The position `back` came from, or nil when nothing is ahead.
    public mutating func forward() -> Position? {
        guard cursor + 1 < entries.count else { return nil }
        cursor += 1
        return entries[cursor]
    }

    /// Positions still valid after the discussion changed; `map` returns nil for one that is gone.
    public func compactMap(_ map: (Position) -> Position?) -> JumpList {
        var list = JumpList(capacity: capacity)
        var kept = 0
        for (index, entry) in entries.enumerated() {
            guard let moved = map(entry) else { continue }
            list.entries.append(moved)
            if index < cursor { kept += 1 }
        }
        list.cursor = cursor >= entries.count ? list.entries.count : kept
        return list
    }
}
