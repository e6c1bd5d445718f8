/// Comments by the hash of their id, grown as a builder adds them: one 4-byte slot per place,
/// where a set of the ids as strings held each id again (about 40 bytes a comment).
///
/// A slot holds a comment's index (plus one; 0 is empty), not its hash: the hashes are the
/// builder's own (`hashes[index]`), and two comments with the same hash are told apart by `same`,
/// which compares their text, so a collision of hashes never makes two ids one.
struct GrowingIDIndex {
    private var slots: [UInt32] = []
    private(set) var count = 0

    /// Makes room for `total` entries in all without growing again; `hashes` are those of the
    /// entries already in.
    mutating func reserve(_ total: Int, hashes: [UInt64]) {
        var size = max(16, slots.count)
        while size < total * 2 { size <<= 1 }
        guard size > slots.count else { return }
        let old = slots
        slots = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: hashes[Int(entry - 1)]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// The first entry added under `hash` for which `same` holds.
    func find(_ hash: UInt64, hashes: [UInt64], same: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        return probe(hash, hashes: hashes, same: same).found
    }

    /// Where the entries under `hash` lead: the first for which `same` holds, else the empty slot after them.
    private func probe(_ hash: UInt64, hashes: [UInt64], same: (Int) -> Bool) -> (found: Int?, empty: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if hashes[index] == hash, same(index) { return (index, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Adds `index` (whose hash is `hashes[index]`) unless an entry for which `same` holds is
    /// there already; returns that earlier entry then.
    @discardableResult
    mutating func insert(_ index: Int, hashes: [UInt64], same: (Int) -> Bool) -> Int? {
        if (count + 1) * 2 > slots.count { reserve(count + 1, hashes: hashes) }
        let (earlier, slot) = probe(hashes[index], hashes: hashes, same: same)
        if let earlier { return earlier }
        slots[slot] = UInt32(truncatingIfNeeded: index + 1)
        count += 1
        return nil
    }
}
