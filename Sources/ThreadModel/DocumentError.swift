/// Why a document could not be opened; what the user needs to fix it.
public struct DocumentError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case cannotOpen(reason: String)
        case isDirectory
        case empty
        case tooLarge(bytes: Int)
        /// Not JSON at `line`:`column`.
        case syntax(String, line: Int, column: Int)
        /// JSON, but not the shape of a discussion.
        case shape(String, line: Int, column: Int)
        case duplicateID(String, line: Int, column: Int)
        case ownParent(String)
        case parentLoop([String])
        /// JSON of no format tread knows.
        case unknownFormat(String)
        /// Text in UTF-16 (or UTF-32), told from a byte order mark or zero bytes.
        case utf16
    }

    /// The file as the user named it; nil until the caller knows it.
    public var path: String?
    public var kind: Kind

    public init(path: String? = nil, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// The sysexits status: 66 (EX_NOINPUT) when the file can't be read, 65 (EX_DATAERR) when its content is wrong.
    public var exitStatus: Int32 {
        switch kind {
        case .cannotOpen, .isDirectory: return 66
        default: return 65
        }
    }

    public var description: String {
        let file = path.map { $0 == "-" ? "standard input" : $0 } ?? "document"
        switch kind {
        case .cannotOpen(let reason): return "\(file): cannot open: \(reason)"
        case .isDirectory: return "\(file): is a directory, not a document"
        case .empty: return "\(file): the file is empty"
        case .tooLarge(let bytes):
            // Not "4 GiB": offsets are 32 bits, so the limit is two bytes under it.
            let limit = CountText.grouped(DocumentBytes.maximumSize)
            return "\(file): too large (\(CountText.counted(bytes, "byte")); tread reads up to \(limit))"
        case .syntax(let message, let line, let column): return "\(file)\(at(line, column)): not valid JSON: \(message)"
        case .shape(let message, let line, let column): return "\(file)\(at(line, column)): \(message)"
        case .duplicateID(let id, let line, let column):
            return "\(file)\(at(line, column)): two comments have the id \(quoted(id))"
        case .ownParent(let id): return "\(file): comment \(quoted(id)) names itself as its parent"
        case .parentLoop(let ids):
            return "\(file): the parents of comments \(ids.map(quoted).joined(separator: " → ")) form a loop"
        case .unknownFormat(let message): return "\(file): \(message)"
        case .utf16: return "\(file): the file is UTF-16; tread reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"
        }
    }

    /// ":line:column", or nothing when the position is not known.
    private func at(_ line: Int, _ column: Int) -> String {
        line > 0 ? ":\(line):\(column)" : ""
    }

    /// Quotes an id for a message, cut short and with controls made visible, since it came from the document.
    private func quoted(_ id: String) -> String {
        var shown = ""
        for scalar in id.unicodeScalars.prefix(60) {
            if Self.mustEscape(scalar.value) {
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        if id.unicodeScalars.count > 60 { shown += "…" }
        return "\"\(shown)\""
    }

    /// Scalars an id must not carry into a message: controls, bidi embeddings, overrides,
    /// isolates and marks (which reorder the rest of the line), and line or paragraph separators.
    static func mustEscape(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
