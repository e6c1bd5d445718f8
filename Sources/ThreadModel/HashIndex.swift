/// An open-addressing table from 64-bit text hashes to comment indices.
///
/// Ids are hashed while the scanner reads them, so checking a million ids for duplicates
/// and resolving parents touches one flat array, not the document's bytes: those are read
/// again only to confirm that two equal hashes are really the same text.
struct HashIndex {
    private var hashes: [UInt64]
    private var values: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds `value` under `hash`; returns an earlier value under the same hash for which `same` holds.
    mutating func insert(_ hash: UInt64, _ value: Int32, same: (Int32) -> Bool) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = hashes[slot]
            if occupant == 0 {
                hashes[slot] = hash
                values[slot] = value
                return nil
            }
            if occupant == hash, same(values[slot]) { return values[slot] }
            slot = (slot + 1) & mask
        }
    }

    /// The value stored under `hash` for which `same` holds.
    func find(_ hash: UInt64, same: (Int32) -> Bool) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = hashes[slot]
            if occupant == 0 { return nil }
            if occupant == hash, same(values[slot]) { return values[slot] }
            slot = (slot + 1) & mask
        }
    }
}

/// A set of 64-bit hashes, for counting distinct authors as the scanner goes.
struct HashSet64 {
    private var slots: [UInt64] = [UInt64](repeating: 0, count: 1024)
    private(set) var count = 0

    /// Adds a hash (0, "absent", is ignored).
    mutating func insert(_ hash: UInt64) {
        guard hash != 0 else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if slots[slot] == hash { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = hash
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for hash in old where hash != 0 { insert(hash) }
    }
}
