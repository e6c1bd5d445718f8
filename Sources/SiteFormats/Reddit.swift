import Markup
import ThreadModel

/// Imports a Reddit thread saved from `<thread-url>.json`: a pair of listings, the post
/// and the comment tree.
///
/// `more` stubs (replies Reddit did not send) become one-line placeholders at their place.
/// Bodies are Markdown, HTML-entity-escaped when saved without `raw_json=1`.
enum Reddit {
    /// The fields of a `t3` post, a `t1` comment or a `more` stub that tread shows.
    struct ThingData {
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
        var isSubmitter: Bool?
        var distinguished: String?
        /// The post's own facts, for the article header.
        var numComments: Int64?
        var marks: [String] = []

        init(_ tree: inout JSONTree, _ node: Int32) {
            id = tree.string(node, "id")
            title = tree.string(node, "title")
            author = tree.string(node, "author")
            subreddit = tree.string(node, "subreddit")
            permalink = tree.string(node, "permalink")
            url = tree.string(node, "url")
            selftext = tree.string(node, "selftext")
            selftextHtml = tree.string(node, "selftext_html")
            body = tree.string(node, "body")
            bodyHtml = tree.string(node, "body_html")
            score = tree.integer(node, "score")
            createdUtc = tree.double(node, "created_utc")
            count = tree.integer(node, "count")
            isSubmitter = tree.bool(node, "is_submitter")
            distinguished = tree.string(node, "distinguished")
            numComments = tree.integer(node, "num_comments")
            if title != nil {
                if tree.bool(node, "stickied") == true { marks.append("stickied") }
                if tree.bool(node, "over_18") == true { marks.append("NSFW") }
                if tree.bool(node, "spoiler") == true { marks.append("spoiler") }
                if tree.bool(node, "locked") == true { marks.append("locked") }
                if tree.string(node, "removed_by_category") != nil { marks.append("removed") }
                if let flair = tree.string(node, "link_flair_text"), !flair.isEmpty { marks.append(flair) }
            }
        }
    }

    /// The things of a listing (`{"kind": "Listing", "data": {"children": [...]}}`); none for anything else.
    private static func children(_ tree: JSONTree, _ listing: Int32) -> ElementCursor {
        tree.cursor(tree.member(tree.member(listing, "data") ?? -1, "children") ?? -1)
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var tree = try ImportSupport.tree(bytes, deferring: ["children"])
        let listings = tree.kind(tree.root) == .array ? tree.elements(tree.root) : []
        var posts = listings.first.map { children(tree, $0) } ?? tree.cursor(-1)
        guard let postNode = tree.next(&posts).flatMap({ tree.member($0, "data") }), tree.kind(postNode) == .object
        else {
            throw DocumentError(kind: .shape("the first Reddit listing holds no post", line: 0, column: 0))
        }
        let post = ThingData(&tree, postNode)
        // Read before the comments are: reading them drops the post's nodes.
        let pollNode = tree.typed(postNode, "poll_data", .object)
        let poll = pollNode.map { pollLines(&tree, $0) } ?? []
        let top = listings.count > 1 ? children(tree, listings[1]) : tree.cursor(-1)
        // The title has no HTML twin: a link post's title is escaped when its comments' HTML is.
        var firstHTML: String?
        var scan = top
        while firstHTML == nil, let thing = tree.next(&scan) {
            if let html = tree.member(tree.member(thing, "data") ?? -1, "body_html"), tree.kind(html) == .string {
                firstHTML = tree.bytes.string(tree.nodes[Int(html)].text)
            }
        }
        let fileEscaped = isEscaped(post.selftextHtml) ?? isEscaped(firstHTML) ?? false
        var builder = DiscussionBuilder(article: article(of: post, escaped: fileEscaped))
        builder.article.body += poll.map { fileEscaped ? HTMLEntities.decode($0) : $0 }
        let topList = listings.count > 1 ? tree.member(tree.member(listings[1], "data") ?? -1, "children") ?? -1 : -1
        builder.reserveCapacity(comments: tree.elementCount(topList), textBytes: ImportSupport.textReserve(bytes))
        var notes = ImportNotes()
        // Explicit stack of (things still to read, index of their parent): no recursion over depth.
        // Each thing is read from the bytes as its turn comes and dropped after it is added.
        var pending: [(things: ElementCursor, parent: Int?)] = [(top, nil)]
        while var level = pending.popLast() {
            guard let thing = tree.next(&level.things) else { continue }
            pending.append(level)
            guard let node = tree.member(thing, "data"), tree.kind(node) == .object else {
                notes.skipped += 1
                continue
            }
            switch tree.string(thing, "kind") {
            case "more":
                builder.addPlaceholder(
                    MoreStub.line(count: tree.integer(node, "count") ?? 0), more: moreStub(&tree, node, post: post.id),
                    under: level.parent)
            case "t1":
                let data = ThingData(&tree, node)
                // `replies` is `""` when there are none.
                let replies = tree.member(node, "replies").map { children(tree, $0) } ?? tree.cursor(-1)
                if let id = data.id, builder.hasComment(withID: id) {
                    // The repeat is left out, its replies are not: they take its place.
                    notes.duplicates += 1
                    pending.append((replies, level.parent))
                    continue
                }
                let escaped = isEscaped(data.bodyHtml) ?? fileEscaped
                var comment = comment(of: data, escaped: escaped)
                // Older files lack `is_submitter`: the post's author is the original poster then too.
                comment.op =
                    data.isSubmitter.map { $0 ? true : nil } ?? ImportSupport.op(data.author, poster: post.author)
                let index = builder.add(comment, under: level.parent)
                pending.append((replies, index))
            default:
                notes.skipped += 1
            }
        }
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
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
        var article = Article(
            id: post.id, title: title, author: post.author,
            published: post.createdUtc.flatMap { ImportSupport.iso8601(epoch: $0) },
            url: post.url.map(decode).flatMap { $0.isEmpty ? nil : $0 } ?? permalink,
            source: post.subreddit.map { "Reddit r/\($0)" } ?? "Reddit",
            body: ImportSupport.paragraphs(MarkdownText.convert(post.selftext ?? "", entityEscaped: escaped))
        )
        (article.score, article.commentCount) = (post.score, post.numComments)
        article.marks = post.marks.isEmpty ? nil : post.marks.map(decode)
        return article
    }

    static func comment(of data: ThingData, escaped: Bool) -> Comment {
        let body = data.body.map { MarkdownText.convert($0, entityEscaped: escaped) }
        // "[deleted]" (by its author) and "[removed]" (by a moderator) keep their place and replies.
        let deleted = body == "[deleted]" || body == "[removed]"
        return Comment(
            id: data.id.map { .string($0) }, author: data.author,
            published: data.createdUtc.flatMap { ImportSupport.iso8601(epoch: $0) }, score: data.score,
            body: body, deleted: deleted ? true : nil,
            role: data.distinguished.flatMap { CommentRole(named: $0) }
        )
    }
}
