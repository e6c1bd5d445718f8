import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An open-addressing table from 64-bit text hashes to comment indices.
///
/// Ids are hashed while the scanner reads them, so checking a million ids for duplicates
/// and resolving parents touches one flat array, not the document's bytes: those are read
/// again only to confirm that two equal hashes are really the same text.
///
/// A slot is one word: the hash's top 32 bits and the index plus one (0 is an empty slot), so an
/// insert touches one cache line, not two; the low bits chose the slot. Equal top bits are confirmed
/// by `same`, as equal hashes always were.
struct HashIndex {
    /// Shared by copies: a table is filled by the one that made it, then only read.
    private let memory: SlotMemory
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        memory = SlotMemory(count: size)
        mask = size - 1
    }

    private var slots: UnsafeMutablePointer<UInt64> { memory.base }

    @inline(__always) private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    /// Adds `value` (0 ..< Int32.max) under `hash`; returns an earlier value under the same hash for which `same` holds.
    mutating func insert(_ hash: UInt64, _ value: Int32, same: (Int32) -> Bool) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = Self.tag(hash)
        while true {
            let occupant = slots[slot]
            if occupant == 0 {
                slots[slot] = tag | UInt64(UInt32(bitPattern: value) &+ 1)
                return nil
            }
            if Self.tag(occupant) == tag {
                let earlier = Int32(truncatingIfNeeded: occupant &- 1)
                if same(earlier) { return earlier }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value stored under `hash` for which `same` holds.
    func find(_ hash: UInt64, same: (Int32) -> Bool) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = Self.tag(hash)
        while true {
            let occupant = slots[slot]
            if occupant == 0 { return nil }
            if Self.tag(occupant) == tag {
                let value = Int32(truncatingIfNeeded: occupant &- 1)
                if same(value) { return value }
            }
            slot = (slot + 1) & mask
        }
    }
}

/// A hash table's slots, zeroed. A big table is mapped on its own and asks for huge pages: every
/// insert lands on a random slot, and with 4 KB pages a million ids' 8 MB table missed the address
/// cache on nearly every one (and took 2,048 page faults to fill).
private final class SlotMemory {
    let base: UnsafeMutablePointer<UInt64>
    private let size: Int
    private let mapped: Bool

    /// Tables this big (in bytes) or bigger are mapped: a huge page is 2 MB.
    static let mappedSize = 2 << 20

    init(count: Int) {
        size = count * MemoryLayout<UInt64>.stride
        if size >= Self.mappedSize,
            let region = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            region != MAP_FAILED
        {
            _ = madvise(region, size, MADV_HUGEPAGE)
            base = region.bindMemory(to: UInt64.self, capacity: count)
            mapped = true
        } else {
            base = .allocate(capacity: count)
            base.initialize(repeating: 0, count: count)
            mapped = false
        }
    }

    deinit {
        if mapped { munmap(base, size) } else { base.deallocate() }
    }
}

/// Collects 64-bit hashes (0 is none) and counts the different ones, for the distinct authors of a load.
///
/// A million authors' hashes went one by one into a set of 84,000: each insert a cache miss in a
/// 2 MB table, a fifth of a load's time. Here they are only appended (to one array: appending to one
/// of 64 lists checked two arrays' uniqueness per author, 5% of a load), and counted once at the end,
/// put in parts by their top bits and each part in a table small enough to stay in cache.
struct DistinctHashes {
    private static let partBits = 6
    private var hashes: [UInt64] = []

    mutating func insert(_ hash: UInt64) {
        guard hash != 0 else { return }
        hashes.append(hash)
    }

    /// Makes room for `count` hashes in all (so the array does not double and copy itself as a big load fills it).
    mutating func reserveCapacity(_ count: Int) {
        hashes.reserveCapacity(count)
    }

    /// Adds every hash of `other`.
    mutating func formUnion(_ other: DistinctHashes) {
        hashes.append(contentsOf: other.hashes)
    }

