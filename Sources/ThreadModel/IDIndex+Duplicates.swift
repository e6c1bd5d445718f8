import Dispatch
import Synchronization

/// The duplicate check of a big document that names no `parent` by id, so needs no table to find
/// parents in (the nested form, `tread stats` of the 1M-comment file).
///
/// `IDIndex`'s two tables of a million ids are 8 MB each, far more than a core's cache: each insert
/// waited on the shared cache (about 8 ms on each core, half of what a load does after its scans).
/// Here the ids are first put in parts of about 8,000 by their hash's top bits (counted, then
/// written in one pass each), and each part is checked alone in a table of 512 KB that stays in its
/// core's cache. Equal ids have equal hashes, so a duplicate is found in its part; each part is
/// checked in document order up to its first duplicate, and the earliest of those is the one a
/// single table would have stopped at.
extension IDIndex {
    /// About how many ids a part holds: its table (`spread` times as many slots of 8 bytes) fits a core's cache.
    static let partSize = 1 << 13
    /// A part's table has at least this many times its ids' slots. With half the slots full (as in
    /// `HashIndex`), whether the next slot is empty was a coin toss for the branch predictor: the
    /// inserts took 2.5 of a core's 4 ms on the 1M-comment file; at an eighth or less, 0.9 ms.
    static let spread = 8

    /// The slots of a part's table for `count` ids: `spread` times as many, or only twice as many for a
    /// part far bigger than `partSize` (hashes that crowd one part: it would take 64 bytes an id).
    static func slots(for count: Int) -> Int {
        let wanted = count > partSize * 4 ? count * 2 : count * spread
        var slots = 16
        while slots < wanted { slots <<= 1 }
        return slots
    }

    /// The first comment, in document order, whose id an earlier comment has (`firstDuplicate` of an
    /// `IDIndex` of the same ids, without its tables).
    static func firstDuplicate(_ records: [CommentRecord], ids: [UInt64], bytes: DocumentBytes) -> Int? {
        guard ids.count >= splitCount else { return IDIndex(records, ids: ids, bytes: bytes).firstDuplicate }
        var bits = 1
        while ids.count >> bits > partSize { bits += 1 }
        let partBits = bits
        let parts = 1 << partBits
        guard WorkSplit.cores > 1 else {
            return firstDuplicate(records, ids: ids, bytes: bytes, partBits: partBits, checking: 0..<parts)
        }
        // Half the parts on each core (those whose hash has the top bit clear, and the others).
        let found = Atomic<Int>(Int.max)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let checking = half == 0 ? 0..<(parts / 2) : (parts / 2)..<parts
            guard
                let duplicate = firstDuplicate(records, ids: ids, bytes: bytes, partBits: partBits, checking: checking)
            else { return }
            var current = found.load(ordering: .relaxed)
            while duplicate < current {
                let (exchanged, original) = found.compareExchange(
                    expected: current, desired: duplicate, ordering: .relaxed)
                if exchanged { break }
                current = original
            }
        }
        let first = found.load(ordering: .relaxed)
        return first == Int.max ? nil : first
    }

    /// The first duplicate among the ids of parts `checking` (a part is the hash's top `partBits`).
    private static func firstDuplicate(
        _ records: [CommentRecord], ids: [UInt64], bytes: DocumentBytes, partBits: Int, checking: Range<Int>
    ) -> Int? {
        let shift = UInt64(64 - partBits)
        let parts = 1 << partBits
        // Each part's ids, then where they go. Absent ids (hash 0) and those of parts not checked here
        // go to one slot past the end, without a branch on which (parts alternate at random).
        var counts = [Int](repeating: 0, count: parts)
        var cursors = [Int](repeating: 0, count: parts + 1)
        var total = 0
        let entries = ids.withUnsafeBufferPointer { ids in
            counts.withUnsafeMutableBufferPointer { counts in
                for hash in ids { counts[Int(truncatingIfNeeded: hash >> shift)] &+= hash == 0 ? 0 : 1 }
            }
            for part in 0...parts {
                cursors[part] = total
                if checking.contains(part) { total += counts[part] }
            }
            for part in 0...parts where !checking.contains(part) { cursors[part] = total }
            // An entry is a table's slot word: the hash's top 32 bits and the comment's index plus one.
            let entries = UnsafeMutablePointer<UInt64>.allocate(capacity: total + 1)
            let low = checking.lowerBound
            let count = UInt(checking.count)
            cursors.withUnsafeMutableBufferPointer { cursors in
                for (index, hash) in ids.enumerated() {
                    let part = hash == 0 ? parts : Int(truncatingIfNeeded: hash >> shift)
                    let at = cursors[part]
                    entries[at] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(truncatingIfNeeded: index &+ 1))
                    cursors[part] = at &+ (UInt(bitPattern: part &- low) < count ? 1 : 0)
                }
            }
            return entries
        }
        defer { entries.deallocate() }
        let largest = checking.reduce(0) { max($0, counts[$1]) }
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: slots(for: largest))
        defer { table.deallocate() }
        var first: Int?
        var start = 0
        for part in checking {
            let end = start + counts[part]
            defer { start = end }
            let used = slots(for: end - start)
            let mask = used - 1
            table.initialize(repeating: 0, count: used)
            entry: for entry in UnsafeBufferPointer(start: entries + start, count: end - start) {
                // The slot from the tag's low bits: not the part's bits, which are the same in the whole part.
                let tag = entry >> 32
                var slot = Int(truncatingIfNeeded: tag) & mask
                while true {
                    let occupant = table[slot]
                    if occupant == 0 {
                        table[slot] = entry
                        continue entry
                    }
                    if occupant >> 32 == tag {
                        let earlier = Int(truncatingIfNeeded: occupant & 0xFFFF_FFFF) - 1
                        let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                        if bytes.sameText(records[earlier].id, records[index].id) {
                            first = min(first ?? index, index)
                            break entry
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return first
    }
}
