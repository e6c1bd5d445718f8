import Markup
import ThreadModel

/// Imports a Lobsters story saved from `/s/<short_id>.json`: the story and a flat `comments`
/// list in display order.
///
/// Nesting comes from `parent_comment` when the key is there (2022+), else from `depth`
/// (0-based, 2024+), else from `indent_level` (1-based, older).
enum Lobsters {
    struct Story {
        var shortId: String?
        var shortIdUrl: String?
        var createdAt: String?
        var title: String?
        var url: String?
        var description: String?
        var tags: [String]?
        var submitter: String?
        var score: Int64?
        var commentCount: Int64?
    }

    struct StoryComment {
        var shortId: String?
        var createdAt: String?
        var isDeleted: Bool?
        var isModerated: Bool?
        var score: Int64?
        var comment: String?
        var commentingUser: String?
        /// Only the object form of a user (up to 2023) says whether they moderate.
        var role: CommentRole?
        /// Nil when the key is absent; `.some(nil)` for a top-level comment of the 2022+ format.
        var parentComment: String??
        var depth: Int64?
        var indentLevel: Int64?

        init(_ tree: inout JSONTree, _ node: Int32, notes: inout ImportNotes) {
            shortId = tree.string(node, "short_id")
            createdAt = notes.time(tree.string(node, "created_at"))
            isDeleted = tree.bool(node, "is_deleted")
            isModerated = tree.bool(node, "is_moderated")
            score = tree.integer(node, "score")
            comment = tree.string(node, "comment")
            commentingUser = Lobsters.user(&tree, node, "commenting_user")
            if let user = tree.member(node, "commenting_user"), tree.kind(user) == .object {
                role =
                    tree.bool(user, "is_admin") == true
                    ? .admin : tree.bool(user, "is_moderator") == true ? .moderator : nil
            }
            if tree.has(node, "parent_comment") { parentComment = .some(tree.string(node, "parent_comment")) }
            depth = tree.integer(node, "depth")
            indentLevel = tree.integer(node, "indent_level")
        }
    }

    /// A user: an object with `username` up to 2023, a plain string since.
    static func user(_ tree: inout JSONTree, _ node: Int32, _ name: StaticString) -> String? {
        guard let user = tree.member(node, name) else { return nil }
        if tree.kind(user) == .object { return tree.string(user, "username") }
        return tree.string(node, name)
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var tree = try ImportSupport.tree(bytes, deferring: ["comments"])
        let root = tree.root
        guard tree.kind(root) == .object else {
            throw DocumentError(kind: .shape("a Lobsters story must be a JSON object", line: 0, column: 0))
        }
        var notes = ImportNotes()
        let story = story(&tree, root, notes: &notes)
        var builder = DiscussionBuilder(article: article(of: story))
        let list = tree.typed(root, "comments", .array) ?? -1
        builder.reserveCapacity(comments: tree.elementCount(list), textBytes: ImportSupport.textReserve(bytes))
        // The open ancestors of the list's current position, for comments placed by level.
        var path: [Int] = []
        // Each comment goes to the builder as it is read; loops are broken in the builder afterwards.
        var cursor = tree.cursor(list)
        while let node = tree.next(&cursor) {
            guard tree.kind(node) == .object else {
                notes.skipped += 1
                continue
            }
            let item = StoryComment(&tree, node, notes: &notes)
            if let id = item.shortId, builder.hasComment(withID: id) {
                notes.duplicates += 1
                continue
            }
            var comment = Comment(
                id: item.shortId.map { .string($0) }, author: item.commentingUser, published: item.createdAt,
                score: item.score, body: item.comment.map(HTMLText.convert),
                deleted: item.isDeleted == true || item.isModerated == true ? true : nil,
                op: ImportSupport.op(item.commentingUser, poster: story.submitter), role: item.role
            )
            let index = builder.count
            // Levels are clamped before any arithmetic: a file may say `Int64.max` or `-5`. A level
            // that skips ahead hangs under the deepest ancestor there is.
            let deepest = Int64(path.count + 1)
            let level: Int
            var under: Int?
            if let parent = item.parentComment {
                comment.parent = parent.map { .string($0) }
                // Keeps `path` usable if a later comment of the file has only a level.
                level = parent == nil ? 1 : path.count + 1
            } else {
                let given = item.depth.map { min(max($0, 0), deepest - 1) + 1 } ?? item.indentLevel ?? 1
                level = Int(min(max(given, 1), deepest))
                path.removeLast(path.count - (level - 1))
                under = path.last
            }
            builder.add(comment, under: under)
            path.removeLast(max(0, path.count - (level - 1)))
            path.append(index)
        }
        ImportSupport.breakLoops(&builder, notes: &notes)
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
    }

    static func story(_ tree: inout JSONTree, _ root: Int32, notes: inout ImportNotes) -> Story {
        var tags: [String]?
        if let list = tree.typed(root, "tags", .array) {
            tags = tree.elements(list).compactMap { node in
                guard tree.kind(node) == .string else {
                    tree.wrongFields += 1
                    return nil
                }
                return tree.bytes.string(tree.nodes[Int(node)].text)
            }
        }
        return Story(
            shortId: tree.string(root, "short_id"), shortIdUrl: tree.string(root, "short_id_url"),
            createdAt: notes.time(tree.string(root, "created_at")), title: tree.string(root, "title"),
            url: tree.string(root, "url"), description: tree.string(root, "description"), tags: tags,
            submitter: user(&tree, root, "submitter_user"), score: tree.integer(root, "score"),
            commentCount: tree.integer(root, "comment_count"))
    }

    static func article(of story: Story) -> Article {
        let title = story.title.flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled"
        var article = Article(
            id: story.shortId, title: title, author: story.submitter, published: story.createdAt,
            url: story.url.flatMap { $0.isEmpty ? nil : $0 } ?? story.shortIdUrl, source: "Lobsters",
            tags: story.tags, body: ImportSupport.paragraphs(HTMLText.convert(story.description ?? ""))
        )
        (article.score, article.commentCount) = (story.score, story.commentCount)
        return article
    }
}
