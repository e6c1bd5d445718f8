import Dispatch

/// Hashes put in parts by their top bits, each part's in the order given: so that each part can be
/// worked on alone in a table that stays in a core's cache (the duplicate ids, the distinct authors).
///
/// A stretch of the hashes is counted by part first, then written in one pass. `pieces` cuts a big
/// array in two stretches done at once, one on each core: a part is then the first piece's part
/// followed by the second's, still in the order given. Owns its buffer until `deallocate()`; only read
/// once made (so threads may share it).
struct HashParts: @unchecked Sendable {
    /// Each part's entries.
    private let counts: [Int]
    private let starts: [Int]
    private let entries: UnsafeMutablePointer<UInt64>

    /// `hashes` (those at `offset` onwards of the whole) in parts by their top `partBits`. An entry
    /// is the hash, or with `indexed`, its top 32 bits and its position in the whole plus one (a
    /// table slot). Hash 0 (none) goes to a slot past the end, without a branch.
    private init(_ hashes: UnsafeBufferPointer<UInt64>, offset: Int, partBits: Int, indexed: Bool) {
        let shift = UInt64(64 - partBits)
        let parts = 1 << partBits
        var counts = [Int](repeating: 0, count: parts)
        counts.withUnsafeMutableBufferPointer { counts in
            for hash in hashes { counts[Int(truncatingIfNeeded: hash >> shift)] &+= hash == 0 ? 0 : 1 }
        }
        var starts = [Int](repeating: 0, count: parts + 1)
        for part in 0..<parts { starts[part + 1] = starts[part] + counts[part] }
        let total = starts[parts]
        let entries = UnsafeMutablePointer<UInt64>.allocate(capacity: total + 1)
        // A hash's bits kept: all, or the top 32 (the index takes the rest).
        let kept: UInt64 = indexed ? 0xFFFF_FFFF_0000_0000 : .max
        let indexMask: UInt64 = indexed ? 0xFFFF_FFFF : 0
        var cursors = starts
        cursors.withUnsafeMutableBufferPointer { cursors in
            for (index, hash) in hashes.enumerated() {
                let part = hash == 0 ? parts : Int(truncatingIfNeeded: hash >> shift)
                let at = cursors[part]
                entries[at] = hash & kept | UInt64(truncatingIfNeeded: offset &+ index &+ 1) & indexMask
                cursors[part] = at &+ (hash == 0 ? 0 : 1)
            }
        }
        self.counts = counts
        self.starts = starts
        self.entries = entries
    }

    /// Part `part`'s entries.
    func part(_ part: Int) -> UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: entries + starts[part], count: counts[part])
    }

    /// How many entries part `part` has in all of `pieces`.
    static func count(_ pieces: [HashParts], part: Int) -> Int {
        pieces.reduce(0) { $0 + $1.counts[part] }
    }

    /// `hashes` in parts: one piece, or from `splitCount` hashes on a machine with two cores, two
    /// pieces (the first half and the second) made at once. Deallocate each.
    static func pieces(_ hashes: [UInt64], partBits: Int, indexed: Bool) -> [HashParts] {
        guard hashes.count >= splitCount, WorkSplit.cores > 1 else {
            return hashes.withUnsafeBufferPointer { [HashParts($0, offset: 0, partBits: partBits, indexed: indexed)] }
        }
        let halves = Halves()
        defer { halves.base.deallocate() }
        let middle = hashes.count / 2
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            // Each thread writes only its own slot; both are read after `concurrentPerform` returns.
            let range = half == 0 ? 0..<middle : middle..<hashes.count
            hashes.withUnsafeBufferPointer { all in
                (halves.base + half).initialize(
                    to: HashParts(
                        UnsafeBufferPointer(rebasing: all[range]), offset: range.lowerBound, partBits: partBits,
                        indexed: indexed))
            }
        }
        return [halves.base.move(), (halves.base + 1).move()]
    }

    /// Fewer hashes than this are put in parts on the calling thread (a thread costs more than it saves).
    static let splitCount = 1 << 16

    /// The two pieces' slots, one per thread.
    private struct Halves: @unchecked Sendable {
        let base = UnsafeMutablePointer<HashParts>.allocate(capacity: 2)
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
