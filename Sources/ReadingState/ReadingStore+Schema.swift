import GRDB

extension ReadingStore {
    /// The schema's versions, oldest first. Never edit a registered migration: add the next one.
    ///
    /// A store with a migration this list lacks was written by a newer tread (`StoreError.newerVersion`).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // Comment ids are 64-bit hashes (`Discussion.idHash`) stored as SQLite's signed integers;
            // sets of them are `SeenSet` blobs. A thread's seen-set is split by the hashes' top `seenBits` bits
            // into buckets of about 4,096, so a save that saw a few more comments rewrites a few kilobytes,
            // not the whole set (7 MB on a million comments), and merges with other processes bucket by bucket.
            try db.execute(
                sql: """
                    CREATE TABLE thread (
                        key TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        site TEXT,
                        url TEXT,
                        path TEXT,
                        opened REAL NOT NULL,
                        saved REAL NOT NULL,
                        commentCount INTEGER NOT NULL,
                        newCount INTEGER NOT NULL,
                        seenBits INTEGER NOT NULL,
                        seenCount INTEGER NOT NULL,
                        markedNew BLOB NOT NULL,
                        folded BLOB NOT NULL,
                        selected INTEGER,
                        selectedRow INTEGER NOT NULL,
                        revision INTEGER NOT NULL
                    );
                    CREATE INDEX threadOpened ON thread(opened);
                    CREATE INDEX threadURL ON thread(url);
                    CREATE INDEX threadPath ON thread(path);
                    CREATE TABLE seen (
                        threadKey TEXT NOT NULL REFERENCES thread(key) ON DELETE CASCADE,
                        bucket INTEGER NOT NULL,
                        hashes BLOB NOT NULL,
                        PRIMARY KEY (threadKey, bucket)
                    );
                    CREATE TABLE mark (
                        threadKey TEXT NOT NULL REFERENCES thread(key) ON DELETE CASCADE,
                        letter TEXT NOT NULL,
                        comment INTEGER NOT NULL,
                        PRIMARY KEY (threadKey, letter)
                    );
                    """)
        }
        migrator.registerMigration("v2") { db in
            // The address a fetched thread was opened by, so `tread recent` reopens it: `url` is the article's,
            // which for a link story is the page it links to. Threads saved before stay NULL until read again.
            try db.execute(sql: "ALTER TABLE thread ADD COLUMN address TEXT")
            try db.execute(sql: "CREATE INDEX threadAddress ON thread(address)")
        }
        migrator.registerMigration("v3") { db in
            // Added since the last visit against unread (issue 23, bug 8): every comment id the thread held when
            // its last visit was saved, a `SeenSet` blob in a table of its own (a million ids are 6.8 MB, kept off
            // the `thread` rows `recent` reads), and the two counts `recent` shows. Threads saved before have no
            // `known` row and NULL counts: their next visit marks nothing added, then saves both.
            try db.execute(
                sql: """
                    CREATE TABLE known (
                        threadKey TEXT PRIMARY KEY NOT NULL REFERENCES thread(key) ON DELETE CASCADE,
                        hashes BLOB NOT NULL
                    );
                    ALTER TABLE thread ADD COLUMN addedCount INTEGER;
                    ALTER TABLE thread ADD COLUMN unreadCount INTEGER;
                    """)
        }
        migrator.registerMigration("v4") { db in
            // Entries the site counts among the thread's comments that tread shows as events (a Discourse
            // topic's small actions), so a front page's count, the site's, is told apart from the comments.
            // NULL for threads saved before: taken as none.
            try db.execute(sql: "ALTER TABLE thread ADD COLUMN eventCount INTEGER")
        }
        return migrator
    }
}
