/// Imports a Hacker News thread as the Algolia API returns it (`hn.algolia.com/api/v1/items/<id>`).
///
/// The response is one nested tree of items under `children`. Its root is usually the story;
/// when it is a comment (a subtree was saved), that comment is the article, as on the
/// comment's own page on Hacker News.
enum HackerNewsAlgolia {
    /// One node of the tree; every field optional, since old responses lack some.
    struct Item: Decodable {
        var id: Int64?
        var type: String?
        var author: String?
        var createdAt: String?
        var createdAtI: Int64?
        var text: String?
        var title: String?
        var url: String?
        var points: Int64?
        var storyId: Int64?
        var children: [Lossy<Item>]?
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        let root = try ImportSupport.decode(Item.self, from: bytes)
        var builder = DiscussionBuilder(article: article(of: root))
        var skipped = 0
        var duplicates = 0
        var seen = Set<Int64>()
        // Explicit stack of (children still to add, index of their parent): no recursion over depth.
        var pending: [(items: ArraySlice<Lossy<Item>>, parent: Int?)] = [((root.children ?? [])[...], nil)]
        while var top = pending.popLast() {
            guard let next = top.items.popFirst() else { continue }
            pending.append(top)
            guard let item = next.value else {
                skipped += 1
                continue
            }
            if let id = item.id, !seen.insert(id).inserted {
                duplicates += 1
                continue
            }
            let index = builder.add(comment(of: item), under: top.parent)
            if let children = item.children, !children.isEmpty { pending.append((children[...], index)) }
        }
        builder.notes = ImportSupport.notes(skipped: skipped, duplicates: duplicates)
        return try builder.build()
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
        return Article(
            id: root.id.map(String.init), title: title, author: root.author,
            published: published(root), url: root.url.flatMap { $0.isEmpty ? nil : $0 } ?? itemURL,
            source: "Hacker News", body: ImportSupport.paragraphs(HTMLText.convert(root.text ?? ""))
        )
    }

    static func comment(of item: Item) -> Comment {
        // Algolia keeps a deleted or dead comment as a node with neither author nor text.
        let deleted = item.author == nil && item.text == nil
        return Comment(
            id: item.id.map { .integer($0) }, author: item.author, published: published(item),
            score: item.points, body: item.text.map(HTMLText.convert), deleted: deleted ? true : nil
        )
    }

    private static func published(_ item: Item) -> String? {
        item.createdAt ?? item.createdAtI.flatMap { ImportSupport.iso8601(epoch: Double($0)) }
    }
}
