import Markup
import ThreadModel

/// Imports a Bluesky thread saved from `app.bsky.feed.getPostThread` (`{"thread": …}`).
///
/// The answer is nested: the post asked for, its `parent` chain up to the thread's root, and its
/// `replies`, each a thread view of its own. Both directions are walked with explicit loops, so
/// any depth is safe. The topmost parent is the article (a deleted or blocked root leaves a
/// stand-in article); the chain below it and the replies are comments. Blocked and not-found
/// posts are placeholders, never comments; replies the site counts but did not send (past the
/// depth asked for, or siblings of a parent) become "more replies" placeholders.
enum Bluesky {
    /// What one thread view holds.
    enum Node {
        case post(Int32)
        case notFound
        case blocked
        case other
    }

    static func node(_ tree: inout JSONTree, _ view: Int32) -> Node {
        guard tree.kind(view) == .object else { return .other }
        let type = tree.string(view, "$type") ?? ""
        if type.hasSuffix("#notFoundPost") || tree.bool(view, "notFound") == true { return .notFound }
        if type.hasSuffix("#blockedPost") || tree.bool(view, "blocked") == true { return .blocked }
        if let post = tree.typed(view, "post", .object) { return .post(post) }
        return .other
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var tree = try ImportSupport.tree(bytes, deferring: ["replies"])
        var notes = ImportNotes()
        guard let focus = tree.typed(tree.root, "thread", .object) else {
            throw DocumentError(
                kind: .shape("a Bluesky file must hold a thread (getPostThread's answer)", line: 0, column: 0))
        }
        switch node(&tree, focus) {
        case .post: break
        case .notFound:
            throw DocumentError(kind: .shape("the Bluesky post was deleted (not found)", line: 0, column: 0))
        case .blocked: throw DocumentError(kind: .shape("the Bluesky post is blocked", line: 0, column: 0))
        case .other: throw DocumentError(kind: .shape("the Bluesky thread holds no post", line: 0, column: 0))
        }
        // The chain from the post asked for up to the root, without recursion.
        var chain: [Int32] = [focus]
        while let last = chain.last, let parent = tree.typed(last, "parent", .object) { chain.append(parent) }
        let top = chain.removeLast()
        // The root is the article, not a comment: a post repeating it is a duplicate too.
        var rootURI: String?
        var rootDID: String?
        let article: Article
        switch node(&tree, top) {
        case .post(let post):
            let root = Post(&tree, post, notes: &notes)
            rootDID = root.did
            rootURI = root.uri
            article = Article(
                id: root.uri, title: title(of: root), author: root.author, published: root.createdAt,
                url: root.uri.flatMap(webAddress), source: "Bluesky", body: ImportSupport.paragraphs(root.text))
        case .blocked:
            article = Article(title: "[blocked post]", source: "Bluesky", body: ["[blocked post]"])
        default:
            article = Article(title: "[deleted post]", source: "Bluesky", body: ["[deleted post]"])
        }
        var builder = DiscussionBuilder(article: article)
        // Siblings of the chain's posts were not sent: one line says how many, after the one that was.
        var siblings: [(count: Int64, uri: String?, parent: Int?)] = []
        if case .post(let post) = node(&tree, top), !chain.isEmpty {
            siblings.append(((tree.integer(post, "replyCount") ?? 0) - 1, tree.string(post, "uri"), nil))
        }
        var parentIndex: Int?
        for view in chain.reversed() {
            let index = add(
                &builder, &tree, view, under: parentIndex, rootDID: rootDID, rootURI: rootURI, notes: &notes)
            if view != focus, case .post(let post) = node(&tree, view) {
                siblings.append(((tree.integer(post, "replyCount") ?? 0) - 1, tree.string(post, "uri"), index))
            }
            parentIndex = index ?? parentIndex
        }
        // The replies below the post asked for, depth first in the site's order, with an explicit stack.
        // Each reply is read from the bytes as its turn comes and dropped after it is added.
        var pending: [(views: ElementCursor, parent: Int?)] = []
        let focusIndex = chain.isEmpty ? nil : parentIndex
        // The post asked for always comes with its replies: without them it has none to fetch (and a
        // stub for them would fetch this same answer again).
        replies(&tree, focus, into: &pending, builder: &builder, under: focusIndex, missing: false)
        while var level = pending.popLast() {
            guard let view = tree.next(&level.views) else { continue }
            pending.append(level)
            let index = add(
                &builder, &tree, view, under: level.parent, rootDID: rootDID, rootURI: rootURI, notes: &notes)
            if let index { replies(&tree, view, into: &pending, builder: &builder, under: index) }
        }
        for sibling in siblings {
            addMissing(&builder, count: sibling.count, of: sibling.uri, under: sibling.parent)
        }
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
    }

