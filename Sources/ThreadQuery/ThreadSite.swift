import ThreadModel

/// The names a thread answers to in a kill-file rule's `site`: its site's short name, the forum's or
/// instance's host, a subreddit or a Lemmy community, found from what the document already says.
///
/// The short names are written out here once: `hn`, `reddit`, `lobsters`, `discourse`, `mastodon`,
/// `lemmy`, `bluesky`. The importers write the site into `article.source` ("Hacker News",
/// "Reddit r/swift", "Mastodon mastodon.social", "Lemmy !rust@lemmy.ml"); Discourse, Mastodon, Lemmy and
/// Bluesky threads' `article.url` is on their host. Hacker News, Reddit and Lobsters articles' `url` is
/// the story's link, elsewhere, so its host is not a name of theirs.
public struct ThreadSite: Sendable, Equatable {
    /// Every name, lower-cased.
    public let names: Set<String>

    public init(names: Set<String>) {
        self.names = Set(names.map { $0.lowercased() })
    }

    /// The names of `article`'s thread; `host` is the address it was fetched from, when it was.
    public init(article: Article, host: String? = nil) {
        var names: Set<String> = []
        let source = (article.source ?? "").lowercased()
        let words = source.split(separator: " ").map(String.init)
        var urlIsTheSite = true
        if source == "hacker news" {
            names.formUnion(["hn", "news.ycombinator.com"])
            urlIsTheSite = false
        } else if words.first == "reddit" {
            names.formUnion(["reddit", "reddit.com"])
            if words.count > 1, words[1].hasPrefix("r/") { names.insert(words[1]) }
            urlIsTheSite = false
        } else if source == "lobsters" {
            names.formUnion(["lobsters", "lobste.rs"])
            urlIsTheSite = false
        } else if let first = words.first, ["discourse", "mastodon", "lemmy", "bluesky"].contains(first) {
            names.insert(first)
            if first == "bluesky" { names.insert("bsky.app") }
            // "Mastodon HOST", "Lemmy !community@HOST": the community, and its host.
            if words.count > 1 {
                names.insert(words[1])
                if let at = words[1].lastIndex(of: "@") { names.insert(String(words[1][words[1].index(after: at)...])) }
            }
        } else if !source.isEmpty {
            names.insert(source)
        }
        if urlIsTheSite, let url = article.url, let urlHost = Self.host(of: url) { names.insert(urlHost) }
        if let host, !host.isEmpty { names.insert(host.lowercased()) }
        // What the importer knew (`article.site`), whatever the source's text says.
        if let site = article.site, !site.isEmpty { names.insert(site.lowercased()) }
        self.init(names: names)
    }

    /// Whether a rule's `site` names this thread: one of its names, or a host's `www.`-less form.
    public func matches(_ site: String) -> Bool {
        let wanted = site.lowercased()
        return names.contains(wanted) || names.contains("www." + wanted)
    }

    /// The host of an http(s) address, lower-cased, without a port; nil for anything else.
    static func host(of url: String) -> String? {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return nil
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.prefix { $0 != ":" } } ?? ""
        return host.isEmpty ? nil : String(host)
    }
}
