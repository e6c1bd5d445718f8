/// Hashes put in parts by their top bits, each part's in the order given: so that each part can be
/// worked on alone in a table that stays in a core's cache (the duplicate ids, the distinct authors).
///
/// The parts are counted first, then the hashes written in one pass, without a branch on the part
/// (parts alternate at random): those of parts not wanted here, and 0 (no hash), go to one slot past
/// the end. Owns its buffer until `deallocate()`.
struct HashParts {
    /// How many entries each wanted part holds, in `wanted`'s order.
    let counts: [Int]
    private let entries: UnsafeMutablePointer<UInt64>

    /// `hashes` in parts by their top `partBits`, those of the parts `wanted` only; an entry is the
    /// hash, or with `indexed`, its top 32 bits and its position in `hashes` plus one (a table slot).
    init(_ hashes: [UInt64], partBits: Int, wanted: Range<Int>, indexed: Bool) {
        let shift = UInt64(64 - partBits)
        let parts = 1 << partBits
        var all = [Int](repeating: 0, count: parts)
        var cursors = [Int](repeating: 0, count: parts + 1)
        var total = 0
        entries = hashes.withUnsafeBufferPointer { hashes in
            all.withUnsafeMutableBufferPointer { all in
                for hash in hashes { all[Int(truncatingIfNeeded: hash >> shift)] &+= hash == 0 ? 0 : 1 }
            }
            for part in 0...parts {
                cursors[part] = total
                if wanted.contains(part) { total += all[part] }
            }
            for part in 0...parts where !wanted.contains(part) { cursors[part] = total }
            let entries = UnsafeMutablePointer<UInt64>.allocate(capacity: total + 1)
            let low = wanted.lowerBound
            let count = UInt(wanted.count)
            // A hash's bits kept: all, or the top 32 (the index takes the rest).
            let kept: UInt64 = indexed ? 0xFFFF_FFFF_0000_0000 : .max
            let indexMask: UInt64 = indexed ? 0xFFFF_FFFF : 0
            cursors.withUnsafeMutableBufferPointer { cursors in
                for (index, hash) in hashes.enumerated() {
                    let part = hash == 0 ? parts : Int(truncatingIfNeeded: hash >> shift)
                    let at = cursors[part]
                    entries[at] = hash & kept | UInt64(truncatingIfNeeded: index &+ 1) & indexMask
                    cursors[part] = at &+ (UInt(bitPattern: part &- low) < count ? 1 : 0)
                }
            }
            return entries
        }
        counts = Array(all[wanted])
    }

    /// Calls `body` with each wanted part's entries, in order, until it returns false.
    func forEachPart(_ body: (UnsafeBufferPointer<UInt64>) -> Bool) {
        var start = 0
        for count in counts {
            guard body(UnsafeBufferPointer(start: entries + start, count: count)) else { return }
            start += count
        }
    }

    func deallocate() { entries.deallocate() }

    /// Slots for a table of `count` entries: eight times as many (with half the slots full, whether
    /// the next slot is empty is a coin toss for the branch predictor), or twice as many for a part
    /// far bigger than `typical` (hashes that crowd one part: 64 bytes an entry would be too many).
    static func slots(for count: Int, typical: Int) -> Int {
        let wanted = count > typical * 4 ? count * 2 : count * 8
        var slots = 16
        while slots < wanted { slots <<= 1 }
        return slots
    }
}
