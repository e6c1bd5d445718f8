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

/// Collects 64-bit hashes (0 is none) and counts the different ones, for the distinct authors of a load.
///
/// A million authors' hashes went one by one into a set of 84,000: each insert a cache miss in a
/// 2 MB table, a fifth of a load's time. Here they are only appended, to one of 64 lists by their
/// top bits, and counted once at the end, list by list, in a table small enough to stay in cache.
struct DistinctHashes {
    private static let listBits = 6
    private var lists = [[UInt64]](repeating: [], count: 1 << listBits)

    mutating func insert(_ hash: UInt64) {
        guard hash != 0 else { return }
        lists[Int(truncatingIfNeeded: hash >> (64 - Self.listBits))].append(hash)
    }

    /// Adds every hash of `other`.
    mutating func formUnion(_ other: DistinctHashes) {
        for k in lists.indices { lists[k].append(contentsOf: other.lists[k]) }
    }

    /// How many different hashes were inserted.
    var count: Int {
        let largest = lists.reduce(0) { max($0, $1.count) }
        var size = 16
        while size < largest * 2 { size <<= 1 }
        var table = [UInt64](repeating: 0, count: size)
        var distinct = 0
        for list in lists where !list.isEmpty {
            var used = 16
            while used < list.count * 2 { used <<= 1 }
            let mask = used - 1
            for i in 0..<used { table[i] = 0 }
            for hash in list {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot] != 0 && table[slot] != hash { slot = (slot + 1) & mask }
                if table[slot] == 0 {
                    table[slot] = hash
                    distinct += 1
                }
            }
        }
        return distinct
    }
}
