import ThreadModel

/// A comment's own address on its site, from the document's source and the comment's id.
///
/// The format has no per-comment URL, so this knows the sites whose addresses follow from an id:
/// Hacker News (`item?id=N`), Lobsters (`/c/SHORT_ID`), Reddit (`/comments/POST/_/ID/`) and
/// Discourse (`/t/SLUG/TOPIC/POST_NUMBER`, on the forum the article's address names: a topic's JSON
/// never names its forum, so a fetch writes the topic's page there). Elsewhere (documents written by
/// hand, a Discourse topic saved without its address) there is none. Everything here is untrusted:
/// only ids of letters and digits and a plain `http(s)://host/t/…` address make an address.
public enum CommentAddress {
    public static func of(_ index: Int, in discussion: Discussion) -> String? {
        guard let id = discussion.id(of: index), let source = discussion.article.source else { return nil }
        let key = id.key
        guard !key.isEmpty, key.count <= 32, key.unicodeScalars.allSatisfy(isIDScalar) else { return nil }
        let article = discussion.article
        if source == "Hacker News", case .integer = id {
            return "https://news.ycombinator.com/item?id=\(key)"
        }
        if source == "Lobsters" { return "https://lobste.rs/c/\(key)" }
        if source.hasPrefix("Reddit"), let post = article.id, !post.isEmpty, post.count <= 32,
            post.unicodeScalars.allSatisfy(isIDScalar)
        {
            return "https://www.reddit.com/comments/\(post)/_/\(key)/"
        }
        if source == "Discourse", case .integer = id, let url = article.url, let topic = article.id,
            let page = DiscourseTopicPage(url), page.topic == topic
        {
            return "\(page.origin)/t/\(page.slug ?? "topic")/\(topic)/\(key)"
        }
        return nil
    }

    /// The thread's own page on its site (the discussion, not the article a link post points to):
    /// built from the article's id where the site's addresses follow from it, else the article's address.
    public static func thread(of discussion: Discussion) -> String? {
        let article = discussion.article
        if let source = article.source, let id = article.id, !id.isEmpty, id.count <= 32,
            id.unicodeScalars.allSatisfy(isIDScalar)
        {
            if source == "Hacker News", id.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
                return "https://news.ycombinator.com/item?id=\(id)"
            }
            if source == "Lobsters" { return "https://lobste.rs/s/\(id)" }
            if source.hasPrefix("Reddit") { return "https://www.reddit.com/comments/\(id)/" }
        }
        return article.url
    }

    private static func isIDScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_"
    }
}

/// A Discourse topic's page, `https://host[:port]/t/SLUG/ID` or `/t/ID`, taken apart strictly:
/// an address with anything else (a query, a user name, other characters) is not one.
struct DiscourseTopicPage {
    var origin: String
    var slug: String?
    var topic: String

    init?(_ url: String) {
        guard url.utf8.count <= 2048 else { return nil }
        let scheme = url.hasPrefix("https://") ? "https" : url.hasPrefix("http://") ? "http" : nil
        guard let scheme else { return nil }
        let rest = url.dropFirst(scheme.count + 3)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        // host, "t", [slug,] id, and one trailing slash at most.
        let path = parts.dropFirst().last == "" ? parts.dropFirst().dropLast() : parts.dropFirst()
        guard let host = parts.first, !host.isEmpty, host.utf8.allSatisfy(Self.isHostByte),
            path.first == "t", (2...3).contains(path.count), let id = path.last, !id.isEmpty, id.count <= 20,
            id.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 })
        else { return nil }
        origin = scheme + "://" + host
        topic = String(id)
        if path.count == 3 {
            let slug = path[path.startIndex + 1]
            guard !slug.isEmpty, slug.count <= 200, slug.utf8.allSatisfy(Self.isSlugByte) else { return nil }
            self.slug = String(slug)
        }
    }

    /// Letters, digits, `-`, `.` and a port's `:`: no user name, no spaces, nothing to escape.
    private static func isHostByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: ":")
    }

    /// A slug as Discourse writes one: ASCII letters, digits and `-`, or percent-encoded text.
    private static func isSlugByte(_ b: UInt8) -> Bool {
        isHostByte(b) && b != UInt8(ascii: ":") || b == UInt8(ascii: "%") || b == UInt8(ascii: "_")
    }
}
