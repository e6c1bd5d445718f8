import Markup
import ThreadModel

/// Imports a Hacker News thread as the Algolia API returns it (`hn.algolia.com/api/v1/items/<id>`).
///
/// The response is one nested tree of items under `children`. Its root is usually the story;
/// when it is a comment (a subtree was saved), that comment is the article, as on the
/// comment's own page on Hacker News. A poll's options come in the root's `options` (`pollopt` items,
/// as algolia/hn-search serializes a poll): they are the article's lines with their votes, never comments.
enum HackerNewsAlgolia {
    /// One node of the tree; every field optional, since old responses lack some.
    struct Item {
        var id: Int64?
        var type: String?
        var author: String?
        var createdAt: String?
        var createdAtI: Int64?
        var text: String?
        var title: String?
        var url: String?
        var points: Int64?
        var descendants: Int64?

        init(_ tree: inout JSONTree, _ node: Int32, notes: inout ImportNotes) {
            id = tree.integer(node, "id")
            type = tree.string(node, "type")
            author = tree.string(node, "author")
            createdAt = notes.time(tree.string(node, "created_at"))
            createdAtI = tree.integer(node, "created_at_i")
            text = tree.string(node, "text")
            title = tree.string(node, "title")
            url = tree.string(node, "url")
            points = tree.integer(node, "points")
            descendants = tree.integer(node, "descendants") ?? tree.integer(node, "num_comments")
        }
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var tree = try ImportSupport.tree(bytes, deferring: ["children"])
        let rootNode = tree.root
        guard tree.kind(rootNode) == .object else {
            throw DocumentError(kind: .shape("a Hacker News item must be a JSON object", line: 0, column: 0))
        }
        var notes = ImportNotes()
        let root = Item(&tree, rootNode, notes: &notes)
        let article = article(of: root)
        // The story's author is the original poster; a saved comment subtree has none.
        let poster = root.type == "story" || root.title != nil ? root.author : nil
        var builder = DiscussionBuilder(article: article)
        // A poll's options, in the answer's order: the root's `options`, and any `pollopt` among the children.
        var options: [Item] = []
        for node in tree.elements(tree.typed(rootNode, "options", .array) ?? -1) where tree.kind(node) == .object {
            options.append(Item(&tree, node, notes: &notes))
        }
        let top = tree.typed(rootNode, "children", .array) ?? -1
        // Only the top level is counted ahead; replies grow the arrays, reserved past the text's bytes.
        builder.reserveCapacity(comments: tree.elementCount(top), textBytes: ImportSupport.textReserve(bytes))
        var seen = Set<Int64>()
        // Explicit stack of (children still to read, index of their parent): no recursion over
        // depth. Each item is read from the bytes as its turn comes and dropped after it is added.
        var pending: [(children: ElementCursor, parent: Int?)] = [(tree.cursor(top), nil)]
        while var level = pending.popLast() {
            guard let node = tree.next(&level.children) else { continue }
            pending.append(level)
            guard tree.kind(node) == .object else {
                notes.skipped += 1
                continue
            }
            let item = Item(&tree, node, notes: &notes)
            if item.type == "pollopt" {
                options.append(item)
                continue
            }
            let children = tree.cursor(tree.typed(node, "children", .array) ?? -1)
            if let id = item.id, !seen.insert(id).inserted {
                // The repeat is left out, its replies are not: they take its place.
                notes.duplicates += 1
                pending.append((children, level.parent))
                continue
            }
            let index = builder.add(comment(of: item, poster: poster), under: level.parent)
            pending.append((children, index))
        }
        if !options.isEmpty {
            builder.article.body += HackerNewsPoll.lines(options.map { ($0.text, $0.points) })
        } else if root.type == "poll" {
            builder.article.body += HackerNewsPoll.optionsMissing
        }
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
    }

    static func article(of root: Item) -> Article {
        let isComment = root.type == "comment" || (root.title == nil && root.type != "story")
        let title: String
        if let given = root.title, !given.isEmpty {
            title = HTMLEntities.decode(given)
        } else if isComment {
            title = "Comment by \(root.author ?? "unknown") on Hacker News"
        } else {
            title = "Untitled"
        }
        let itemURL = root.id.map { "https://news.ycombinator.com/item?id=\($0)" }
        var article = Article(
            id: root.id.map(String.init), title: title, author: root.author,
            published: published(root), url: root.url.flatMap { $0.isEmpty ? nil : $0 } ?? itemURL,
            source: "Hacker News", body: ImportSupport.paragraphs(HTMLText.convert(root.text ?? ""))
        )
        // A comment's points are not shown on Hacker News; a story's are, and its comment count.
        if !isComment { (article.score, article.commentCount) = (root.points, root.descendants) }
        return article
    }

    static func comment(of item: Item, poster: String? = nil) -> Comment {
        // Algolia keeps a deleted or dead comment as a node with neither author nor text.
        let deleted = item.author == nil && item.text == nil
        return Comment(
            id: item.id.map { .integer($0) }, author: item.author, published: published(item),
            score: item.points, body: item.text.map(HTMLText.convert), deleted: deleted ? true : nil,
            op: ImportSupport.op(item.author, poster: poster)
        )
    }

    private static func published(_ item: Item) -> String? {
        item.createdAt ?? item.createdAtI.flatMap { ImportSupport.iso8601(epoch: Double($0)) }
    }
}
