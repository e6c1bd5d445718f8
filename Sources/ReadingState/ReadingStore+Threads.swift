import Foundation

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
            try db.inImmediateTransaction {
                let stored = try db.first(ReadingStore.revisionSQL, [.text(key)]) { row in
                    (
                        revision: try row.int64(0), seenBits: try row.seenBits(1),
                        seenCount: try row.count(2, "seenCount")
                    )
                }
                var seenBits = stored?.seenBits ?? 0
                var seenCount = stored?.seenCount ?? 0
                var merged = state
                let revision = stored?.revision ?? 0
                // Another process saved the thread since this visit loaded it: the comments it saw are read
                // too, so the unread count saved is of the united seen-set, not of this visit's alone.
                if stored != nil, Int64(state.revision) != revision, let stillUnread, let unread = state.unreadCount {
                    let seenElsewhere = try ReadingStore.readSeen(key, db, path: path)
                    let nowRead = stillUnread().hashes.reduce(0) { $0 + (seenElsewhere.contains($1) ? 1 : 0) }
                    merged.unreadCount = max(0, unread - nowRead)
                }
                // Revisions are only compared for equality: after the last one (a hostile file's) comes the first.
                merged.revision = revision &+ 1
                try ReadingStore.write(merged, key: key, seenBits: seenBits, seenCount: seenCount, db)
                let added = newlySeen ?? state.seen
                if !added.isEmpty {
                    seenCount = try ReadingStore.addSeen(added, key: key, bits: seenBits, db, path: path)
                    if seenCount > ReadingStore.bucketSize * 2 << seenBits {
                        seenBits = try ReadingStore.rebucket(key: key, count: seenCount, db, path: path)
                    }
                    try db.run(ReadingStore.seenSizeSQL, [.integer(seenBits), .integer(seenCount), .text(key)])
                }
                if let known = newlyKnown ?? state.known {
                    try ReadingStore.addKnown(known, key: key, db, path: path)
                }
                for (letter, hash) in stored == nil ? merged.marks : changedMarks {
                    try ReadingStore.writeMark(letter, hash, key: key, db)
                }
            }
        }
    }

    /// Threads read lately, the most recently opened first.
    public func recent(limit: Int = 20) throws(StoreError) -> [RecentThread] {
        try access { db in
            var threads: [RecentThread] = []
            try db.run(
                "SELECT \(ReadingStore.recentColumns) FROM thread ORDER BY opened DESC LIMIT ?",
                [.integer(max(0, limit))]
            ) { row in threads.append(try ReadingStore.recentThread(row)) }
            return threads
        }
    }

    /// What `recent` says of one thread (its counts, not its sets), or nil when it was never read: for a
    /// list of stories, where loading each one's whole state would read its seen and known sets.
    public func summary(_ identity: ThreadIdentity) throws(StoreError) -> RecentThread? {
        try access { db in
            try db.first(
                "SELECT \(ReadingStore.recentColumns) FROM thread WHERE key = ?", [.text(identity.key)],
                ReadingStore.recentThread)
        }
    }

    private static let recentColumns =
        "key, title, site, url, path, address, opened, commentCount, newCount, addedCount, unreadCount, eventCount"

    /// A thread's row as `recent` shows it (its columns in `recentColumns`' order); a value of the wrong type
    /// (a hostile or damaged file) throws, never stops the process or prints the row.
    private static func recentThread(_ row: StoreRow) throws -> RecentThread {
        RecentThread(
            key: try row.string(0), title: try row.string(1), site: try row.optionalString(2),
            url: try row.optionalString(3), path: try row.optionalString(4), address: try row.optionalString(5),
            opened: Date(timeIntervalSince1970: try row.double(6)),
            commentCount: try row.count(7, "commentCount"), newCount: try row.count(8, "newCount"),
            addedCount: try row.optionalCount(9, "addedCount"), unreadCount: try row.optionalCount(10, "unreadCount"),
            eventCount: try row.optionalCount(11, "eventCount"))
    }

    /// Forgets every thread whose key, URL, address or file path is `name`; returns how many were forgotten.
    @discardableResult
    public func forget(_ name: String) throws(StoreError) -> Int {
        try access { db in
            var forgotten = 0
            let named = "SELECT key FROM thread WHERE key = ?1 OR url = ?1 OR address = ?1 OR path = ?1"
            try db.inImmediateTransaction {
                // Marks go with their thread through the foreign key; delete them too in case it is off.
                try db.run("DELETE FROM mark WHERE threadKey IN (\(named))", [.text(name)])
                try db.run("DELETE FROM seen WHERE threadKey IN (\(named))", [.text(name)])
                try db.run("DELETE FROM known WHERE threadKey IN (\(named))", [.text(name)])
                try db.run("DELETE FROM thread WHERE key IN (\(named))", [.text(name)])
                forgotten = db.changes
            }
            return forgotten
        }
    }

    static func read(_ key: String, _ db: StoreConnection, path: String) throws -> ThreadState? {
        func set(_ bytes: [UInt8]?, _ column: String) throws -> SeenSet {
            guard let set = SeenSet(encoded: bytes ?? []) else {
                throw StoreError.damaged(path: path, detail: "the \(column) comments of one thread cannot be read")
            }
            return set
        }
        let found = try db.first(threadSQL, [.text(key)]) { row in
            ThreadState(
                title: try row.string(0), site: try row.optionalString(1), url: try row.optionalString(2),
                path: try row.optionalString(3), address: try row.optionalString(4),
                opened: Date(timeIntervalSince1970: try row.double(5)),
                saved: Date(timeIntervalSince1970: try row.double(6)),
                commentCount: try row.count(7, "commentCount"), newCount: try row.count(8, "newCount"),
                addedCount: try row.optionalCount(9, "addedCount"),
                unreadCount: try row.optionalCount(10, "unreadCount"),
                eventCount: try row.optionalCount(11, "eventCount"),
                markedNew: try set(try row.optionalBytes(12), "markedNew"),
                folded: try set(try row.optionalBytes(13), "folded"),
                selected: try row.optionalInt64(14).map { UInt64(bitPattern: $0) }, selectedRow: try row.int(15),
                revision: try row.int64(16))
        }
        guard var state = found else { return nil }
        try db.run(marksSQL, [.text(key)]) { row in
            let letter = try row.string(0)
            let comment = try row.int64(1)
            if letter.count == 1, let first = letter.first { state.marks[first] = UInt64(bitPattern: comment) }
        }
        state.seen = try ReadingStore.readSeen(key, db, path: path)
        state.known = try ReadingStore.readKnown(key, db, path: path)
        return state
    }

    static let threadSQL = """
        SELECT title, site, url, path, address, opened, saved, commentCount, newCount, addedCount, unreadCount,
            eventCount, markedNew, folded, selected, selectedRow, revision
        FROM thread WHERE key = ?
        """
    static let marksSQL = "SELECT letter, comment FROM mark WHERE threadKey = ?"

    /// Writes the thread's row; its seen-set is in the `seen` table, written apart by `addSeen`.
    static func write(_ state: ThreadState, key: String, seenBits: Int, seenCount: Int, _ db: StoreConnection) throws {
        try db.run(
            upsertSQL,
            [
                .text(key), .text(state.title), .text(state.site), .text(state.url), .text(state.path),
                .text(state.address), .real(state.opened.timeIntervalSince1970),
                .real(state.saved.timeIntervalSince1970), .integer(state.commentCount), .integer(state.newCount),
                .integer(seenBits), .integer(seenCount), .blob(state.markedNew.encoded()),
                .blob(state.folded.encoded()), .integer(state.selected.map { Int64(bitPattern: $0) }),
                .integer(state.selectedRow), .integer(state.revision), .integer(state.addedCount),
                .integer(state.unreadCount), .integer(state.eventCount),
            ])
    }

    /// Every statement a save runs, prepared ahead (on the thread that built the visit) so that quitting only
    /// runs them: each is parsed once per connection and kept (GRDB's statement cache).
    public func prepareSave() {
        try? access { db in
            for sql in ReadingStore.saveStatements { _ = try db.statement(sql) }
        }
    }

    static let saveStatements = [
        "BEGIN IMMEDIATE", revisionSQL, upsertSQL, seenSizeSQL, seenCountSQL, seenBucketSQL, writeBucketSQL,
        knownStoredSQL, knownSQL, writeKnownSQL, markSQL, "COMMIT",
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

    static func writeMark(_ letter: Character, _ hash: UInt64, key: String, _ db: StoreConnection) throws {
        try db.run(markSQL, [.text(key), .text(String(letter)), .integer(Int64(bitPattern: hash))])
    }

    static let markSQL = "INSERT OR REPLACE INTO mark (threadKey, letter, comment) VALUES (?, ?, ?)"
}

extension StoreRow {
    /// A count of comments: an integer, never negative; anything else is a damaged store.
    fileprivate func count(_ column: Int32, _ name: String) throws -> Int {
        let value = try int(column)
        guard value >= 0 else { throw StoreRowError(column: name) }
        return value
    }

    /// How many top bits split the thread's seen-set into buckets: 0 to `maxSeenBits`, as tread splits it; any
    /// other value would make a save's bucket arithmetic trap.
    fileprivate func seenBits(_ column: Int32) throws -> Int {
        let value = try int(column)
        guard (0...ReadingStore.maxSeenBits).contains(value) else { throw StoreRowError(column: "seenBits") }
        return value
    }

    /// A count that threads saved before schema v3 lack (NULL).
    fileprivate func optionalCount(_ column: Int32, _ name: String) throws -> Int? {
        guard let value = try optionalInt(column) else { return nil }
        guard value >= 0 else { throw StoreRowError(column: name) }
        return value
    }
}

/// A value in a thread's row that no tread writes (a negative count): the store is damaged.
struct StoreRowError: Error {
    let column: String
}
