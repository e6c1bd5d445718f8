/// The sites tread fetches threads from.
public enum Site: String, Sendable, CaseIterable {
    case hackerNews = "hn"
    case reddit
    case discourse
    case lobsters
    case mastodon
    case lemmy
    case bluesky

    /// The site's name for messages.
    public var name: String {
        switch self {
        case .hackerNews: return "Hacker News"
        case .reddit: return "Reddit"
        case .discourse: return "Discourse"
        case .lobsters: return "Lobsters"
        case .mastodon: return "Mastodon"
        case .lemmy: return "Lemmy"
        case .bluesky: return "Bluesky"
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
    /// For Discourse, Mastodon and Lemmy, the server's origin ("https://host[:port]"); the other
    /// sites' come from `SiteAPI`.
    public var forum: WebAddress?
    /// For Bluesky, the author's handle or DID (the post's `id` is its record key).
    public var actor: String?
    /// The comment the address names (a permalink: a Reddit comment's id, a Discourse post's number, a
    /// Mastodon status, a Lemmy comment): the whole thread opens with it selected. Validated as the
    /// thread's id is.
    public var comment: String?

    /// The same thread, whichever comment the address points at. A Lemmy address's id is a post's or
    /// a comment's, so there the kind counts too.
    public static func == (lhs: ThreadAddress, rhs: ThreadAddress) -> Bool {
        lhs.site == rhs.site && lhs.id == rhs.id && lhs.forum == rhs.forum && lhs.actor == rhs.actor
            && (lhs.site != .lemmy || (lhs.comment == nil) == (rhs.comment == nil))
    }

    public init(site: Site, id: String, forum: WebAddress? = nil, actor: String? = nil, comment: String? = nil) {
        self.site = site
        self.id = id
        self.forum = forum
        self.actor = actor
        self.comment = comment
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
        // The API's address of a thread (`/comments/ID.json`, `/s/ID.json`, `/t/ID.json`) is the thread's
        // too: it is what a "redirects to another site (…); open that address instead" line names.
        var path = address.segments
        if let last = path.last, last.count > 5, last.hasSuffix(".json") { path[path.count - 1].removeLast(5) }
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
        case "bsky.app", "www.bsky.app", "staging.bsky.app":
            guard let address = ThreadAddress(bluesky: path) else { return nil }
            self = address
        default:
            if let address = ThreadAddress(fediverse: address) {
                self = address
                return
            }
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

    /// Why `text`, written as an address (`hn:…`, `http://…`, `https://…`), is not one tread
    /// opens; nil when it is one, or is not written as one (a file name).
    public static func refusal(of text: String) -> String? {
        let lower = text.lowercased()
        if lower.hasPrefix("hn:") {
            return ThreadAddress(text) == nil ? "a Hacker News item is hn: and its number, from 1" : nil
        }
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        guard let address = WebAddress(text) else {
            let authority = lower.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return authority.contains("@")
                ? "tread refuses an address with a user name or password, which can disguise its host"
                : "not an address tread reads (a bad host or port, a space or a control character)"
        }
        guard ThreadAddress(address) == nil else { return nil }
        switch address.host {
        case "news.ycombinator.com":
            return "a Hacker News item's address is news.ycombinator.com/item?id= and its number, from 1"
        case "reddit.com", "www.reddit.com", "old.reddit.com", "np.reddit.com", "new.reddit.com", "m.reddit.com",
            "redd.it":
            // The app's share link, /r/SUB/s/CODE: the thread is only where the site redirects it.
            if address.segments.count == 4, address.segments[0] == "r", address.segments[2] == "s" {
                return
                    "a Reddit share link names no thread; open it in a browser and give tread the address it lands on"
            }
            return "not a Reddit thread's address (a thread's id is lower-case letters and digits)"
        case "lobste.rs":
            return "not a Lobsters story's address (lobste.rs/s/ID)"
        case "bsky.app", "www.bsky.app", "staging.bsky.app":
            return "not a Bluesky post's address (bsky.app/profile/HANDLE/post/ID)"
        default:
            return "not the address of a thread on Hacker News, Reddit, Lobsters, a Discourse forum (/t/…), "
                + "Mastodon, Lemmy (/post/ or /comment/) or Bluesky"
        }
    }

    /// The thread's address as a person would open it, for messages.
    public var displayAddress: String {
        switch site {
        case .hackerNews: return "https://news.ycombinator.com/item?id=\(id)"
        case .reddit: return "https://www.reddit.com/comments/\(id)"
        case .lobsters: return "https://lobste.rs/s/\(id)"
        case .discourse: return "\(forum?.origin ?? "")/t/\(id)"
        case .mastodon: return "\(forum?.origin ?? "")/web/statuses/\(id)"
        case .lemmy: return "\(forum?.origin ?? "")/\(comment == nil ? "post" : "comment")/\(id)"
        case .bluesky: return "https://bsky.app/profile/\(actor ?? "")/post/\(id)"
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
        case .mastodon, .lemmy:
            let host = forum?.host ?? "unknown"
            let port = forum?.port.map { "_\($0)" } ?? ""
            let kind = site == .lemmy && comment != nil ? "comment-" : ""
            return "\(site.rawValue)-\(host)\(port)-\(kind)\(id).json"
        case .bluesky:
            // A DID's colons stay out of file names.
            let actor = (actor ?? "unknown").map { $0 == ":" ? "_" : $0 }
            return "bluesky-\(String(actor))-\(id).json"
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
