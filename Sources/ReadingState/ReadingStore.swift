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
///
/// Reads and saves go through one `StoreConnection` (SQLite's C interface); GRDB only makes and migrates the
/// schema, on a connection of its own, when a migration is missing.
public final class ReadingStore: Sendable {
    /// The file's name inside the state folder.
    public static let fileName = "state.sqlite"

    public let path: String
    /// The store's connection, one thread at a time.
    private let connection: SerialConnection

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
        let connection = try ReadingStore.open(path: path)
        try ReadingStore.migrate(connection, path: path)
        self.connection = SerialConnection(connection)
    }

    /// Sets a new connection up as every one of the store's is: the busy timeout, foreign keys, the pragmas and
    /// the log's handling. Also run on GRDB's connection when it migrates the store.
    static func configure(_ connection: OpaquePointer) throws(SQLiteFailure) {
        // Another tread saving holds the lock for milliseconds; waiting 5 s covers a slow disk.
        sqlite3_busy_timeout(connection, CInt(busySeconds * 1000))
        // In one call (tread_store_set_pragmas): `foreign_keys` on (a thread's rows go with it); `journal_size_limit`
        // 1 MB, as a million-comment thread's first save grows the WAL to 7 MB, trimmed back after checkpoints;
        // `synchronous` NORMAL, as a start and a quit cost mostly the store's syncs: in WAL, NORMAL syncs at
        // checkpoints, not at every commit, so a crash or `kill -9` still keeps every commit and a power cut may
        // lose the last saves, never the file (sqlite.org/pragma.html#pragma_synchronous); `journal_mode` WAL
        // (set here, not with GRDB's `journalMode = .wal`, which writes a table and drops it at every open whose
        // log is empty), kept in the file once set, so after the first open this only reads it.
        let set = tread_store_set_pragmas(UnsafeMutableRawPointer(connection))
        if set == -1 { throw SQLiteFailure(code: SQLITE_ERROR, message: "could not use a write-ahead log") }
        if set != SQLITE_OK { throw SQLiteFailure(set, on: connection) }
        // The log is kept between runs, not removed at every close and made anew at every open; and
        // closing does not checkpoint it into state.sqlite: a quit is one small transaction, not three
        // syncs (the log's header, the log, the database: most of a quit's time). Every reader of the
        // store reads the log too (opening reads every page of it), so once a save leaves 100 pages in
        // it (a visit writes about 5) the log is folded into state.sqlite and emptied: SQLite's own
        // automatic checkpoint folds it in but leaves its pages valid in the file, so every later
        // process read them all again, and folded them in again at every quit (issue 25, startup4).
        var persist: CInt = 1
        _ = sqlite3_file_control(connection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        _ = tread_store_keep_log_on_close(UnsafeMutableRawPointer(connection))
        tread_store_fold_log(UnsafeMutableRawPointer(connection), CInt(foldPages), CInt(busySeconds * 1000))
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
    private static func open(path: String) throws(StoreError) -> StoreConnection {
        try retrying(path: path, on: [SQLITE_BUSY, SQLITE_LOCKED]) {
            let connection = try StoreConnection(path: path)
            try configure(connection.handle)
            return connection
        }
    }

    /// The migrations' names, oldest first, as `migrator` registers them (a test checks they agree): reading
    /// them needs no GRDB, whose migrator is only made when one is missing.
    static let migrationNames = ["v1", "v2", "v3", "v4"]

    private static func migrate(_ connection: StoreConnection, path: String) throws(StoreError) {
        // Two treads opening a new store at once both start migrating; GRDB commits each migration on its
        // own, so the loser fails ("table already exists", "no such table: grdb_migrations") while the
        // winner is between two of them. The winner is done in milliseconds: all is well once every
        // migration is in, else try again.
        try retrying(path: path, on: [SQLITE_ERROR]) {
            // One statement answers both questions at every open after the first (the same answers as GRDB's
            // `hasBeenSuperseded` and `hasCompletedMigrations`, which read the same table); GRDB's migrator runs
            // only when a migration is missing.
            let applied = try appliedMigrations(connection)
            if applied.contains(where: { !migrationNames.contains($0) }) { throw StoreError.newerVersion(path: path) }
            if migrationNames.allSatisfy(applied.contains) { return }
            try migrateWithGRDB(path: path)
        }
    }

    /// The migrations applied to the store: none when GRDB's table is not there yet.
    private static func appliedMigrations(_ connection: StoreConnection) throws -> [String] {
        let exists = try connection.first(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'"
        ) { _ in true }
        guard exists == true else { return [] }
        var applied: [String] = []
        try connection.run("SELECT identifier FROM grdb_migrations") { row in applied.append(try row.string(0)) }
        return applied
    }

    /// Makes or migrates the schema on a GRDB connection of its own, closed once done.
    private static func migrateWithGRDB(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busySeconds)
        configuration.label = "tread reading state"
        configuration.prepareDatabase { db in
            guard let connection = db.sqliteConnection else { return }
            do {
                try configure(connection)
            } catch let failure as SQLiteFailure {
                throw DatabaseError(resultCode: ResultCode(rawValue: failure.code), message: failure.message)
            }
        }
        let database = try DatabaseQueue(path: path, configuration: configuration)
        let migrator = ReadingStore.migrator
        do {
            try migrator.migrate(database)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            guard (try? database.read({ db in try migrator.hasCompletedMigrations(db) })) == true else {
                throw error
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
        path: String, on codes: [Int32], _ work: () throws -> T
    ) throws(StoreError) -> T {
        let deadline = DispatchTime.now().uptimeNanoseconds + retryNanoseconds
        while true {
            do {
                return try work()
            } catch
                where resultCode(of: error).map(codes.contains) == true
                && DispatchTime.now().uptimeNanoseconds < deadline
            {
                usleep(20_000)
            } catch {
                throw storeError(error, path: path)
            }
        }
    }

    /// Runs `work` on the store's connection, turning every failure into a `StoreError` naming the file.
    func access<T>(_ work: (StoreConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try connection.withConnection(work)
        } catch {
            throw ReadingStore.storeError(error, path: path)
        }
    }

    /// SQLite's primary result code for a failure of SQLite's (ours or GRDB's); nil for any other.
    private static func resultCode(of error: any Error) -> Int32? {
        if let error = error as? SQLiteFailure { return error.code }
        if let error = error as? DatabaseError { return error.resultCode.primaryResultCode.rawValue }
        return nil
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        // A value of the wrong type or out of range in a row (never its text: the row holds a document's title).
        if error is StoreTypeError || error is RowDecodingError {
            return .damaged(path: path, detail: "a value of the wrong type in a row")
        }
        if let error = error as? StoreRowError {
            return .damaged(path: path, detail: "a value out of range in the column \(error.column)")
        }
        let message: String?
        if let error = error as? SQLiteFailure {
            message = error.message
        } else if let error = error as? DatabaseError {
            message = error.message
        } else {
            return .unavailable(path: path, detail: String(describing: error))
        }
        let code = resultCode(of: error) ?? SQLITE_ERROR
        switch code {
        case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT, SQLITE_MISMATCH, SQLITE_SCHEMA:
            return .damaged(path: path, detail: message ?? "SQLite error \(code)")
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .busy(path: path)
        case SQLITE_FULL:
            return .unavailable(path: path, detail: StoreError.diskFull)
        case SQLITE_ERROR:
            // Missing tables or columns: a file that is a database but not this store.
            return .damaged(path: path, detail: message ?? "not tread's reading state")
        default:
            return .unavailable(path: path, detail: message ?? "SQLite error \(code)")
        }
    }
}
