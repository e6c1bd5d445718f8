import Foundation
import GRDB

extension ReadingStore {
    /// The state saved for `identity`, or nil when the thread was never read (or was forgotten).
    public func load(_ identity: ThreadIdentity) throws(StoreError) -> ThreadState? {
        let path = self.path
        return try access { db in try ReadingStore.read(identity.key, db, path: path) }
    }

    /// Saves a visit's state; merges with whatever another process saved for the thread since `visit` loaded it.
    public func save(_ visit: Visit, now: Date) throws(StoreError) {
        // The ids are sorted once (a million on a first visit), for the state's known-set and for the save.
        let newlyKnown = visit.newlyKnown
        try save(
            visit.state(now: now, newlyKnown: newlyKnown), for: visit.identity, changedMarks: visit.changedMarks,
            newlySeen: visit.newlySeen, newlyKnown: newlyKnown, stillUnread: { visit.unreadHashes })
    }

    /// Saves `state` under `identity` in one transaction, merging rather than overwriting.
    ///
    /// `newlySeen` (all of `state.seen` when nil) is added to the stored seen-set, never replacing it, and only
    /// `changedMarks` are written over the stored marks (all of `state.marks` for a thread not stored yet),
    /// so another process's saves in between are kept; title, position and folds are this save's.
    /// `newlyKnown` (all of `state.known` when nil) is added to the stored known-set the same way; with
    /// neither, the known-set is left as it is.
    /// A save cut off at any point leaves the previous one whole.
    public func save(
        _ state: ThreadState, for identity: ThreadIdentity, changedMarks: [Character: UInt64],
        newlySeen: SeenSet? = nil, newlyKnown: SeenSet? = nil, stillUnread: (() -> SeenSet)? = nil
    ) throws(StoreError) {
        let path = self.path
        let key = identity.key
        try access { db in
            try db.inTransaction(.immediate) {
                let stored = try Row.fetchOne(
                    db.cachedStatement(sql: ReadingStore.revisionSQL), arguments: [key])
                var seenBits: Int = try stored?.decode(forColumn: "seenBits") ?? 0
                var seenCount: Int = try stored?.decode(forColumn: "seenCount") ?? 0
                var merged = state
                let revision: Int64 = try stored?.decode(forColumn: "revision") ?? 0
                // Another process saved the thread since this visit loaded it: the comments it saw are read
                // too, so the unread count saved is of the united seen-set, not of this visit's alone.
                if stored != nil, Int64(state.revision) != revision, let stillUnread, let unread = state.unreadCount {
                    let seenElsewhere = try ReadingStore.readSeen(key, db, path: path)
                    let nowRead = stillUnread().hashes.reduce(0) { $0 + (seenElsewhere.contains($1) ? 1 : 0) }
                    merged.unreadCount = max(0, unread - nowRead)
                }
                merged.revision = revision + 1
                try ReadingStore.write(merged, key: key, seenBits: seenBits, seenCount: seenCount, db)
                let added = newlySeen ?? state.seen
                if !added.isEmpty {
                    seenCount = try ReadingStore.addSeen(added, key: key, bits: seenBits, db, path: path)
                    if seenCount > ReadingStore.bucketSize * 2 << seenBits {
                        seenBits = try ReadingStore.rebucket(key: key, count: seenCount, db, path: path)
                    }
                    try db.cachedStatement(sql: ReadingStore.seenSizeSQL).execute(arguments: [seenBits, seenCount, key])
                }
                if let known = newlyKnown ?? state.known {
                    try ReadingStore.addKnown(known, key: key, db, path: path)
                }
                for (letter, hash) in stored == nil ? merged.marks : changedMarks {
                    try ReadingStore.writeMark(letter, hash, key: key, db)
                }
                return .commit
            }
        }
    }

