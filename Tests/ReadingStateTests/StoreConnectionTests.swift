import Foundation
import Testing

@testable import ReadingState

/// The store's own SQLite connection: values go in and come back as they were, and a value of the wrong type
/// in a row is an error (a damaged store), never a stop, as GRDB's decoding was.
@Suite struct StoreConnectionTests {
    private func connection() throws -> StoreConnection {
        let connection = try StoreConnection(path: temporaryFolder() + "/values.sqlite")
        try connection.run("CREATE TABLE v (x)")
        return connection
    }

    /// The value `sql` puts in the table's one row, read back by `read`.
    private func stored<T>(_ sql: String, _ read: (StoreRow) throws -> T) throws -> T? {
        let connection = try connection()
        try connection.run("INSERT INTO v VALUES (\(sql))")
        return try connection.first("SELECT x FROM v", [], read)
    }

    @Test func boundValuesComeBackAsTheyWere() throws {
        let connection = try connection()
        let values: [StoreValue] = [
            .text(""), .text("a\u{0}b é"), .blob([]), .blob([0, 255, 7]), .integer(Int64.min), .real(0.5), .null,
        ]
        for value in values { try connection.run("INSERT INTO v VALUES (?)", [value]) }
        var rows: [String] = []
        try connection.run("SELECT x, typeof(x) FROM v ORDER BY rowid") { row in
            let type = try row.string(1)
            switch type {
            case "text": rows.append("text \(Array(try row.string(0).utf8))")
            case "blob": rows.append("blob \(try row.optionalBytes(0) ?? [])")
            case "integer": rows.append("integer \(try row.int64(0))")
            case "real": rows.append("real \(try row.double(0))")
            default: rows.append(type)
            }
        }
        // An empty text or blob is not NULL (a NOT NULL column takes it), and a NUL inside text is kept.
        #expect(
            rows == [
                "text []", "text [97, 0, 98, 32, 195, 169]", "blob []", "blob [0, 255, 7]",
                "integer \(Int64.min)", "real 0.5", "null",
            ])
    }

    @Test func numbersAreReadOnlyFromNumbers() throws {
        #expect(try stored("42") { try $0.int(0) } == 42)
        #expect(try stored("42.0") { try $0.int(0) } == 42)
        #expect(try stored("7") { try $0.double(0) } == 7)
        #expect(try stored("NULL") { try $0.optionalInt(0) } == .some(nil))
        #expect(throws: StoreTypeError.self) { try stored("42.5") { try $0.int(0) } }
        #expect(throws: StoreTypeError.self) { try stored("1e300") { try $0.int64(0) } }
        #expect(throws: StoreTypeError.self) { try stored("'42'") { try $0.int(0) } }
        #expect(throws: StoreTypeError.self) { try stored("x'2a'") { try $0.optionalInt(0) } }
        #expect(throws: StoreTypeError.self) { try stored("'7'") { try $0.double(0) } }
        #expect(throws: StoreTypeError.self) { try stored("NULL") { try $0.int(0) } }
    }

    @Test func textIsReadFromTextOrFromABlobOfUTF8() throws {
        #expect(try stored("'tread'") { try $0.string(0) } == "tread")
        #expect(try stored("x'c3a9'") { try $0.string(0) } == "é")
        #expect(try stored("NULL") { try $0.optionalString(0) } == .some(nil))
        #expect(throws: StoreTypeError.self) { try stored("x'ff00'") { try $0.string(0) } }
        #expect(throws: StoreTypeError.self) { try stored("5") { try $0.optionalString(0) } }
        #expect(throws: StoreTypeError.self) { try stored("NULL") { try $0.string(0) } }
    }

    /// A value longer than Int32 counts (a document's title can be) is SQLite's "too big", a failed save as it
    /// was through GRDB; binding it with an Int32 length stopped tread, and so failed the quit.
    @Test func aValuePastTwoGigabytesIsTooBigNotAStop() throws {
        let connection = try connection()
        // Never written, so never resident: this takes address space, not memory (SQLite refuses it unread).
        let huge = [UInt8](unsafeUninitializedCapacity: 1 << 31) { _, count in count = 1 << 31 }
        #expect {
            try connection.run("INSERT INTO v VALUES (?)", [.blob(huge)])
        } throws: { error in
            (error as? SQLiteFailure)?.code == 18  // SQLITE_TOOBIG
        }
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let connection = try connection()
        #expect(throws: SQLiteFailure.self) {
            try connection.inImmediateTransaction {
                try connection.run("INSERT INTO v VALUES (1)")
                try connection.run("INSERT INTO missing VALUES (1)")
            }
        }
        #expect(try connection.first("SELECT count(*) FROM v") { try $0.int(0) } == 0)
        // And the connection is usable again: the transaction was rolled back, not left open.
        try connection.inImmediateTransaction { try connection.run("INSERT INTO v VALUES (2)") }
        #expect(try connection.first("SELECT x FROM v") { try $0.int(0) } == 2)
    }
}
