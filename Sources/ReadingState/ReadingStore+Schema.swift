import GRDB

extension ReadingStore {
    /// The schema's versions, oldest first. Never edit a registered migration: add the next one.
    ///
    /// A store with a migration this list lacks was written by a newer tread (`StoreError.newerVersion`).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // Comment ids are 64-bit hashes (`Discussion.idHash`) stored as SQLite's signed integers;
            // sets of them are `SeenSet` blobs.
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
                        seen BLOB NOT NULL,
                        markedNew BLOB NOT NULL,
                        folded BLOB NOT NULL,
                        selected INTEGER,
                        selectedRow INTEGER NOT NULL,
                        revision INTEGER NOT NULL
                    );
                    CREATE INDEX threadOpened ON thread(opened);
                    CREATE INDEX threadURL ON thread(url);
                    CREATE INDEX threadPath ON thread(path);
                    CREATE TABLE mark (
                        threadKey TEXT NOT NULL REFERENCES thread(key) ON DELETE CASCADE,
                        letter TEXT NOT NULL,
                        comment INTEGER NOT NULL,
                        PRIMARY KEY (threadKey, letter)
                    );
                    """)
        }
        return migrator
    }
}
