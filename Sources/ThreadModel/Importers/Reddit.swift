/// Imports a Reddit thread saved from `<thread-url>.json`: a pair of listings, the post
/// and the comment tree.
///
/// `more` stubs (replies Reddit did not send) become one-line placeholders at their place.
/// Bodies are Markdown, HTML-entity-escaped when saved without `raw_json=1`.
enum Reddit {
    struct Listing: Decodable {
        var data: ListingData?
    }

    struct ListingData: Decodable {
        var children: [Lossy<Thing>]?
    }

    /// A `t3` post, a `t1` comment or a `more` stub.
    struct Thing: Decodable {
        var kind: String?
        var data: ThingData?
    }

    struct ThingData: Decodable {
        var id: String?
        var title: String?
        var author: String?
        var subreddit: String?
        var permalink: String?
        var url: String?
        var selftext: String?
        var selftextHtml: String?
        var body: String?
        var bodyHtml: String?
        var score: Int64?
        var createdUtc: Double?
        var count: Int64?
        var replies: Replies?
    }

    /// A comment's `replies`: a listing, or `""` when there are none.
    struct Replies: Decodable {
        var listing: Listing?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if (try? container.decode(String.self)) != nil {
                listing = nil
            } else {
                listing = try container.decode(Listing.self)
            }
        }
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        let listings = try ImportSupport.decode([Listing].self, from: bytes)
        guard let postThing = listings.first?.data?.children?.first?.value, let post = postThing.data else {
            throw DocumentError(kind: .shape("the first Reddit listing holds no post", line: 0, column: 0))
        }
        let top = listings.count > 1 ? listings[1].data?.children ?? [] : []
        // The title has no HTML twin: a link post's title is escaped when its comments' HTML is.
        let firstHTML = top.lazy.compactMap { $0.value?.data?.bodyHtml }.first
        let fileEscaped = isEscaped(post.selftextHtml) ?? isEscaped(firstHTML) ?? false
        var builder = DiscussionBuilder(article: article(of: post, escaped: fileEscaped))
        var skipped = 0
        var duplicates = 0
        var seen = Set<String>()
        // Explicit stack of (things still to add, index of their parent): no recursion over depth.
        var pending: [(things: ArraySlice<Lossy<Thing>>, parent: Int?)] = [(top[...], nil)]
        while var level = pending.popLast() {
            guard let next = level.things.popFirst() else { continue }
            pending.append(level)
            guard let thing = next.value, let data = thing.data else {
                skipped += 1
                continue
            }
            switch thing.kind {
            case "more":
                builder.addPlaceholder(moreLine(count: data.count ?? 0), under: level.parent)
            case "t1":
                if let id = data.id, !seen.insert(id).inserted {
                    duplicates += 1
                    continue
                }
                let escaped = isEscaped(data.bodyHtml) ?? fileEscaped
                let index = builder.add(comment(of: data, escaped: escaped), under: level.parent)
                if let children = data.replies?.listing?.data?.children, !children.isEmpty {
                    pending.append((children[...], index))
                }
            default:
                skipped += 1
            }
        }
        builder.notes = ImportSupport.notes(skipped: skipped, duplicates: duplicates)
        return try builder.build()
    }

    /// The line a `more` stub shows; a count of 0 is Reddit's "continue this thread" link.
    static func moreLine(count: Int64) -> String {
        switch count {
        case ...0: return "more replies not in this file (continue this thread)"
        case 1: return "1 more reply not in this file"
        default: return "\(count) more replies not in this file"
        }
    }

    /// Whether text was saved entity-escaped, told by its HTML twin: without `raw_json=1`
    /// the HTML is escaped twice and starts with `&lt;`. Nil when there is no HTML to tell.
    static func isEscaped(_ html: String?) -> Bool? {
        guard let html, !html.isEmpty else { return nil }
        return html.hasPrefix("&lt;")
    }

    static func article(of post: ThingData, escaped: Bool) -> Article {
        let decode = { (text: String) in escaped ? HTMLEntities.decode(text) : text }
        let permalink = post.permalink.map { $0.hasPrefix("/") ? "https://www.reddit.com" + $0 : $0 }
        let title = post.title.map(decode).flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled"
        return Article(
            id: post.id, title: title, author: post.author,
            published: post.createdUtc.flatMap { ImportSupport.iso8601(epoch: $0) },
            url: post.url.map(decode).flatMap { $0.isEmpty ? nil : $0 } ?? permalink,
            source: post.subreddit.map { "Reddit r/\($0)" } ?? "Reddit",
            body: ImportSupport.paragraphs(MarkdownText.convert(post.selftext ?? "", entityEscaped: escaped))
        )
    }

    static func comment(of data: ThingData, escaped: Bool) -> Comment {
        let body = data.body.map { MarkdownText.convert($0, entityEscaped: escaped) }
        // "[deleted]" (by its author) and "[removed]" (by a moderator) keep their place and replies.
        let deleted = body == "[deleted]" || body == "[removed]"
        return Comment(
            id: data.id.map { .string($0) }, author: data.author,
            published: data.createdUtc.flatMap { ImportSupport.iso8601(epoch: $0) }, score: data.score,
            body: body, deleted: deleted ? true : nil
        )
    }
}