    /// Threads read lately, the most recently opened first.
    public func recent(limit: Int = 20) throws(StoreError) -> [RecentThread] {
        try access { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(ReadingStore.recentColumns) FROM thread ORDER BY opened DESC LIMIT ?
                    """, arguments: [max(0, limit)])
            return try rows.map(ReadingStore.recentThread)
        }
    }

    /// What `recent` says of one thread (its counts, not its sets), or nil when it was never read: for a
    /// list of stories, where loading each one's whole state would read its seen and known sets.
    public func summary(_ identity: ThreadIdentity) throws(StoreError) -> RecentThread? {
        try access { db in
            try Row.fetchOne(
                db, sql: "SELECT \(ReadingStore.recentColumns) FROM thread WHERE key = ?", arguments: [identity.key]
            ).map(ReadingStore.recentThread)
        }
    }

    private static let recentColumns =
        "key, title, site, url, path, address, opened, commentCount, newCount, addedCount, unreadCount, eventCount"

    /// A thread's row as `recent` shows it; a value of the wrong type (a hostile or damaged file) throws, where
    /// GRDB's subscript would stop the process and print the row.
    private static func recentThread(_ row: Row) throws -> RecentThread {
        RecentThread(
            key: try row.decode(forColumn: "key"), title: try row.decode(forColumn: "title"),
            site: try row.decode(forColumn: "site"), url: try row.decode(forColumn: "url"),
            path: try row.decode(forColumn: "path"), address: try row.decode(forColumn: "address"),
            opened: Date(timeIntervalSince1970: try row.decode(forColumn: "opened")),
            commentCount: try row.count("commentCount"), newCount: try row.count("newCount"),
            addedCount: try row.optionalCount("addedCount"), unreadCount: try row.optionalCount("unreadCount"),
            eventCount: try row.optionalCount("eventCount"))
    }

    /// Forgets every thread whose key, URL, address or file path is `name`; returns how many were forgotten.
    @discardableResult
    public func forget(_ name: String) throws(StoreError) -> Int {
        try access { db in
            var forgotten = 0
            let named = "SELECT key FROM thread WHERE key = ?1 OR url = ?1 OR address = ?1 OR path = ?1"
            try db.inTransaction(.immediate) {
                // Marks go with their thread through the foreign key; delete them too in case it is off.
                try db.execute(sql: "DELETE FROM mark WHERE threadKey IN (\(named))", arguments: [name])
                try db.execute(sql: "DELETE FROM seen WHERE threadKey IN (\(named))", arguments: [name])
                try db.execute(sql: "DELETE FROM known WHERE threadKey IN (\(named))", arguments: [name])
                try db.execute(sql: "DELETE FROM thread WHERE key IN (\(named))", arguments: [name])
                forgotten = db.changesCount
                return .commit
            }
            return forgotten
        }
    }

    static func read(_ key: String, _ db: Database, path: String) throws -> ThreadState? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM thread WHERE key = ?", arguments: [key]) else {
            return nil
        }
        func set(_ column: String) throws -> SeenSet {
            let blob: Data = try row.decode(Data?.self, forColumn: column) ?? Data()
            guard let set = SeenSet(encoded: [UInt8](blob)) else {
                throw StoreError.damaged(path: path, detail: "the \(column) comments of one thread cannot be read")
            }
            return set
        }
        var marks: [Character: UInt64] = [:]
        let markRows = try Row.fetchAll(
            db, sql: "SELECT letter, comment FROM mark WHERE threadKey = ?", arguments: [key])
        for markRow in markRows {
            let letter: String = try markRow.decode(forColumn: "letter")
            let comment: Int64 = try markRow.decode(forColumn: "comment")
            if letter.count == 1, let first = letter.first { marks[first] = UInt64(bitPattern: comment) }
        }
        let selected: Int64? = try row.decode(forColumn: "selected")
        return ThreadState(
            title: try row.decode(forColumn: "title"), site: try row.decode(forColumn: "site"),
            url: try row.decode(forColumn: "url"), path: try row.decode(forColumn: "path"),
            address: try row.decode(forColumn: "address"),
            opened: Date(timeIntervalSince1970: try row.decode(forColumn: "opened")),
            saved: Date(timeIntervalSince1970: try row.decode(forColumn: "saved")),
            commentCount: try row.count("commentCount"), newCount: try row.count("newCount"),
            seen: try ReadingStore.readSeen(key, db, path: path),
            known: try ReadingStore.readKnown(key, db, path: path),
            addedCount: try row.optionalCount("addedCount"), unreadCount: try row.optionalCount("unreadCount"),
            eventCount: try row.optionalCount("eventCount"),
            markedNew: try set("markedNew"), folded: try set("folded"),
            selected: selected.map { UInt64(bitPattern: $0) }, selectedRow: try row.decode(forColumn: "selectedRow"),
            marks: marks, revision: try row.decode(forColumn: "revision"))
    }

    /// Writes the thread's row; its seen-set is in the `seen` table, written apart by `addSeen`.
    static func write(_ state: ThreadState, key: String, seenBits: Int, seenCount: Int, _ db: Database) throws {
        try db.cachedStatement(sql: upsertSQL).execute(
            arguments: [
                key, state.title, state.site, state.url, state.path, state.address, state.opened.timeIntervalSince1970,
                state.saved.timeIntervalSince1970, state.commentCount, state.newCount, seenBits, seenCount,
                Data(state.markedNew.encoded()), Data(state.folded.encoded()),
                state.selected.map { Int64(bitPattern: $0) }, state.selectedRow, state.revision, state.addedCount,
                state.unreadCount, state.eventCount,
            ])
    }

    /// Every statement a save runs, prepared ahead (on the thread that built the visit) so that quitting only
    /// runs them: each is parsed once per connection and kept (GRDB's statement cache).
    public func prepareSave() {
        try? access { db in
            for sql in ReadingStore.saveStatements { _ = try db.cachedStatement(sql: sql) }
        }
    }

    static let saveStatements = [
        revisionSQL, upsertSQL, seenSizeSQL, seenCountSQL, seenBucketSQL, writeBucketSQL, knownStoredSQL, knownSQL,
        writeKnownSQL,
    ]
    static let revisionSQL = "SELECT revision, seenBits, seenCount FROM thread WHERE key = ?"
    static let seenSizeSQL = "UPDATE thread SET seenBits = ?, seenCount = ? WHERE key = ?"

    /// Writes the thread's row (its seen-set is written apart by `addSeen`).
    static let upsertSQL = """
        INSERT INTO thread (key, title, site, url, path, address, opened, saved, commentCount, newCount,
            seenBits, seenCount, markedNew, folded, selected, selectedRow, revision, addedCount, unreadCount,
            eventCount)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(key) DO UPDATE SET title = excluded.title, site = excluded.site, url = excluded.url,
            path = excluded.path, address = excluded.address, opened = excluded.opened, saved = excluded.saved,
            commentCount = excluded.commentCount, newCount = excluded.newCount,
            markedNew = excluded.markedNew, folded = excluded.folded, selected = excluded.selected,
            selectedRow = excluded.selectedRow, revision = excluded.revision,
            addedCount = excluded.addedCount, unreadCount = excluded.unreadCount,
            eventCount = excluded.eventCount
        """

    static func writeMark(_ letter: Character, _ hash: UInt64, key: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO mark (threadKey, letter, comment) VALUES (?, ?, ?)",
            arguments: [key, String(letter), Int64(bitPattern: hash)])
    }
}

extension Row {
    /// A count of comments: an integer, never negative; anything else is a damaged store.
    fileprivate func count(_ column: String) throws -> Int {
        let value: Int = try decode(forColumn: column)
        guard value >= 0 else { throw StoreRowError(column: column) }
        return value
    }

    /// A count that threads saved before schema v3 lack (NULL).
    fileprivate func optionalCount(_ column: String) throws -> Int? {
        guard let value: Int = try decode(forColumn: column) else { return nil }
        guard value >= 0 else { throw StoreRowError(column: column) }
        return value
    }
}

/// A value in a thread's row that no tread writes (a negative count): the store is damaged.
struct StoreRowError: Error {
    let column: String
}
