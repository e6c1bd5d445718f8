import Foundation
import GRDB

/// A thread's seen-set in the `seen` table: buckets by the hashes' top `seenBits` bits.
extension ReadingStore {
    /// About how many hashes a seen-set bucket holds; a thread's buckets are split again past twice this.
    static let bucketSize = 4096

    /// Unites `added` with the stored buckets it falls in; returns the thread's seen count after.
    static func addSeen(_ added: SeenSet, key: String, bits: Int, _ db: Database, path: String) throws -> Int {
        var count = try Int.fetchOne(db.cachedStatement(sql: seenCountSQL), arguments: [key]) ?? 0
        for (bucket, part) in added.buckets(bits: bits) {
            let blob = try Data.fetchOne(db.cachedStatement(sql: seenBucketSQL), arguments: [key, bucket])
            guard let stored = SeenSet(encoded: [UInt8](blob ?? Data())) else {
                throw StoreError.damaged(path: path, detail: "the seen comments of one thread cannot be read")
            }
            let union = stored.union(part)
            guard union.count != stored.count else { continue }
            count += union.count - stored.count
            try db.cachedStatement(sql: writeBucketSQL).execute(arguments: [key, bucket, Data(union.encoded())])
        }
        return count
    }

    static let seenCountSQL = "SELECT seenCount FROM thread WHERE key = ?"
    static let seenBucketSQL = "SELECT hashes FROM seen WHERE threadKey = ? AND bucket = ?"
    static let writeBucketSQL = "INSERT OR REPLACE INTO seen (threadKey, bucket, hashes) VALUES (?, ?, ?)"

    /// Splits a thread's seen-set into buckets of about `bucketSize` again; returns the new bit count.
    static func rebucket(key: String, count: Int, _ db: Database, path: String) throws -> Int {
        let all = try readSeen(key, db, path: path)
        var bits = 0
        while bits < 16, all.count > bucketSize << bits { bits += 1 }
        try db.execute(sql: "DELETE FROM seen WHERE threadKey = ?", arguments: [key])
        for (bucket, part) in all.buckets(bits: bits) {
            try db.execute(
                sql: "INSERT INTO seen (threadKey, bucket, hashes) VALUES (?, ?, ?)",
                arguments: [key, bucket, Data(part.encoded())])
        }
        return bits
    }

    /// The whole seen-set of a thread: its buckets in order, checked to be sorted across them.
    static func readSeen(_ key: String, _ db: Database, path: String) throws -> SeenSet {
        let blobs = try Data.fetchAll(
            db, sql: "SELECT hashes FROM seen WHERE threadKey = ? ORDER BY bucket", arguments: [key])
        guard let set = SeenSet(concatenating: blobs.map { [UInt8]($0) }) else {
            throw StoreError.damaged(path: path, detail: "the seen comments of one thread cannot be read")
        }
        return set
    }
}
