import Foundation
import GRDBSQLite

/// What SQLite said when a call failed: its primary result code and its message.
struct SQLiteFailure: Error {
    let code: Int32
    let message: String

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// The failure `code` of a call on `connection`, with the message SQLite left there.
    init(_ code: Int32, on connection: OpaquePointer?) {
        self.code = code & 0xff
        self.message = sqlite3_errmsg(connection).map { String(cString: $0) } ?? "SQLite error \(code & 0xff)"
    }
}

/// A value in a row that no tread writes there (text where a number belongs): the store is damaged.
struct StoreTypeError: Error {
    let column: Int32
}

/// A value bound to a statement's parameter.
enum StoreValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    static func integer(_ value: Int) -> StoreValue { .integer(Int64(value)) }
    static func integer(_ value: Int?) -> StoreValue { value.map { .integer(Int64($0)) } ?? .null }
    static func integer(_ value: Int64?) -> StoreValue { value.map { .integer($0) } ?? .null }
    static func text(_ value: String?) -> StoreValue { value.map { .text($0) } ?? .null }
}

/// The store's one SQLite connection, through SQLite's C interface.
///
/// The reader's start reads a visit through it and its quit saves one, so it is kept small: GRDB (which
/// makes and migrates the store, `ReadingStore+Schema`) spent more than half of a start in the Swift
/// runtime and its own setup before the first row (issue 25, startup6). Statements are prepared once and
/// kept. Not for two threads at once: `ReadingStore` holds it behind a lock.
final class StoreConnection {
    let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    /// Opens (making it when missing) the database at `path`.
    init(path: String) throws(SQLiteFailure) {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(
            path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard let handle else { throw SQLiteFailure(code: SQLITE_NOMEM, message: "out of memory") }
        guard code == SQLITE_OK else {
            let failure = SQLiteFailure(code, on: handle)
            sqlite3_close_v2(handle)
            throw failure
        }
        self.handle = handle
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// The failure of the last call, whose result was `code`.
    func failure(_ code: Int32) -> SQLiteFailure { SQLiteFailure(code, on: handle) }

    /// `sql` prepared, once per connection.
    func statement(_ sql: String) throws(SQLiteFailure) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw failure(code == SQLITE_OK ? SQLITE_MISUSE : code) }
        statements[sql] = statement
        return statement
    }

    /// Runs `sql` with `arguments`, handing each row to `row` (which must not run `sql` again).
    func run(_ sql: String, _ arguments: [StoreValue] = [], row: (StoreRow) throws -> Void = { _ in }) throws {
        let statement = try statement(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, argument) in arguments.enumerated() {
            let code = bind(argument, to: statement, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw failure(code) }
        }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            try row(StoreRow(statement: statement))
        }
    }

    /// The first row of `sql` read by `read`, or nil when it has none.
    func first<T>(_ sql: String, _ arguments: [StoreValue] = [], _ read: (StoreRow) throws -> T) throws -> T? {
        var found: T?
        try run(sql, arguments) { row in
            if found == nil { found = try read(row) }
        }
        return found
    }

    /// Runs `work` in an immediate transaction (the write lock taken first, waiting as long as the busy timeout):
    /// committed when it returns, rolled back when it throws.
    func inImmediateTransaction(_ work: () throws -> Void) throws {
        try run("BEGIN IMMEDIATE")
        do {
            try work()
            try run("COMMIT")
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
            throw error
        }
    }

    /// How many rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    private func bind(_ value: StoreValue, to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch value {
        case .null: return sqlite3_bind_null(statement, index)
        case .integer(let value): return sqlite3_bind_int64(statement, index, value)
        case .real(let value): return sqlite3_bind_double(statement, index, value)
        case .text(let value):
            // Bound with its length (a title may hold a NUL); an empty one from a literal, as an empty buffer may
            // have no address, which SQLite would bind as NULL. Lengths as 64 bits: a document's title may pass
            // Int32 (SQLite then says it is too big, as it did through GRDB), where converting would stop tread.
            guard !value.isEmpty else { return sqlite3_bind_text(statement, index, "", 0, transient) }
            var value = value
            return value.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text64(
                        statement, index, $0.baseAddress, sqlite3_uint64($0.count), transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            // An empty array has no address, which SQLite would bind as NULL: a blob of no bytes instead.
            guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(statement, index, 0) }
            return bytes.withUnsafeBytes {
                sqlite3_bind_blob64(statement, index, $0.baseAddress, sqlite3_uint64($0.count), transient)
            }
        }
    }
}

