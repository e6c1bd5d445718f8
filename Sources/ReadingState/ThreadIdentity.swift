import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// Which thread a document is, the same across visits: the key its reading state is kept under.
///
/// A thread from a site (an importer's output, or a tread document with `article.id` and a `source` or
/// `url`) is that site and id, so a re-downloaded copy or a moved file is still the same thread. Otherwise
/// it is the file's path and a hash of the article (title, author, date, body): a file saved again with more
/// comments keeps its identity, another article at the same path does not.
public struct ThreadIdentity: Hashable, Sendable, CustomStringConvertible {
    /// The store's key: printable, at most `maximumKeyLength` bytes, safe to bind as an SQL parameter.
    public let key: String
    /// The site the thread is from, when known (`article.source`, else the host of `article.url`).
    public let site: String?

    /// Keys longer than this keep their start and end in a hash, so a hostile id cannot bloat the store.
    public static let maximumKeyLength = 512

    /// Discourse exports carry a topic number but not the forum's address: topics of two forums
    /// share numbers, so such an id is qualified by the article's hash too.
    static let sitesWithoutAddress: Set<String> = ["Discourse"]

    public init(key: String, site: String?) {
        self.key = ThreadIdentity.bounded(key)
        self.site = site
    }

    /// The identity of `article` read from `path` (nil for standard input or the bundled sample).
    ///
    /// `path` should be absolute (see `absolutePath(_:)`) so the same file opened from two folders is one thread.
    public init(article: Article, path: String?) {
        let site = ThreadIdentity.site(of: article)
        let id = article.id.flatMap { $0.isEmpty ? nil : $0 }
        if let id, let site {
            if ThreadIdentity.sitesWithoutAddress.contains(site), article.url == nil {
                self.init(key: "site:\(site)\u{1F}\(id)\u{1F}\(ThreadIdentity.articleHash(article))", site: site)
            } else {
                self.init(key: "site:\(site)\u{1F}\(id)", site: site)
            }
        } else if let url = article.url, !url.isEmpty {
            self.init(key: "url:\(url)", site: site)
        } else {
            self.init(key: "file:\(path ?? "-")\u{1F}\(ThreadIdentity.articleHash(article))", site: site)
        }
    }

    public var description: String { key }

    /// `article.source`, else the host of `article.url`, else nil; empty names count as absent.
    static func site(of article: Article) -> String? {
        if let source = article.source, !source.isEmpty { return source }
        guard let url = article.url, let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : String(host)
    }

    /// A hex hash of what identifies an article's text: title, author, date and body.
    static func articleHash(_ article: Article) -> String {
        var parts: [String] = [article.title, article.author ?? "", article.published ?? ""]
        parts.append(contentsOf: article.body)
        // The unit separator cannot be confused with text: "a" + "bc" and "ab" + "c" hash apart.
        let hash = Discussion.idHash(of: parts.joined(separator: "\u{1F}"))
        return hex(hash)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The key with control characters replaced (the store and `tread recent` print it) and its length bounded.
    static func bounded(_ key: String) -> String {
        // Most keys have nothing to replace and are short: kept as they are, without rebuilding them.
        if key.utf8.count <= maximumKeyLength, !key.utf8.contains(where: { $0 < 0x20 && $0 != 0x1F || $0 == 0x7F }) {
            return key
        }
        var printable = String(
            String.UnicodeScalarView(
                key.unicodeScalars.map { scalar in
                    scalar.value < 0x20 && scalar != "\u{1F}" || scalar.value == 0x7F ? "?" : scalar
                }))
        if printable.utf8.count > maximumKeyLength {
            let hash = hex(Discussion.idHash(of: key))
            var head = String.UnicodeScalarView()
            var length = 0
            for scalar in printable.unicodeScalars {
                length += String(scalar).utf8.count
                if length > maximumKeyLength - 17 { break }
                head.append(scalar)
            }
            // The hash of the whole key keeps two long keys with one start apart.
            printable = String(head) + "\u{1F}" + hash
        }
        return printable
    }
}

extension ThreadIdentity {
    /// `path` made absolute and free of symbolic links, so one file opened from two folders is one thread;
    /// `path` as given when it cannot be resolved (a file gone since).
    public static func absolutePath(_ path: String) -> String {
        guard path != "-", let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
