import CStoreLog
import Foundation
import GRDB
import GRDBSQLite

/// Every thread's reading state, in one SQLite file: `$XDG_STATE_HOME/tread/state.sqlite`.
///
/// WAL journaling, so `kill -9` at any moment leaves the last committed save, and a second tread process
/// can read while one writes. Saves merge inside an immediate transaction (seen-sets united, marks applied
/// one by one), so two processes on one thread lose neither's marks. Every failure is a `StoreError`
/// the caller shows before reading without state; nothing here stops a thread from opening.
public final class ReadingStore: Sendable {
    /// The file's name inside the state folder.
    public static let fileName = "state.sqlite"

    public let path: String
    let database: DatabaseQueue

    /// How long a connection waits for another tread's lock.
    static let busySeconds: Double = 5
    /// The pages in the log that make a save fold it into the database and empty it.
    static let foldPages = 100

    /// Opens (making it and its folder when missing) the store in `directory`, migrating an older schema.
    public init(directory: String) throws(StoreError) {
        let path = (directory as NSString).appendingPathComponent(ReadingStore.fileName)
        self.path = path
        // Every start: one mkdir that finds the folder there; FileManager (its parents too) only to make it,
        // or to fail as before when something else stands at its name.
        var folder = stat()
        if mkdir(directory, 0o777) != 0,
            !(errno == EEXIST && stat(directory, &folder) == 0 && folder.st_mode & S_IFMT == S_IFDIR)
        {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .unavailable(path: directory, detail: "cannot make the folder")
            }
        }
        // A link planted at the store's name would have the database made at its target, as for the cache.
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            throw .unavailable(path: path, detail: "it is a symbolic link, which tread does not follow")
        }
        // WAL is set below, not with GRDB's `journalMode = .wal`: that writes a table and drops it at every
        // open whose log is empty, which ours is after every quit (the checkpoint at close empties it).
        var configuration = Configuration()
        // Another tread saving holds the lock for milliseconds; waiting 5 s covers a slow disk.
        configuration.busyMode = .timeout(ReadingStore.busySeconds)
        configuration.label = "tread reading state"
        configuration.prepareDatabase { db in
            // In one call (tread_store_set_pragmas): `journal_size_limit` 1 MB, as a million-comment thread's first
            // save grows the WAL to 7 MB, trimmed back after checkpoints; `synchronous` NORMAL, as a start and a quit
            // cost mostly the store's syncs: in WAL, NORMAL syncs at checkpoints, not at every commit, so a crash or
            // `kill -9` still keeps every commit and a power cut may lose the last saves, never the file
            // (sqlite.org/pragma.html#pragma_synchronous); `journal_mode` WAL, kept in the file once set, so after
            // the first open this only reads it.
            let set = tread_store_set_pragmas(UnsafeMutableRawPointer(db.sqliteConnection))
            if set == -1 { throw DatabaseError(message: "could not use a write-ahead log") }
            if set != SQLITE_OK {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: set),
                    message: sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) })
            }
            // The log is kept between runs, not removed at every close and made anew at every open; and
            // closing does not checkpoint it into state.sqlite: a quit is one small transaction, not three
            // syncs (the log's header, the log, the database: most of a quit's time). Every reader of the
            // store reads the log too (opening reads every page of it), so once a save leaves 100 pages in
            // it (a visit writes about 5) the log is folded into state.sqlite and emptied: SQLite's own
            // automatic checkpoint folds it in but leaves its pages valid in the file, so every later
            // process read them all again, and folded them in again at every quit (issue 25, startup4).
            var persist: CInt = 1
            _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            _ = tread_store_keep_log_on_close(UnsafeMutableRawPointer(db.sqliteConnection))
            tread_store_fold_log(
                UnsafeMutableRawPointer(db.sqliteConnection), CInt(ReadingStore.foldPages),
                CInt(ReadingStore.busySeconds * 1000))
        }
        database = try ReadingStore.open(path: path, configuration: configuration)
        try migrate()
    }

    /// The folder the store lives in: `$XDG_STATE_HOME/tread`, else `$HOME/.local/state/tread`; nil without either.
    ///
    /// Relative values are ignored, as the XDG Base Directory specification says.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String?
    {
        defaultDirectory(stateHome: environment["XDG_STATE_HOME"], home: environment["HOME"])
    }

    /// The same from the values of `XDG_STATE_HOME` and `HOME` (nil when unset).
    public static func defaultDirectory(stateHome: String?, home: String?) -> String? {
        if let state = stateHome, state.hasPrefix("/") {
            return (state as NSString).appendingPathComponent("tread")
        }
        if let home, home.hasPrefix("/") {
            return (home as NSString).appendingPathComponent(".local/state/tread")
        }
        return nil
    }

    /// Opens the file; another tread making the same new store at once may hold it while it switches it to WAL,
    /// which SQLite reports as busy at once without waiting, so opening tries again for a moment.
    private static func open(path: String, configuration: Configuration) throws(StoreError) -> DatabaseQueue {
        try retrying(path: path, on: [.SQLITE_BUSY, .SQLITE_LOCKED]) {
            try DatabaseQueue(path: path, configuration: configuration)
        }
    }

    private func migrate() throws(StoreError) {
        let migrator = ReadingStore.migrator
        let path = self.path
        let database = self.database
        // Two treads opening a new store at once both start migrating; GRDB commits each migration on its
        // own, so the loser fails ("table already exists", "no such table: grdb_migrations") while the
        // winner is between two of them. The winner is done in milliseconds: all is well once every
        // migration is in, else try again.
        try ReadingStore.retrying(path: path, on: [.SQLITE_ERROR]) {
            // One statement answers both questions at every open after the first (a SELECT is atomic on its own:
            // GRDB's `read` added a transaction and two query_only pragmas around the table read twice, issue 25,
            // startup5); the migrator (a write barrier, a CREATE TABLE IF NOT EXISTS and the applied migrations
            // read twice more) runs only when one is missing. The same answers as `hasBeenSuperseded` and
            // `hasCompletedMigrations`, which read the same set.
            let applied = try database.writeWithoutTransaction { db in try migrator.appliedIdentifiers(db) }
            let known = migrator.migrations
            let superseded = applied.contains { !known.contains($0) }
            let completed = known.allSatisfy { applied.contains($0) }
            if superseded { throw StoreError.newerVersion(path: path) }
            if completed { return }
            do {
                try migrator.migrate(database)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                guard (try? database.read({ db in try migrator.hasCompletedMigrations(db) })) == true else {
                    throw error
                }
            }
        }
    }

    /// How long opening tries again while another tread makes or migrates the same new store.
    ///
    /// A second, not more: a lock held longer is someone else's doing, and busy waits already took 5 s.
    static let retryNanoseconds: UInt64 = 1_000_000_000

    /// Runs `work`, again every 20 ms for up to `retryNanoseconds` while it fails with one of `codes`;
    /// any other failure, or the last one, becomes a `StoreError` naming the file.
    private static func retrying<T>(
        path: String, on codes: [ResultCode], _ work: () throws -> T
    ) throws(StoreError) -> T {
        let deadline = DispatchTime.now().uptimeNanoseconds + retryNanoseconds
        while true {
            do {
                return try work()
            } catch let error as DatabaseError
                where codes.contains(error.resultCode) && DispatchTime.now().uptimeNanoseconds < deadline
            {
                usleep(20_000)
            } catch {
                throw storeError(error, path: path)
            }
        }
    }

    /// Runs `work` on the database, turning every failure into a `StoreError` naming the file.
    func access<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.writeWithoutTransaction { db in try work(db) }
        } catch {
            throw ReadingStore.storeError(error, path: path)
        }
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        // A value of the wrong type or out of range in a row (never its text: the row holds a document's title).
        if error is RowDecodingError { return .damaged(path: path, detail: "a value of the wrong type in a row") }
        if let error = error as? StoreRowError {
            return .damaged(path: path, detail: "a value out of range in the column \(error.column)")
        }
        guard let error = error as? DatabaseError else {
            return .unavailable(path: path, detail: String(describing: error))
        }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT, .SQLITE_MISMATCH, .SQLITE_SCHEMA:
            return .damaged(path: path, detail: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path)
        case .SQLITE_FULL:
            return .unavailable(path: path, detail: StoreError.diskFull)
        case .SQLITE_ERROR:
            // Missing tables or columns: a file that is a database but not this store.
            return .damaged(path: path, detail: error.message ?? "not tread's reading state")
        default:
            return .unavailable(path: path, detail: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }
}
