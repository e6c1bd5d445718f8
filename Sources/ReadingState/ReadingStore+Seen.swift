/// A thread's seen-set in the `seen` table: buckets by the hashes' top `seenBits` bits.
extension ReadingStore {
    /// About how many hashes a seen-set bucket holds; a thread's buckets are split again past twice this.
    static let bucketSize = 4096
    /// The most top bits a seen-set is split by: 65,536 buckets, a quarter of a billion comments.
    static let maxSeenBits = 16

    /// Unites `added` with the stored buckets it falls in; returns the thread's seen count after.
    static func addSeen(_ added: SeenSet, key: String, bits: Int, _ db: StoreConnection, path: String) throws -> Int {
        var count = try db.first(seenCountSQL, [.text(key)]) { row in try row.optionalInt(0) ?? 0 } ?? 0
        for (bucket, part) in added.buckets(bits: bits) {
            let blob = try db.first(seenBucketSQL, [.text(key), .integer(bucket)]) { row in
                try row.optionalBytes(0) ?? []
            }
            guard let stored = SeenSet(encoded: blob ?? []) else {
                throw StoreError.damaged(path: path, detail: "the seen comments of one thread cannot be read")
            }
            let union = stored.union(part)
            guard union.count != stored.count else { continue }
            // A stored count no save reaches (a hostile file's) would overflow: a damaged store, not a stop.
            let (sum, overflow) = count.addingReportingOverflow(union.count - stored.count)
            guard !overflow else { throw StoreRowError(column: "seenCount") }
            count = sum
            try db.run(writeBucketSQL, [.text(key), .integer(bucket), .blob(union.encoded())])
        }
        return count
    }

    static let seenCountSQL = "SELECT seenCount FROM thread WHERE key = ?"
    static let seenBucketSQL = "SELECT hashes FROM seen WHERE threadKey = ? AND bucket = ?"
    static let seenSQL = "SELECT hashes FROM seen WHERE threadKey = ? ORDER BY bucket"
    static let writeBucketSQL = "INSERT OR REPLACE INTO seen (threadKey, bucket, hashes) VALUES (?, ?, ?)"

    /// Splits a thread's seen-set into buckets of about `bucketSize` again; returns the new bit count.
    static func rebucket(key: String, count: Int, _ db: StoreConnection, path: String) throws -> Int {
        let all = try readSeen(key, db, path: path)
        var bits = 0
        while bits < maxSeenBits, all.count > bucketSize << bits { bits += 1 }
        try db.run("DELETE FROM seen WHERE threadKey = ?", [.text(key)])
        for (bucket, part) in all.buckets(bits: bits) {
            try db.run(
                "INSERT INTO seen (threadKey, bucket, hashes) VALUES (?, ?, ?)",
                [.text(key), .integer(bucket), .blob(part.encoded())])
        }
        return bits
    }

    /// The whole seen-set of a thread: its buckets in order, checked to be sorted across them.
    static func readSeen(_ key: String, _ db: StoreConnection, path: String) throws -> SeenSet {
        var blobs: [[UInt8]] = []
        try db.run(seenSQL, [.text(key)]) { row in blobs.append(try row.optionalBytes(0) ?? []) }
        guard let set = SeenSet(concatenating: blobs) else {
            throw StoreError.damaged(path: path, detail: "the seen comments of one thread cannot be read")
        }
        return set
    }
}
