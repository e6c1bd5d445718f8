import Foundation

/// An element decoded on its own: a wrong type inside it loses that element, not the file.
struct Lossy<Value: Decodable>: Decodable {
    var value: Value?

    init(from decoder: any Decoder) throws {
        value = try? Value(from: decoder)
    }
}

/// What the importers share: decoding with clear errors, dates, and the notes they leave.
enum ImportSupport {
    /// Decodes `bytes` with Foundation, after repairing what Foundation refuses but a reader
    /// should show (invalid UTF-8, lone surrogate escapes); errors become `DocumentError`s.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: DocumentBytes) throws(DocumentError) -> Value {
        // Invalid UTF-8 becomes U+FFFD here, so one bad byte does not refuse the file.
        let text = String(decoding: bytes.buffer, as: UTF8.self)
        // Foundation refuses a lone surrogate escape; inside a lossy item that would silently lose the item.
        return try decode(type, from: repairSurrogates(Data(text.utf8)), original: bytes)
    }

    static func decode<Value: Decodable>(
        _ type: Value.Type, from data: Data, original: DocumentBytes
    ) throws(DocumentError) -> Value {
        // The sites' keys are snake_case; the structs mirror them in Swift's spelling.
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted = error {
                let repaired = repairSurrogates(data)
                if repaired != data, let value = try? decoder.decode(type, from: repaired) { return value }
                throw explain(original)
            }
            throw DocumentError(kind: .shape(describe(error), line: 0, column: 0))
        } catch {
            throw DocumentError(kind: .shape("cannot read the document: \(error)", line: 0, column: 0))
        }
    }

    /// Why Foundation refused the bytes, found with tread's own scanner: it has positions and no depth limit.
    private static func explain(_ bytes: DocumentBytes) -> DocumentError {
        var scanner = JSONScanner(bytes.buffer)
        do {
            try scanner.skipValue()
            try scanner.expectEnd()
        } catch {
            return error
        }
        if nestingDepth(bytes.buffer) > 512 {
            return DocumentError(
                kind: .shape(
                    "nested deeper than 512 levels, more than this format's reader takes; "
                        + "save the thread in tread's flat form (comments with \"parent\") instead",
                    line: 0, column: 0))
        }
        return DocumentError(kind: .shape("the JSON could not be decoded", line: 0, column: 0))
    }

    /// The deepest nesting of arrays and objects, strings skipped.
    static func nestingDepth(_ bytes: UnsafeRawBufferPointer) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// Replaces `\uD800`-style escapes that pair with nothing by `\uFFFD`, which Foundation accepts.
    static func repairSurrogates(_ data: Data) -> Data {
        guard mayHoldSurrogates(data) else { return data }
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func hex(_ at: Int) -> UInt16? {
            guard at + 4 <= bytes.count else { return nil }
            return UInt16(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16)
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count else {
                out.append(bytes[i])
                i += 1
                continue
            }
            guard bytes[i + 1] == UInt8(ascii: "u"), let unit = hex(i + 2), (0xD800...0xDFFF).contains(unit) else {
                out.append(contentsOf: bytes[i..<(i + 2)])
                i += 2
                continue
            }
            if unit < 0xDC00, i + 12 <= bytes.count, bytes[i + 6] == UInt8(ascii: "\\"),
                bytes[i + 7] == UInt8(ascii: "u"),
                let low = hex(i + 8), (0xDC00...0xDFFF).contains(low)
            {
                out.append(contentsOf: bytes[i..<(i + 12)])
                i += 12
            } else {
                out.append(contentsOf: Array("\\ufffd".utf8))
                i += 6
            }
        }
        return Data(out)
    }

    /// Whether `\uD` or `\ud` occurs at all: most files have no surrogate escapes, and then nothing is copied.
    private static func mayHoldSurrogates(_ data: Data) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in data {
            if previous == (UInt8(ascii: "\\"), UInt8(ascii: "u")), byte | 0x20 == UInt8(ascii: "d") { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the document" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)) has the wrong type for this format"
        case .keyNotFound(let key, let context):
            return "\(path(context)) lacks \"\(key.stringValue)\""
        @unknown default:
            return "the document has the wrong shape for this format"
        }
    }

    /// An epoch time as ISO 8601 in UTC, second precision: what FORMAT.md's `published` holds.
    static func iso8601(epoch: Double) -> String? {
        guard epoch.isFinite, abs(epoch) < 1e13 else { return nil }
        let seconds = Int64(epoch.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText =
            year >= 0 && year < 10_000
            ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    /// The notes an importer leaves about what it could not keep.
    static func notes(skipped: Int, duplicates: Int = 0) -> [String] {
        var notes: [String] = []
        if skipped > 0 { notes.append("\(skipped) \(skipped == 1 ? "item" : "items") skipped (wrong field types)") }
        if duplicates > 0 {
            notes.append("\(duplicates) duplicate \(duplicates == 1 ? "item" : "items") skipped")
        }
        return notes
    }

    /// The paragraphs of converted text, for an article body.
    static func paragraphs(_ text: String) -> [String] { Article.paragraphs(of: text) }
}
