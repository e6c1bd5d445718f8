/// Where each site's API lives, and the requests that fetch a thread from it.
///
/// Every request address is the base (parsed, http or https only) followed by a fixed path and a
/// validated id, so nothing the user or a server typed can change which path is asked for.
public struct SiteAPI: Sendable {
    public var hackerNewsAlgolia: WebAddress
    public var hackerNews: WebAddress
    public var reddit: WebAddress
    public var lobsters: WebAddress
    /// Bluesky's AppView (`…/xrpc`); Mastodon and Lemmy addresses name their own server.
    public var bluesky: WebAddress

    /// The environment variables that override each base address, for testing against a local server.
    public static let environmentNames = [
        "TREAD_HN_ALGOLIA_API", "TREAD_HN_API", "TREAD_REDDIT_API", "TREAD_LOBSTERS_API", "TREAD_BSKY_API",
    ]

    /// The real sites.
    public static let standard = SiteAPI(
        hackerNewsAlgolia: WebAddress("https://hn.algolia.com/api/v1")!,
        hackerNews: WebAddress("https://hacker-news.firebaseio.com/v0")!,
        reddit: WebAddress("https://www.reddit.com")!,
        lobsters: WebAddress("https://lobste.rs")!,
        bluesky: WebAddress("https://public.api.bsky.app/xrpc")!
    )

    public init(
        hackerNewsAlgolia: WebAddress, hackerNews: WebAddress, reddit: WebAddress, lobsters: WebAddress,
        bluesky: WebAddress? = nil
    ) {
        self.hackerNewsAlgolia = hackerNewsAlgolia
        self.hackerNews = hackerNews
        self.reddit = reddit
        self.lobsters = lobsters
        self.bluesky = bluesky ?? Self.standard.bluesky
    }

    /// The standard bases with any the environment overrides; an override that is not an http(s)
    /// address is an error naming the variable.
    public init(environment: [String: String]) throws(SiteAPIError) {
        self = .standard
        func base(_ name: String, _ current: WebAddress) throws(SiteAPIError) -> WebAddress {
            guard let text = environment[name], !text.isEmpty else { return current }
            guard let address = WebAddress(text), address.query.isEmpty else {
                throw SiteAPIError(variable: name, value: text)
            }
            return address
        }
        hackerNewsAlgolia = try base("TREAD_HN_ALGOLIA_API", hackerNewsAlgolia)
        hackerNews = try base("TREAD_HN_API", hackerNews)
        reddit = try base("TREAD_REDDIT_API", reddit)
        lobsters = try base("TREAD_LOBSTERS_API", lobsters)
        bluesky = try base("TREAD_BSKY_API", bluesky)
    }

    /// The Algolia API's whole tree of a Hacker News item.
    public func algoliaItem(_ id: String) -> String {
        Self.join(hackerNewsAlgolia, ["items", id])
    }

    /// One item from the official Hacker News API.
    public func hackerNewsItem(_ id: Int64) -> String {
        Self.join(hackerNews, ["item", "\(id).json"])
    }

    /// A Reddit thread with all the comments Reddit sends in one response, text not HTML-escaped.
    public func redditThread(_ id: String) -> String {
        Self.join(reddit, ["comments", "\(id).json"]) + "?raw_json=1"
    }

    /// A Lobsters story with its comments.
    public func lobstersStory(_ id: String) -> String {
        Self.join(lobsters, ["s", "\(id).json"])
    }

    /// A Discourse topic's first page (its `post_stream.stream` lists every post's id).
    public static func discourseTopic(_ forum: WebAddress, _ id: String) -> String {
        join(forum, ["t", "\(id).json"])
    }

    /// Discourse posts of a topic by id, one batch.
    public static func discoursePosts(_ forum: WebAddress, _ id: String, postIDs: some Sequence<Int64>) -> String {
        join(forum, ["t", id, "posts.json"]) + "?" + postIDs.map { "post_ids%5B%5D=\($0)" }.joined(separator: "&")
    }

    /// The address for the request: the base's origin and path, then `segments`, each percent-encoded.
    static func join(_ base: WebAddress, _ segments: [String]) -> String {
        base.origin + (base.segments + segments).map { "/" + encoded($0) }.joined()
    }

    /// Percent-encodes everything but unreserved characters, so a segment stays one segment.
    static func encoded(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            let char = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (char.isASCIILetterOrDigit || "-._~".contains(char)) {
                out.append(char)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

/// An API base address in the environment that tread cannot use.
public struct SiteAPIError: Error, CustomStringConvertible, Sendable {
    public var variable: String
    public var value: String

    public var description: String {
        "\(variable)=\(FetchError.shown(value)): not an http or https address; set it to one such as http://127.0.0.1:8000"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
