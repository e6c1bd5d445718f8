import Markup
import ThreadModel

/// Imports a Hacker News thread saved from the official API (`/v0/item/<id>.json`), one
/// response per item: a JSON array of items, or JSON lines.
///
/// The tree comes from each item's `kids`, whose order is the display order; the file's
/// order means nothing. Deleted and dead items keep their place and their replies.
enum HackerNewsItems {
    /// One API item; every field optional, a deleted item has only `id`, `type`, `time`, `parent`.
    struct Item {
        var id: Int64?
        var type: String?
        var by: String?
        var time: Int64?
        /// The item's HTML, where it lies in the file: decoded only when converted.
        var text = TextRef.absent
        var url: String?
        var title: String?
        var score: Int64?
        var kids: [Int64]?
        var parent: Int64?
        var deleted: Bool?
        var dead: Bool?
        var descendants: Int64?
        /// A poll's options, in order (`pollopt` items).
        var parts: [Int64]?

        init(_ tree: inout JSONTree, _ node: Int32) {
            id = tree.integer(node, "id")
            type = tree.string(node, "type")
            by = tree.string(node, "by")
            time = tree.integer(node, "time")
            if let html = tree.typed(node, "text", .string) { text = tree.nodes[Int(html)].text }
            url = tree.string(node, "url")
            title = tree.string(node, "title")
            score = tree.integer(node, "score")
            if let list = tree.typed(node, "kids", .array) {
                kids = tree.elements(list).compactMap { kid in
                    guard let id = tree.integer(kid) else {
                        tree.wrongFields += 1
                        return nil
                    }
                    return id
                }
            }
            if let list = tree.typed(node, "parts", .array) {
                parts = tree.elements(list).compactMap { tree.integer($0) }
            }
            parent = tree.integer(node, "parent")
            descendants = tree.integer(node, "descendants")
            deleted = tree.bool(node, "deleted")
            dead = tree.bool(node, "dead")
        }
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var notes = ImportNotes()
        var byID: [Int64: Int] = [:]
        var items: [Item] = []
        // The items are read one by one from the bytes, an array's elements or the values (see `itemTree`).
        var (tree, spans) = try itemTree(bytes, notes: &notes)
        var cursor = tree.cursor(tree.root)
        var nextSpan = 0
        items.reserveCapacity(tree.elementCount(tree.root) + spans.count)
        while true {
            let node: Int32
            if let element = tree.next(&cursor) {
                node = element
            } else if nextSpan < spans.count, let value = tree.value(spans[nextSpan]) {
                node = value
                nextSpan += 1
            } else {
                break
            }
            guard tree.kind(node) == .object else {
                notes.skipped += 1
                continue
            }
            let item = Item(&tree, node)
            guard let id = item.id else {
                notes.skipped += 1
                continue
            }
            if byID[id] != nil {
                notes.duplicates += 1
                continue
            }
            byID[id] = items.count
            items.append(item)
        }
        guard let rootIndex = root(of: items, byID: byID) else {
            guard items.isEmpty else { throw DocumentError(kind: .parentLoop(loop(in: items, byID: byID))) }
            throw DocumentError(kind: .shape("the file holds no Hacker News items", line: 0, column: 0))
        }
        let story = items[rootIndex]
        // The story's `by` is the original poster; a saved comment subtree has none.
        let poster = story.type == "comment" ? nil : story.by
        var placed = [Bool](repeating: false, count: items.count)
        placed[rootIndex] = true
        // A poll's options are the article's, with their votes; not comments.
        var opening = Self.article(of: story, bytes: bytes)
        let options = items.indices.filter { items[$0].type == "pollopt" }
        for k in options { placed[k] = true }
        opening.body += pollLines(story: story, options: options.map { items[$0] }, bytes: bytes)
        var builder = DiscussionBuilder(article: opening)
        builder.reserveCapacity(comments: items.count, textBytes: ImportSupport.textReserve(bytes))
        // Explicit stack of (kids still to add, index of their parent): no recursion over depth.
        var pending: [(kids: ArraySlice<Int64>, parent: Int?)] = [((story.kids ?? [])[...], nil)]
        while var top = pending.popLast() {
            guard let kid = top.kids.popFirst() else { continue }
            pending.append(top)
            // A kid not in the file was not saved; one already placed would make a loop.
            guard let k = byID[kid], !placed[k] else { continue }
            placed[k] = true
            let index = builder.add(comment(of: items[k], poster: poster, bytes: bytes), under: top.parent)
            if let kids = items[k].kids, !kids.isEmpty { pending.append((kids[...], index)) }
        }
        // Items no `kids` list reaches still show: under their `parent` when it is here, else at the top, marked.
        var rest: [Comment] = []
        for k in items.indices where !placed[k] {
            var comment = comment(of: items[k], poster: poster, bytes: bytes)
            comment.parent = items[k].parent.map { .integer($0) }
            rest.append(comment)
        }
        ImportSupport.breakLoops(&rest, notes: &notes)
        for comment in rest { builder.add(comment) }
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
    }

