/// The document formats tread reads: its own and the sites' saved JSON.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case tread
    case hackerNewsAlgolia = "hn-algolia"
    case hackerNewsItems = "hn-items"
    case reddit
    case discourse
    case lobsters

    /// The format of `bytes`, told from the first keys; nil when it is none tread knows.
    ///
    /// Cheap: it reads keys until one decides and skips the values in between without
    /// decoding them, so a canonical file (whose `article` comes first) is not read twice.
    public static func detect(_ bytes: DocumentBytes) -> DocumentFormat? {
        (try? detectOrFail(bytes)) ?? nil
    }

    /// As `detect`, but a syntax error met on the way is thrown, with its line and column.
    static func detectOrFail(_ bytes: DocumentBytes) throws(DocumentError) -> DocumentFormat? {
        var scanner = JSONScanner(bytes.buffer)
        // A UTF-8 byte order mark is no part of the JSON.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scanner.position = 3 }
        switch scanner.peek() {
        case UInt8(ascii: "{"):
            return try objectFormat(&scanner, inArray: false)
        case UInt8(ascii: "["):
            scanner.position += 1
            guard scanner.peek() == UInt8(ascii: "{") else { return nil }
            return try objectFormat(&scanner, inArray: true)
        default:
            return nil
        }
    }

    /// Reads the keys of the object at the scanner until one names a format.
    private static func objectFormat(_ scanner: inout JSONScanner, inArray: Bool) throws(DocumentError)
        -> DocumentFormat?
    {
        scanner.position += 1
        guard scanner.peek() != UInt8(ascii: "}") else { return nil }
        while true {
            let ref = try scanner.readKey()
            let key = keyText(scanner, ref)
            if inArray {
                // Reddit: [post listing, comment listing]; Hacker News API: [item, item, ...].
                if key == "kind" || key == "data" { return .reddit }
                if hackerNewsItemKeys.contains(key) { return .hackerNewsItems }
            } else {
                switch key {
                case "article": return .tread
                case "post_stream": return .discourse
                case "short_id", "short_id_url", "submitter_user", "comments_url": return .lobsters
                case "created_at_i", "story_id", "options": return .hackerNewsAlgolia
                case _ where hackerNewsItemKeys.contains(key): return .hackerNewsItems
                default: break
                }
            }
            try scanner.skipValue()
            switch scanner.peek() {
            case UInt8(ascii: ","): scanner.position += 1
            case UInt8(ascii: "}"): return nil
            default: throw scanner.syntaxError("expected ',' or '}' after an object member")
            }
        }
    }

    /// Keys only the official Hacker News API's items have (the Algolia API names them otherwise).
    private static let hackerNewsItemKeys: Set<String> = ["by", "kids", "descendants", "time", "deleted", "dead"]

    private static func keyText(_ scanner: JSONScanner, _ ref: TextRef) -> String {
        let start = Int(ref.offset)
        // Keys this long name nothing tread looks for; not decoding them keeps detection cheap.
        guard ref.length <= 32 else { return "" }
        let slice = UnsafeRawBufferPointer(rebasing: scanner.bytes[start..<(start + ref.length)])
        return ref.isJSONEscaped ? JSONString.unescape(slice) : String(decoding: slice, as: UTF8.self)
    }

    /// The message for JSON of no known format.
    static var unknownMessage: String {
        "not a discussion tread knows; formats: " + allCases.map(\.rawValue).joined(separator: ", ")
    }
}

extension Discussion {
    /// Loads a document of any format tread knows, detected from its content unless `format` is given.
    public static func load(_ bytes: DocumentBytes, format: DocumentFormat? = nil) throws(DocumentError) -> Discussion {
        let chosen: DocumentFormat
        if let format {
            chosen = format
        } else if let detected = try DocumentFormat.detectOrFail(bytes) {
            chosen = detected
        } else {
            var scanner = JSONScanner(bytes.buffer)
            if scanner.peek() == nil { throw DocumentError(kind: .empty) }
            // Not JSON at all gets the syntax error with its position; JSON of another kind, the list of formats.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scanner.position = 3 }
            try scanner.skipValue()
            try scanner.expectEnd()
            throw DocumentError(kind: .unknownFormat(DocumentFormat.unknownMessage))
        }
        switch chosen {
        case .tread: return try load(canonical: bytes)
        case .hackerNewsAlgolia: return try HackerNewsAlgolia.load(bytes)
        case .hackerNewsItems: return try HackerNewsItems.load(bytes)
        case .reddit: return try Reddit.load(bytes)
        case .discourse: return try Discourse.load(bytes)
        case .lobsters: return try Lobsters.load(bytes)
        }
    }

    /// Loads a file ("-" for standard input) of any format tread knows; errors name the file.
    public static func load(path: String, format: DocumentFormat?) throws(DocumentError) -> Discussion {
        do {
            return try load(try DocumentBytes.read(path: path), format: format)
        } catch {
            var error = error
            error.path = path
            throw error
        }
    }
}
