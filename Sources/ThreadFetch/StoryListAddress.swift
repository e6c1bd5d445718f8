/// A site's front page (or one of its lists), recognised from what the user typed; every part
/// that goes into a request is validated.
///
/// Names: `hn`, `hn:new|best|ask|show|jobs` (and `hn:top`); `reddit`, `r/SUB`,
/// `r/SUB/hot|new|top|rising` with `?t=hour|day|week|month|year|all` for `top`; `lobsters`,
/// `lobsters:hottest|newest`, `lobsters:t/TAG`; a Discourse forum's `https://HOST/latest`,
/// `/top`, `/c/SLUG/ID`. Reddit's own addresses of the same lists are accepted too.
public struct StoryListAddress: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The official API's list: "top", "new", "best", "ask", "show", "job".
        case hackerNews(feed: String)
        /// `subreddit` nil for the front page; `sort` hot, new, top or rising; `period` for top.
        case reddit(subreddit: String?, sort: String, period: String?)
        /// "hottest", "newest", or a tag.
        case lobsters(feed: String, tag: String?)
        /// `path` is the list's path on the forum: ["latest"], ["top"], ["c", SLUG, ID].
        case discourse(forum: WebAddress, path: [String])
    }

    public var kind: Kind

    public init(kind: Kind) {
        self.kind = kind
    }

    static let hackerNewsFeeds = [
        "top": "top", "new": "new", "best": "best", "ask": "ask", "show": "show", "jobs": "job",
    ]
    static let redditSorts: Set<String> = ["hot", "new", "top", "rising"]
    static let redditPeriods: Set<String> = ["hour", "day", "week", "month", "year", "all"]

    /// Recognises `text` as a list's name or address; nil for anything else (a thread, a file).
    public init?(_ text: String) {
        let lower = text.lowercased()
        if lower == "hn" || lower == "hn:" {
            self.init(kind: .hackerNews(feed: "top"))
        } else if lower.hasPrefix("hn:") {
            guard let feed = Self.hackerNewsFeeds[String(lower.dropFirst(3))] else { return nil }
            self.init(kind: .hackerNews(feed: feed))
        } else if lower == "reddit" {
            self.init(kind: .reddit(subreddit: nil, sort: "hot", period: nil))
        } else if lower.hasPrefix("r/") || lower.hasPrefix("/r/") {
            guard
                let kind = Self.reddit(
                    path: text.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "",
                    query: text.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init))
            else { return nil }
            self.init(kind: kind)
        } else if lower == "lobsters" || lower == "lobsters:hottest" {
            self.init(kind: .lobsters(feed: "hottest", tag: nil))
        } else if lower == "lobsters:newest" {
            self.init(kind: .lobsters(feed: "newest", tag: nil))
        } else if lower.hasPrefix("lobsters:t/") {
            guard let tag = Self.lobstersTag(String(lower.dropFirst(11))) else { return nil }
            self.init(kind: .lobsters(feed: "tag", tag: tag))
        } else if let address = WebAddress(text) {
            self.init(address)
        } else {
            return nil
        }
    }

    /// Recognises a web address of a list: Reddit's, Lobsters', Hacker News' or a Discourse forum's.
    public init?(_ address: WebAddress) {
        let path = address.segments
        switch address.host {
        case "news.ycombinator.com":
            let pages = [
                "": "top", "news": "top", "newest": "new", "best": "best", "ask": "ask", "show": "show", "jobs": "job",
            ]
            guard path.count <= 1, let feed = pages[path.first ?? ""] else { return nil }
            self.init(kind: .hackerNews(feed: feed))
        case "reddit.com", "www.reddit.com", "old.reddit.com":
            if path.isEmpty {
                self.init(kind: .reddit(subreddit: nil, sort: "hot", period: nil))
                return
            }
            guard
                let kind = Self.reddit(
                    path: path.joined(separator: "/"), query: address.queryValue("t").map { "t=\($0)" })
            else { return nil }
            self.init(kind: kind)
        case "lobste.rs":
            if path.isEmpty || path == ["hottest"] {
                self.init(kind: .lobsters(feed: "hottest", tag: nil))
            } else if path == ["newest"] {
                self.init(kind: .lobsters(feed: "newest", tag: nil))
            } else if path.count == 2, path[0] == "t", let tag = Self.lobstersTag(path[1]) {
                self.init(kind: .lobsters(feed: "tag", tag: tag))
            } else {
                return nil
            }
        default:
            var forum = address
            forum.segments = []
            forum.query = []
            if path == ["latest"] || path == ["top"] {
                self.init(kind: .discourse(forum: forum, path: path))
            } else if path.count == 3, path[0] == "c", Self.isSlug(path[1]), ThreadAddress.isDiscourseID(path[2]) {
                self.init(kind: .discourse(forum: forum, path: path))
            } else {
                return nil
            }
        }
    }

    /// `r/SUB[/SORT]` (with a leading slash or not) and `t=PERIOD` for top.
    static func reddit(path: String, query: String?) -> Kind? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 2 || parts.count == 3, parts[0].lowercased() == "r", isSubreddit(parts[1]) else {
            return nil
        }
        let sort = parts.count == 3 ? parts[2].lowercased() : "hot"
        guard redditSorts.contains(sort) else { return nil }
        var period: String?
        if let query {
            for pair in query.split(separator: "&") where pair.lowercased().hasPrefix("t=") {
                let value = pair.dropFirst(2).lowercased()
                guard sort == "top", redditPeriods.contains(value) else { return nil }
                period = value
            }
        }
        return .reddit(subreddit: parts[1], sort: sort, period: period)
    }

    /// Subreddit names: letters, digits and `_`, up to 21 (and `a+b` multireddits of such).
    static func isSubreddit(_ text: String) -> Bool {
        let names = text.split(separator: "+", omittingEmptySubsequences: false)
        return !names.isEmpty && names.count <= 20
            && names.allSatisfy { name in
                !name.isEmpty && name.count <= 21 && name.allSatisfy { $0.isASCIILetterOrDigit || $0 == "_" }
            }
    }

    static func lobstersTag(_ text: String) -> String? {
        guard !text.isEmpty, text.count <= 25,
            text.allSatisfy({ $0.isASCIILetterOrDigit || $0 == "_" || $0 == "-" || $0 == "+" })
        else { return nil }
        return text.lowercased()
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.allSatisfy { $0.isASCIILetterOrDigit || $0 == "-" || $0 == "_" }
    }

    /// The list's name as tread shows it and `tread` accepts it back.
    public var name: String {
        switch kind {
        case .hackerNews(let feed): return feed == "top" ? "hn" : "hn:" + (feed == "job" ? "jobs" : feed)
        case .reddit(nil, _, _): return "reddit"
        case .reddit(let subreddit?, let sort, let period):
            return "r/\(subreddit)" + (sort == "hot" ? "" : "/\(sort)") + (period.map { "?t=\($0)" } ?? "")
        case .lobsters(let feed, let tag):
            return tag.map { "lobsters:t/\($0)" } ?? (feed == "hottest" ? "lobsters" : "lobsters:\(feed)")
        case .discourse(let forum, let path): return forum.origin + "/" + path.joined(separator: "/")
        }
    }

    /// The site whose threads the list names.
    public var site: Site {
        switch kind {
        case .hackerNews: return .hackerNews
        case .reddit: return .reddit
        case .lobsters: return .lobsters
        case .discourse: return .discourse
        }
    }

    /// The file name of the list's copy in the cache, from validated parts alone.
    public var cacheName: String {
        switch kind {
        case .hackerNews(let feed): return "list-hn-\(feed).json"
        case .reddit(let subreddit, let sort, let period):
            return "list-reddit-\((subreddit ?? "front").lowercased())-\(sort)\(period.map { "-\($0)" } ?? "").json"
        case .lobsters(let feed, let tag): return "list-lobsters-\(tag.map { "t-\($0)" } ?? feed).json"
        case .discourse(let forum, let path):
            let port = forum.port.map { "_\($0)" } ?? ""
            return "list-discourse-\(forum.host)\(port)-\(path.joined(separator: "-")).json"
        }
    }
}