    /// The ids of a loop of parents, when every item replies to another here (no story is left):
    /// from the first item up its parents until one comes again, at most 8 of them.
    private static func loop(in items: [Item], byID: [Int64: Int]) -> [String] {
        var seen = Set<Int>()
        var order: [Int] = []
        var index = 0
        while seen.insert(index).inserted, let parent = items[index].parent, let next = byID[parent] {
            order.append(index)
            index = next
        }
        let cycle = order.drop { $0 != index } + [index]
        let ids = cycle.map { items[$0].id.map(String.init) ?? "?" }
        return ids.count > 8 ? Array(ids.prefix(7)) + ["…"] : ids
    }

    /// The items of an array (its root, deferred), or the spans of concatenated values or of JSON
    /// lines (`JSONTree.value(_:)` reads each); lines that do not parse are counted in `notes`.
    private static func itemTree(_ bytes: DocumentBytes, notes: inout ImportNotes) throws(DocumentError) -> (
        JSONTree, [ValueSpan]
    ) {
        var scanner = JSONScanner(bytes.buffer)
        scanner.position = bytes.byteOrderMarkLength
        if scanner.peek() == UInt8(ascii: "[") { return (try ImportSupport.tree(bytes, deferring: [], root: true), []) }
        // Items one after another, however laid out; when one is broken, line by line, so it costs only its line.
        if let (tree, spans) = try? JSONTree.values(of: bytes) { return (tree, spans) }
        let (tree, spans, broken) = JSONTree.lines(of: bytes)
        notes.brokenLines = broken
        return (tree, spans)
    }

    /// A poll's options as the article's lines (`HackerNewsPoll`), in the poll's `parts` order (any
    /// other after); a poll whose options were not saved says so.
    private static func pollLines(story: Item, options: [Item], bytes: DocumentBytes) -> [String] {
        guard !options.isEmpty else {
            return story.type == "poll" && !(story.parts ?? []).isEmpty ? HackerNewsPoll.optionsMissing : []
        }
        let order = Dictionary(
            (story.parts ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = options.enumerated().sorted {
            (order[$0.element.id ?? -1] ?? Int.max, $0.offset) < (order[$1.element.id ?? -1] ?? Int.max, $1.offset)
        }
        return HackerNewsPoll.lines(sorted.map { (bytes.string($0.element.text), $0.element.score) })
    }

    /// The story: the first item that is not a comment and replies to nothing here; else the first such comment.
    /// A poll's option (`pollopt`, which names its poll but no parent) is never the story.
    private static func root(of items: [Item], byID: [Int64: Int]) -> Int? {
        let tops = items.indices.filter {
            items[$0].type != "pollopt" && items[$0].parent.flatMap { byID[$0] } == nil
        }
        return tops.first { items[$0].type != "comment" } ?? tops.first
    }

    static func article(of story: Item, bytes: DocumentBytes) -> Article {
        let title: String
        if let given = story.title, !given.isEmpty {
            title = HTMLEntities.decode(given)
        } else if story.type == "comment" {
            title = "Comment by \(story.by ?? "unknown") on Hacker News"
        } else {
            title = story.deleted == true ? "[deleted story]" : "Untitled"
        }
        let itemURL = story.id.map { "https://news.ycombinator.com/item?id=\($0)" }
        var article = Article(
            id: story.id.map(String.init), title: title, author: story.by,
            published: story.time.flatMap { ImportSupport.iso8601(epoch: Double($0)) },
            url: story.url.flatMap { $0.isEmpty ? nil : $0 } ?? itemURL, source: "Hacker News",
            body: ImportSupport.paragraphs(HTMLText.convert(bytes.string(story.text) ?? ""))
        )
        if story.type != "comment" { (article.score, article.commentCount) = (story.score, story.descendants) }
        if story.dead == true { article.marks = ["dead"] }
        return article
    }

    static func comment(of item: Item, poster: String? = nil, bytes: DocumentBytes) -> Comment {
        Comment(
            id: item.id.map { .integer($0) }, author: item.by,
            published: item.time.flatMap { ImportSupport.iso8601(epoch: Double($0)) }, score: item.score,
            body: bytes.string(item.text).map(HTMLText.convert), deleted: item.deleted == true ? true : nil,
            op: ImportSupport.op(item.by, poster: poster)
        )
    }
}
