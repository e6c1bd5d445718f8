/// A thread's known-set in the `known` table: every comment id it held when its last visit was saved.
///
/// One blob per thread (a million ids are about 6.8 MB), rewritten only when a visit saw ids it lacks:
/// reopening an unchanged thread neither reads nor writes it on save.
extension ReadingStore {
    /// Unites `added` with the thread's stored known-set; writes it when it grew or was missing.
    static func addKnown(_ added: SeenSet, key: String, _ db: StoreConnection, path: String) throws {
        if added.isEmpty {
            let stored = try db.first(knownStoredSQL, [.text(key)]) { _ in true }
            guard stored == nil else { return }
        }
        let stored = try readKnown(key, db, path: path)
        let union = stored?.union(added) ?? added
        guard stored == nil || union.count != stored?.count else { return }
        try db.run(writeKnownSQL, [.text(key), .blob(union.encoded())])
    }

    static let knownStoredSQL = "SELECT 1 FROM known WHERE threadKey = ?"
    static let knownSQL = "SELECT hashes FROM known WHERE threadKey = ?"
    static let writeKnownSQL = "INSERT OR REPLACE INTO known (threadKey, hashes) VALUES (?, ?)"

    /// The thread's known-set, or nil when none was saved (a visit saved before schema v3).
    static func readKnown(_ key: String, _ db: StoreConnection, path: String) throws -> SeenSet? {
        let blob = try db.first(knownSQL, [.text(key)]) { row in try row.optionalBytes(0) }
        guard let blob = blob ?? nil else { return nil }
        guard let set = SeenSet(encoded: blob) else {
            throw StoreError.damaged(path: path, detail: "the known comments of one thread cannot be read")
        }
        return set
    }
}
