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
    /// About how many ids a part holds: its table (`HashParts.slots`, 512 KB) fits a core's cache. With
    /// half the slots full, as in `HashIndex`, the inserts took 2.5 of each core's 4 ms on the
    /// 1M-comment file; at an eighth or less, 0.9 ms.
    static let partSize = 1 << 13

    /// The first comment, in document order, whose id an earlier comment has (`firstDuplicate` of an
    /// `IDIndex` of the same ids, without its tables).
    static func firstDuplicate(_ records: [CommentRecord], ids: [UInt64], bytes: DocumentBytes) -> Int? {
        guard ids.count >= splitCount else { return IDIndex(records, ids: ids, bytes: bytes).firstDuplicate }
        var bits = 1
        while ids.count >> bits > partSize { bits += 1 }
        let parts = 1 << bits
        let pieces = HashParts.pieces(ids, partBits: bits, indexed: true)
        defer { for piece in pieces { piece.deallocate() } }
        guard WorkSplit.cores > 1 else {
            return firstDuplicate(records, bytes: bytes, pieces: pieces, checking: 0..<parts)
        }
        // Half the parts on each core (those whose hash has the top bit clear, and the others).
        let found = Atomic<Int>(Int.max)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let checking = half == 0 ? 0..<(parts / 2) : (parts / 2)..<parts
            guard let duplicate = firstDuplicate(records, bytes: bytes, pieces: pieces, checking: checking) else {
                return
            }
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

    /// The first duplicate among the ids of parts `checking`, each part read from every piece in order.
    private static func firstDuplicate(
        _ records: [CommentRecord], bytes: DocumentBytes, pieces: [HashParts], checking: Range<Int>
    ) -> Int? {
        let largest = checking.reduce(0) { max($0, HashParts.count(pieces, part: $1)) }
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: HashParts.slots(for: largest, typical: partSize))
        defer { table.deallocate() }
        var first: Int?
        for part in checking {
            let used = HashParts.slots(for: HashParts.count(pieces, part: part), typical: partSize)
            let mask = used - 1
            table.initialize(repeating: 0, count: used)
            entries: for piece in pieces {
                entry: for entry in piece.part(part) {
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
                                break entries
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return first
    }
}