    /// How many different hashes were inserted. A big load's are counted on two cores, half the
    /// parts on each: a hash is in one part only, so the halves' counts add up.
    var count: Int {
        let parts = 1 << Self.partBits
        let pieces = HashParts.pieces(hashes, partBits: Self.partBits, indexed: false)
        defer { for piece in pieces { piece.deallocate() } }
        guard hashes.count >= HashParts.splitCount, WorkSplit.cores > 1 else { return Self.count(pieces, 0..<parts) }
        let counted = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            counted.add(Self.count(pieces, half == 0 ? 0..<(parts / 2) : (parts / 2)..<parts), ordering: .relaxed)
        }
        return counted.load(ordering: .relaxed)
    }

    /// How many different hashes parts `wanted` of `pieces` hold.
    private static func count(_ pieces: [HashParts], _ wanted: Range<Int>) -> Int {
        // Twice a part's hashes in slots: most are repeats (84,000 authors of a million comments), so few are full.
        func slots(_ count: Int) -> Int {
            var slots = 16
            while slots < count * 2 { slots <<= 1 }
            return slots
        }
        let largest = wanted.reduce(0) { max($0, HashParts.count(pieces, part: $1)) }
        var table = [UInt64](repeating: 0, count: slots(largest))
        var distinct = 0
        for part in wanted {
            let mask = slots(HashParts.count(pieces, part: part)) - 1
            for i in 0...mask { table[i] = 0 }
            for piece in pieces {
                for hash in piece.part(part) {
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while table[slot] != 0 && table[slot] != hash { slot = (slot + 1) & mask }
                    if table[slot] == 0 {
                        table[slot] = hash
                        distinct += 1
                    }
                }
            }
        }
        return distinct
    }
}

/// The comments' ids by hash, for finding a duplicate id and each `parent` named by id.
///
/// A million ids take a table of 24 MB, each insert a cache miss: on a machine with two cores a big
/// document's ids are put in two tables at once, those whose hash has the top bit clear and those
/// whose hash has it set. Each table is filled in document order and stops at its first duplicate,
/// so the earlier of the two duplicates is the one a single table would have stopped at.
struct IDIndex {
    /// One table, or two split by the hash's top bit.
    private let tables: [HashIndex]
    /// The first comment, in document order, whose id an earlier comment has.
    let firstDuplicate: Int?

    /// Fewer ids than this go into one table on the calling thread (a thread costs more than it saves).
    static let splitCount = 1 << 16

    init(_ records: [CommentRecord], ids: [UInt64], bytes: DocumentBytes) {
        if ids.count < Self.splitCount || WorkSplit.cores < 2 {
            let (table, duplicate) = Self.table(records, ids: ids, bytes: bytes, half: nil)
            tables = [table]
            firstDuplicate = duplicate
            return
        }
        let halves = Halves()
        defer { halves.base.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            // Each thread writes only its own slot; both are read after `concurrentPerform` returns.
            (halves.base + half).initialize(to: Self.table(records, ids: ids, bytes: bytes, half: UInt64(half)))
        }
        let results = (halves.base.move(), (halves.base + 1).move())
        tables = [results.0.table, results.1.table]
        firstDuplicate = [results.0.duplicate, results.1.duplicate].compactMap { $0 }.min()
    }

    /// The two halves' results, one slot per thread.
    private struct Halves: @unchecked Sendable {
        let base = UnsafeMutablePointer<(table: HashIndex, duplicate: Int?)>.allocate(capacity: 2)
    }

    /// The table of the ids whose hash's top bit is `half` (every id when nil), filled in document
    /// order up to the first duplicate, and that duplicate.
    private static func table(
        _ records: [CommentRecord], ids: [UInt64], bytes: DocumentBytes, half: UInt64?
    ) -> (HashIndex, Int?) {
        // The half's comments first, without a branch on the hash (it would be mispredicted every
        // other comment); then the table is filled from them alone.
        let wanted: UInt64 = half.map { $0 ^ 1 } ?? 1
        let members = [Int32](unsafeUninitializedCapacity: ids.count) { buffer, count in
            var k = 0
            for i in ids.indices {
                let hash = ids[i]
                buffer[k] = Int32(truncatingIfNeeded: i)
                k &+= Int(truncatingIfNeeded: ((half == nil ? 0 : hash >> 63) ^ wanted) & (hash == 0 ? 0 : 1))
            }
            count = k
        }
        var table = HashIndex(capacity: members.count)
        for i in members {
            // The record is read only when its hash meets an equal one: reading each would walk 56 MB.
            if table.insert(ids[Int(i)], i, same: { bytes.sameText(records[Int($0)].id, records[Int(i)].id) }) != nil {
                return (table, Int(i))
            }
        }
        return (table, nil)
    }

    /// The comment with the id of hash `hash` for which `same` holds.
    func find(_ hash: UInt64, same: (Int32) -> Bool) -> Int32? {
        tables[tables.count == 1 ? 0 : Int(hash >> 63)].find(hash, same: same)
    }
}
