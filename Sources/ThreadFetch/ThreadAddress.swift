/// The sites tread fetches threads from.
public enum Site: String, Sendable, CaseIterable {
    case hackerNews = "hn"
    case reddit
    case discourse
    case lobsters

    /// The site's name for messages.
    public var name: String {
        switch self {
        case .hackerNews: return "Hacker News"
        case .reddit: return "Reddit"
        case .discourse: return "Discourse"
        case .lobsters: return "Lobsters"
        }
    }
}

/// A thread on one of the sites, recognised from its address; every part is validated.
///
/// `id` holds only the characters the site's ids are made of (digits for Hacker News and
/// Discourse, lower-case letters and digits for Reddit and Lobsters), so it can go into a
/// request path or a file name as it is.
public struct ThreadAddress: Equatable, Sendable {
    public var site: Site
    /// The thread's id on its site.
    public var id: String
    /// For Discourse, the forum's origin ("https://host[:port]"); the other sites' come from `SiteAPI`.
    public var forum: WebAddress?
    /// The comment a permalink points at (a Reddit comment's id, a Discourse post's number): the
    /// whole thread opens with it selected. Validated as the thread's id is.
    public var comment: String?

    /// The same thread, whichever comment the address points at.
    public static func == (lhs: ThreadAddress, rhs: ThreadAddress) -> Bool {
        lhs.site == rhs.site && lhs.id == rhs.id && lhs.forum == rhs.forum
    }

    public init(site: Site, id: String, forum: WebAddress? = nil) {
        self.site = site
        self.id = id
        self.forum = forum
    }

    /// Recognises `text` as a thread's address: `hn:N`, or an http(s) address of a thread on
    /// Hacker News, Reddit, Lobsters or a Discourse forum. Nil for anything else (a file name).
    public init?(_ text: String) {
        if text.lowercased().hasPrefix("hn:") {
            let number = text.dropFirst(3)
            guard ThreadAddress.isHackerNewsID(number) else { return nil }
            self.init(site: .hackerNews, id: String(number))
            return
        }
        guard let address = WebAddress(text) else { return nil }
        self.init(address)
        // A Lobsters comment link: /s/ID/slug#c_SHORT (WebAddress leaves fragments out).
        if site == .lobsters, comment == nil, let fragment = text.split(separator: "#", maxSplits: 1).dropFirst().first,
            fragment.hasPrefix("c_")
        {
            comment = ThreadAddress.lobstersID(String(fragment.dropFirst(2)))
        }
    }

    /// Recognises a parsed address as a thread's.
    public init?(_ address: WebAddress) {
        let host = address.host
        let path = address.segments
        switch host {
        case "news.ycombinator.com":
            guard path == ["item"], let id = address.queryValue("id"), ThreadAddress.isHackerNewsID(id[...]) else {
                return nil
            }
            self.init(site: .hackerNews, id: id)
        case "reddit.com", "www.reddit.com", "old.reddit.com", "np.reddit.com", "new.reddit.com", "m.reddit.com":
            // /r/SUB/comments/ID[/slug[/COMMENT]] or /comments/ID[...]
            guard let at = path.firstIndex(of: "comments"), at + 1 < path.count, at == 0 || at == 2,
                let id = ThreadAddress.redditID(path[at + 1])
            else { return nil }
            self.init(site: .reddit, id: id)
            if at + 3 < path.count { comment = ThreadAddress.redditID(path[at + 3]) }
        case "redd.it":
            guard path.count == 1, let id = ThreadAddress.redditID(path[0]) else { return nil }
            self.init(site: .reddit, id: id)
        case "lobste.rs":
            guard path.count >= 2, path[0] == "s", let id = ThreadAddress.lobstersID(path[1]) else { return nil }
            self.init(site: .lobsters, id: id)
            // The older comment link: /s/ID/slug/comments/SHORT.
            if path.count == 5, path[3] == "comments" { comment = ThreadAddress.lobstersID(path[4]) }
        default:
            // Discourse: /t/SLUG/ID[/POST] or /t/ID, on any host.
            guard path.count >= 2, path[0] == "t" else { return nil }
            let id: String
            if ThreadAddress.isDiscourseID(path[1]) {
                id = path[1]
            } else if path.count >= 3, ThreadAddress.isDiscourseID(path[2]) {
                id = path[2]
            } else {
                return nil
            }
            var forum = address
            forum.segments = []
            forum.query = []
            self.init(site: .discourse, id: id, forum: forum)
            // /t/SLUG/ID/N or /t/ID/N: post N; the first post is the topic itself.
            let post = path[1] == id ? 2 : 3
            if post < path.count, ThreadAddress.isDiscourseID(path[post]), path[post] != "1" { comment = path[post] }
        }
    }

    /// The thread's address as a person would open it, for messages.
    public var displayAddress: String {
        switch site {
        case .hackerNews: return "https://news.ycombinator.com/item?id=\(id)"
        case .reddit: return "https://www.reddit.com/comments/\(id)"
        case .lobsters: return "https://lobste.rs/s/\(id)"
        case .discourse: return "\(forum?.origin ?? "")/t/\(id)"
        }
    }

    /// The file name of the thread's copy in the cache, from the site and the validated id alone
    /// (and a Discourse forum's validated host and port).
    public var cacheName: String {
        switch site {
        case .discourse:
            let host = forum?.host ?? "unknown"
            let port = forum?.port.map { "_\($0)" } ?? ""
            return "discourse-\(host)\(port)-\(id).json"
        default:
            return "\(site.rawValue)-\(id).json"
        }
    }

    static func isHackerNewsID(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 12 && text.allSatisfy(\.isASCIIDigit) && text.first != "0"
    }

    static func isDiscourseID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 12 && text.allSatisfy(\.isASCIIDigit)
    }

    /// Reddit's ids are base 36, lower case; "t3_" prefixes are accepted.
    static func redditID(_ text: String) -> String? {
        let id = text.lowercased().hasPrefix("t3_") ? String(text.dropFirst(3)) : text
        guard !id.isEmpty, id.count <= 13, id.allSatisfy({ $0.isASCIILetterOrDigit && !$0.isUppercase }) else {
            return nil
        }
        return id
    }

    /// Lobsters' short ids are letters and digits (six today).
    static func lobstersID(_ text: String) -> String? {
        guard !text.isEmpty, text.count <= 16, text.allSatisfy(\.isASCIILetterOrDigit) else { return nil }
        return text.lowercased()
    }
}
