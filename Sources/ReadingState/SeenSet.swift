/// A set of comment-id hashes, sorted, kept compact for a store: a million ids take about 6.5 MB on disk.
///
/// Ids are kept as their 64-bit hashes (`Discussion.idHash`), never as text, so an id of any length costs
/// the same and a hostile id cannot bloat the store. Two ids share a hash with odds of about 1 in 10^7
/// on a million comments; the cost of that is one comment not marked new.
public struct SeenSet: Equatable, Sendable {
    /// Sorted, without duplicates, never 0.
    public private(set) var hashes: [UInt64]

    public init() { hashes = [] }

    /// A set of the given hashes, in any order, with duplicates and zeros (ids that are absent) dropped.
    public init<S: Sequence>(hashes unsorted: S) where S.Element == UInt64 {
        var sorted = unsorted.filter { $0 != 0 }
        sorted.sort()
        hashes = SeenSet.uniqued(sorted)
    }

    private init(sortedUnique: [UInt64]) { hashes = sortedUnique }

    public var count: Int { hashes.count }
    public var isEmpty: Bool { hashes.isEmpty }

    public func contains(_ hash: UInt64) -> Bool {
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }

    /// Both sets' hashes: one linear merge, so a million-id union costs a few milliseconds.
    public func union(_ other: SeenSet) -> SeenSet {
        if other.hashes.isEmpty { return self }
        if hashes.isEmpty { return other }
        var merged: [UInt64] = []
        merged.reserveCapacity(hashes.count + other.hashes.count)
        var i = 0
        var j = 0
        while i < hashes.count, j < other.hashes.count {
            let a = hashes[i]
            let b = other.hashes[j]
            if a < b {
                merged.append(a)
                i += 1
            } else if b < a {
                merged.append(b)
                j += 1
            } else {
                merged.append(a)
                i += 1
                j += 1
            }
        }
        merged.append(contentsOf: hashes[i...])
        merged.append(contentsOf: other.hashes[j...])
        return SeenSet(sortedUnique: merged)
    }

    /// The set without the hashes of `other`.
    public func subtracting(_ other: SeenSet) -> SeenSet {
        if other.hashes.isEmpty || hashes.isEmpty { return self }
        return SeenSet(sortedUnique: hashes.filter { !other.contains($0) })
    }

    private static func uniqued(_ sorted: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(sorted.count)
        for hash in sorted where hash != result.last {
            result.append(hash)
        }
        return result
    }
}

extension SeenSet {
    /// The blob's first byte: which encoding follows.
    static let encodingVersion: UInt8 = 1

    /// The set as a blob: a version byte, the count, then the gaps between sorted hashes as LEB128 varints.
    ///
    /// Hashes are uniform, so on n ids the gaps are about 2^64/n: 6 to 7 bytes each for a million.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [SeenSet.encodingVersion]
        bytes.reserveCapacity(8 + hashes.count * 7)
        SeenSet.appendVarint(UInt64(hashes.count), to: &bytes)
        var previous: UInt64 = 0
        for hash in hashes {
            SeenSet.appendVarint(hash - previous, to: &bytes)
            previous = hash
        }
        return bytes
    }

    /// Reads a blob `encoded()` wrote; nil when it is not one (damaged, or from a newer tread).
    public init?(encoded bytes: [UInt8]) {
        guard let first = bytes.first, first == SeenSet.encodingVersion else {
            if bytes.isEmpty {
                self.init()
                return
            }
            return nil
        }
        var position = 1
        guard let count = SeenSet.readVarint(bytes, &position), count <= UInt64(bytes.count) else { return nil }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(Int(count))
        var previous: UInt64 = 0
        for index in 0..<Int(count) {
            guard let gap = SeenSet.readVarint(bytes, &position), gap > 0 || index == 0 else { return nil }
            let (hash, overflow) = previous.addingReportingOverflow(gap)
            guard !overflow, hash != 0 else { return nil }
            hashes.append(hash)
            previous = hash
        }
        guard position == bytes.count else { return nil }
        self.init(sortedUnique: hashes)
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func readVarint(_ bytes: [UInt8], _ position: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            // The tenth byte may carry only the top bit of a 64-bit value.
            if shift == 63, byte > 1 { return nil }
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }
}

extension SeenSet {
    /// A directory over the set by the hashes' top bits, for many `contains` in a row.
    ///
    /// A binary search over a million hashes misses the cache about a dozen times per lookup (about a
    /// second for a million lookups); hashes are uniform, so the top bits find a run of about 8 directly.
    public struct Lookup: Sendable {
        private let hashes: [UInt64]
        private let starts: [Int32]
        private let shift: UInt64