    /// Queues the `replies` of a thread view, or, when the site did not send them, says how many there are.
    private static func replies(
        _ tree: inout JSONTree, _ view: Int32, into pending: inout [(views: ElementCursor, parent: Int?)],
        builder: inout DiscussionBuilder, under parent: Int?, missing: Bool = true
    ) {
        if let list = tree.typed(view, "replies", .array) {
            pending.append((tree.cursor(list), parent))
        } else if missing, case .post(let post) = node(&tree, view) {
            let uri = tree.string(post, "uri")
            addMissing(&builder, count: tree.integer(post, "replyCount") ?? 0, of: uri, under: parent)
        }
    }

    /// The line for `count` replies of post `uri` not sent; Enter fetches them (the post's `more`).
    private static func addMissing(
        _ builder: inout DiscussionBuilder, count: Int64, of uri: String?, under parent: Int?
    ) {
        guard count > 0 else { return }
        let more = uri.flatMap { MoreStub.bluesky(post: $0, count: count) }
        builder.addPlaceholder(MoreStub.line(count: count), more: more, under: parent)
    }

    /// Adds one thread view: a post as a comment, a blocked or missing one as a placeholder.
    /// Returns the index of a comment that replies can go under.
    private static func add(
        _ builder: inout DiscussionBuilder, _ tree: inout JSONTree, _ view: Int32, under parent: Int?,
        rootDID: String?, rootURI: String?, notes: inout ImportNotes
    ) -> Int? {
        switch node(&tree, view) {
        case .post(let node):
            let post = Post(&tree, node, notes: &notes)
            if let uri = post.uri, uri == rootURI || builder.hasComment(withID: uri) {
                notes.duplicates += 1
                return nil
            }
            let comment = Comment(
                id: post.uri.map { .string($0) }, author: post.author, published: post.createdAt, score: post.score,
                body: post.text.isEmpty ? "[post with no text]" : post.text,
                op: post.did != nil && post.did == rootDID ? true : nil)
            return builder.add(comment, under: parent)
        case .notFound:
            builder.addPlaceholder("[deleted post]", under: parent)
        case .blocked:
            builder.addPlaceholder("[blocked post]", under: parent)
        case .other:
            notes.skipped += 1
        }
        return nil
    }

    static func title(of post: Post) -> String {
        if let first = post.text.split(separator: "\n").first, !first.hasPrefix("[") {
            return ImportSupport.headline(String(first))
        }
        return "Bluesky post" + (post.handle.map { " by @\($0)" } ?? "")
    }

    /// `at://DID/app.bsky.feed.post/RKEY` as the post's page, `https://bsky.app/profile/DID/post/RKEY`.
    static func webAddress(_ uri: String) -> String? {
        let parts = uri.split(separator: "/", omittingEmptySubsequences: true)
        guard uri.hasPrefix("at://"), parts.count == 4, parts[2] == "app.bsky.feed.post",
            parts[1].allSatisfy({ $0.isLetter || $0.isNumber || ":._-".contains($0) }),
            parts[3].allSatisfy({ $0.isLetter || $0.isNumber || "._~:-".contains($0) })
        else { return nil }
        return "https://bsky.app/profile/\(parts[1])/post/\(parts[3])"
    }
}
