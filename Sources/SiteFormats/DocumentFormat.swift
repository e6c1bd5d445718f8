import ThreadModel

/// The document formats tread reads: its own and the sites' saved JSON.
///
/// This file is where a format is registered: its case (the raw value is its `--format` name),
/// the keys that tell it in `format(ofObjectWithKeys:)` or `arrayElementFormat`, and its
/// importer in `Discussion.load(_:format:)`. Each importer is one file of this module.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case tread
    case hackerNewsAlgolia = "hn-algolia"
    case hackerNewsItems = "hn-items"
    case reddit
    case discourse
    case lobsters
    case mastodon
    case lemmy
    case bluesky

    /// The site a format's documents are from, by its short name (`Article.siteNames`); nil for tread's own,
    /// whose document says it (`article.site`) or not.
    public var site: String? {
        switch self {
        case .tread: return nil
        case .hackerNewsAlgolia, .hackerNewsItems: return "hn"
        case .reddit: return "reddit"
        case .discourse: return "discourse"
        case .lobsters: return "lobsters"
        case .mastodon: return "mastodon"
        case .lemmy: return "lemmy"
        case .bluesky: return "bluesky"
        }
    }

    /// The format of `bytes`, told from the shape of its top-level value; nil when it is none tread knows.
    ///
    /// A top-level object is a tread document as soon as an `article` key appears, wherever it
    /// is (the format allows any other key beside it, so no other key can decide before the
    /// object ends); otherwise the set of its keys decides (`post_stream`: Discourse; `short_id`
    /// and friends: Lobsters; `children`: Hacker News Algolia; `id` with `type`, `by`, `kids` or
    /// `time`: a Hacker News item). Values are skipped without decoding them. A top-level array
    /// is never a tread document, so its first object's first telling key decides.
    public static func detect(_ bytes: DocumentBytes) -> DocumentFormat? {
        (try? detectOrFail(bytes)) ?? nil
    }

    /// As `detect`, but a syntax error met on the way is thrown, with its line and column, and a
    /// UTF-16 or UTF-32 file is refused as such.
    static func detectOrFail(_ bytes: DocumentBytes) throws(DocumentError) -> DocumentFormat? {
        try bytes.checkEncoding()
        var scanner = JSONScanner(bytes.buffer)
        scanner.position = bytes.byteOrderMarkLength
        switch scanner.peek() {
        case UInt8(ascii: "{"):
            return try objectFormat(&scanner)
        case UInt8(ascii: "["):
            scanner.position += 1
            guard scanner.peek() == UInt8(ascii: "{") else { return nil }
            return try arrayElementFormat(&scanner)
        default:
            return nil
        }
    }

    /// Reads the keys of the top-level object to its end, unless `article` settles it first.
    private static func objectFormat(_ scanner: inout JSONScanner) throws(DocumentError) -> DocumentFormat? {
        scanner.position += 1
        guard scanner.peek() != UInt8(ascii: "}") else { return nil }
        var keys: Set<String> = []
        while true {
            let ref = try scanner.readKey()
            let key = keyText(scanner, ref)
            if key == "article" { return .tread }
            if !key.isEmpty { keys.insert(key) }
            try scanner.skipValue()
            switch scanner.peek() {
            case UInt8(ascii: ","): scanner.position += 1
            case UInt8(ascii: "}"): return format(ofObjectWithKeys: keys)
            default: throw scanner.syntaxError("expected ',' or '}' after an object member")
            }
        }
    }

    /// The site format of a top-level object with these keys and no `article`.
    static func format(ofObjectWithKeys keys: Set<String>) -> DocumentFormat? {
        if keys.contains("post_stream") { return .discourse }
        if keys.contains("post_view") { return .lemmy }
        if keys.contains("thread") { return .bluesky }
        if keys.contains("status") && keys.contains("context") { return .mastodon }
        if !keys.isDisjoint(with: mastodonStatusKeys) { return .mastodon }
        if !keys.isDisjoint(with: ["short_id", "short_id_url", "submitter_user", "comments_url"]) { return .lobsters }
        if keys.contains("children") || !keys.isDisjoint(with: ["created_at_i", "story_id"]) {
            return .hackerNewsAlgolia
        }
        if keys.contains("id"), !keys.isDisjoint(with: hackerNewsItemKeys.union(["type"])) { return .hackerNewsItems }
        return nil
    }

    /// Reads the keys of the first object in a top-level array until one names a format.
    private static func arrayElementFormat(_ scanner: inout JSONScanner) throws(DocumentError) -> DocumentFormat? {
        scanner.position += 1
        guard scanner.peek() != UInt8(ascii: "}") else { return nil }
        while true {
            let ref = try scanner.readKey()
            let key = keyText(scanner, ref)
            // Reddit: [post listing, comment listing]; Hacker News API: [item, item, ...].
            if key == "kind" || key == "data" { return .reddit }
            // Mastodon: [status, context]; Lemmy: [post answer, comment page, ...].
            if mastodonStatusKeys.contains(key) { return .mastodon }
            if key == "post_view" { return .lemmy }
            if hackerNewsItemKeys.contains(key) { return .hackerNewsItems }
            try scanner.skipValue()
            switch scanner.peek() {
            case UInt8(ascii: ","): scanner.position += 1
            case UInt8(ascii: "}"): return nil
            default: throw scanner.syntaxError("expected ',' or '}' after an object member")
            }
        }
    }

    /// Keys of a Mastodon status that no other format's top level has.
    private static let mastodonStatusKeys: Set<String> = [
        "in_reply_to_id", "in_reply_to_account_id", "spoiler_text", "reblogs_count", "favourites_count",
    ]

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
            scanner.position = bytes.byteOrderMarkLength
            try scanner.skipValue()
            try scanner.expectEnd()
            throw DocumentError(kind: .unknownFormat(DocumentFormat.unknownMessage))
        }
        if format != nil { try bytes.checkEncoding() }
        let imported: Discussion
        switch chosen {
        case .tread: return try load(canonical: bytes)
        case .hackerNewsAlgolia: imported = try HackerNewsAlgolia.load(bytes)
        case .hackerNewsItems: imported = try HackerNewsItems.load(bytes)
        case .reddit: imported = try Reddit.load(bytes)
        case .discourse: imported = try Discourse.load(bytes)
        case .lobsters: imported = try Lobsters.load(bytes)
        case .mastodon: imported = try Mastodon.load(bytes)
        case .lemmy: imported = try Lemmy.load(bytes)
        case .bluesky: imported = try Bluesky.load(bytes)
        }
        // The format is the site: said in the document (`article.site`), where `source` is text for people.
        return chosen.site.map { imported.fromSite($0) } ?? imported
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
