/// The requests that fetch a front page: each a base from `SiteAPI` (or the forum's origin), a
/// fixed path and validated parts, so nothing typed or sent back can change which path is asked for.
extension SiteAPI {
    /// Stories of one page of a list (Reddit asks for this many; HN fetches this many items at a time).
    public static let storiesPerPage = 30

    /// The Hacker News list's ids: `/topstories.json` and its siblings.
    public func hackerNewsList(_ feed: String) -> String {
        Self.join(hackerNews, ["\(feed)stories.json"])
    }

    /// A Reddit listing page; `after` is a `t3_` name the last page gave.
    public func redditList(subreddit: String?, sort: String, period: String?, after: String?) -> String {
        let path = (subreddit.map { ["r", $0] } ?? []) + ["\(sort).json"]
        var query = "?raw_json=1&limit=\(Self.storiesPerPage)"
        if let period { query += "&t=\(period)" }
        if let after, Self.isRedditName(after) { query += "&after=\(after)" }
        return Self.join(reddit, path) + query
    }

    /// A Lobsters list page (1 is the first).
    public func lobstersList(feed: String, tag: String?, page: Int) -> String {
        var path: [String]
        if let tag {
            path = ["t", tag]
        } else {
            path = feed == "newest" ? ["newest"] : []
        }
        if page <= 1 {
            if path.isEmpty { path = ["hottest"] }
            path[path.count - 1] += ".json"
        } else {
            path += ["page", "\(page).json"]
        }
        return Self.join(lobsters, path)
    }

    /// A Discourse list page (0 is the first), on the forum itself.
    public static func discourseList(_ forum: WebAddress, path: [String], page: Int) -> String {
        var segments = path
        segments[segments.count - 1] += ".json"
        return join(forum, segments) + (page > 0 ? "?page=\(page)" : "")
    }

    /// `t3_` and base 36: what Reddit's `after` holds.
    static func isRedditName(_ text: String) -> Bool {
        text.hasPrefix("t3_") && text.count <= 16
            && text.dropFirst(3).allSatisfy { $0.isASCIILetterOrDigit && !$0.isUppercase }
            && text.count > 3
    }
}