/// The store's connection behind a lock, for the threads that share the store: the start's store thread,
/// the visit's job and the reader's loop.
///
/// `@unchecked Sendable`: `connection` is reached only inside `withConnection`, under `lock`.
final class SerialConnection: @unchecked Sendable {
    private let lock = NSLock()
    private let connection: StoreConnection

    init(_ connection: StoreConnection) {
        self.connection = connection
    }

    func withConnection<T>(_ work: (StoreConnection) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try work(connection)
    }
}

/// SQLite's SQLITE_TRANSIENT (a macro Swift does not import): it copies the bound bytes at once.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// The current row of a running statement. Each reader checks the value's type as GRDB did: a wrong type
/// throws `StoreTypeError` (a damaged store), never stops the process.
struct StoreRow {
    let statement: OpaquePointer

    private func type(_ column: Int32) -> Int32 { sqlite3_column_type(statement, column) }

    /// An integer; a real only when it is a whole number in range.
    func optionalInt64(_ column: Int32) throws(StoreTypeError) -> Int64? {
        switch type(column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return sqlite3_column_int64(statement, column)
        case SQLITE_FLOAT:
            let real = sqlite3_column_double(statement, column)
            guard real >= -9.223_372_036_854_775_808e18, real < 9.223_372_036_854_775_808e18,
                let value = Int64(exactly: real)
            else { throw StoreTypeError(column: column) }
            return value
        default: throw StoreTypeError(column: column)
        }
    }

    func int64(_ column: Int32) throws(StoreTypeError) -> Int64 {
        guard let value = try optionalInt64(column) else { throw StoreTypeError(column: column) }
        return value
    }

    func optionalInt(_ column: Int32) throws(StoreTypeError) -> Int? {
        guard let value = try optionalInt64(column) else { return nil }
        guard let int = Int(exactly: value) else { throw StoreTypeError(column: column) }
        return int
    }

    func int(_ column: Int32) throws(StoreTypeError) -> Int {
        guard let value = try optionalInt(column) else { throw StoreTypeError(column: column) }
        return value
    }

    func double(_ column: Int32) throws(StoreTypeError) -> Double {
        switch type(column) {
        case SQLITE_INTEGER: return Double(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return sqlite3_column_double(statement, column)
        default: throw StoreTypeError(column: column)
        }
    }

    /// Text; a blob only when it is valid UTF-8.
    func optionalString(_ column: Int32) throws(StoreTypeError) -> String? {
        switch type(column) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return "" }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
        case SQLITE_BLOB:
            guard let string = String(validating: try bytes(column), as: UTF8.self) else {
                throw StoreTypeError(column: column)
            }
            return string
        default: throw StoreTypeError(column: column)
        }
    }

    func string(_ column: Int32) throws(StoreTypeError) -> String {
        guard let value = try optionalString(column) else { throw StoreTypeError(column: column) }
        return value
    }

    /// A blob's bytes (or text's); nil for NULL.
    func optionalBytes(_ column: Int32) throws(StoreTypeError) -> [UInt8]? {
        switch type(column) {
        case SQLITE_NULL: return nil
        case SQLITE_BLOB, SQLITE_TEXT: return try bytes(column)
        default: throw StoreTypeError(column: column)
        }
    }

    private func bytes(_ column: Int32) throws(StoreTypeError) -> [UInt8] {
        let start = sqlite3_column_blob(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        guard let start, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: start, count: count))
    }
}