        init(_ set: SeenSet) {
            hashes = set.hashes
            var bits: UInt64 = 0
            while bits < 20, set.count >> (bits + 3) > 0 { bits += 1 }
            shift = 64 - bits
            var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
            // Counts per prefix, then running totals: starts[p] is where prefix p's run begins.
            for hash in set.hashes {
                let prefix = bits == 0 ? 0 : Int(hash >> shift)
                starts[prefix + 1] += 1
            }
            for index in 1..<starts.count { starts[index] += starts[index - 1] }
            self.starts = starts
        }

        public func contains(_ hash: UInt64) -> Bool {
            let prefix = shift == 64 ? 0 : Int(hash >> shift)
            var index = Int(starts[prefix])
            let end = Int(starts[prefix + 1])
            while index < end {
                if hashes[index] >= hash { return hashes[index] == hash }
                index += 1
            }
            return false
        }
    }

    /// A `Lookup` for this set: linear to build, then about one cache miss per `contains`.
    public func lookup() -> Lookup { Lookup(self) }
}

extension SeenSet {
    /// The set from blobs of consecutive ranges (the store's buckets, in order); nil when one is damaged or
    /// they overlap or are out of order.
    init?(concatenating blobs: [[UInt8]]) {
        var hashes: [UInt64] = []
        for blob in blobs {
            guard let part = SeenSet(encoded: blob) else { return nil }
            if let last = hashes.last, let first = part.hashes.first, first <= last { return nil }
            hashes.append(contentsOf: part.hashes)
        }
        self.init(sortedUnique: hashes)
    }

    /// The hashes whose top `bits` bits are `bucket`'s, as runs: (bucket, set) in bucket order.
    func buckets(bits: Int) -> [(bucket: Int, set: SeenSet)] {
        var result: [(bucket: Int, set: SeenSet)] = []
        var start = 0
        while start < hashes.count {
            let bucket = SeenSet.bucket(of: hashes[start], bits: bits)
            var end = start + 1
            while end < hashes.count, SeenSet.bucket(of: hashes[end], bits: bits) == bucket { end += 1 }
            result.append((bucket, SeenSet(sortedUnique: Array(hashes[start..<end]))))
            start = end
        }
        return result
    }

    static func bucket(of hash: UInt64, bits: Int) -> Int {
        bits == 0 ? 0 : Int(hash >> UInt64(64 - bits))
    }
}

extension SeenSet {
    /// Whether each of `hashes` is in the set, in one pass that reads the set in order.
    ///
    /// Probing a million random hashes one by one misses the cache two or three times each (about 0.35 s
    /// here); grouping the probes by their top bits first turns that into sequential reads of both sides.
    public func members(of probes: [UInt64]) -> [Bool] {
        var result = [Bool](repeating: false, count: probes.count)
        guard !hashes.isEmpty, !probes.isEmpty else { return result }
        var bits: UInt64 = 0
        while bits < 20, max(hashes.count, probes.count) >> (bits + 3) > 0 { bits += 1 }
        let shift = 64 - bits
        func prefix(_ hash: UInt64) -> Int { bits == 0 ? 0 : Int(hash >> shift) }
        let buckets = (1 << Int(bits)) + 1
        // Where each prefix's run starts, for the probes and for the set.
        var probeStarts = [Int32](repeating: 0, count: buckets)
        for hash in probes { probeStarts[prefix(hash) + 1] += 1 }
        for index in 1..<buckets { probeStarts[index] += probeStarts[index - 1] }
        var grouped = [(hash: UInt64, index: Int32)](repeating: (0, 0), count: probes.count)
        var cursors = probeStarts
        for (index, hash) in probes.enumerated() {
            let bucket = prefix(hash)
            grouped[Int(cursors[bucket])] = (hash, Int32(truncatingIfNeeded: index))
            cursors[bucket] += 1
        }
        var setIndex = 0
        for bucket in 0..<(buckets - 1) {
            let start = setIndex
            while setIndex < hashes.count, prefix(hashes[setIndex]) == bucket { setIndex += 1 }
            let run = hashes[start..<setIndex]
            if run.isEmpty { continue }
            for probe in grouped[Int(probeStarts[bucket])..<Int(probeStarts[bucket + 1])] where run.contains(probe.hash)
            {
                result[Int(probe.index)] = true
            }
        }
        return result
    }
}
