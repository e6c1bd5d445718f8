import Markup
import ThreadModel

/// Imports a Lemmy post saved from `/api/v3/post?id=ID` with its comments from
/// `/api/v3/comment/list?post_id=ID…`.
///
/// The answers are saved together: the post's answer with a `comments` member holding every
/// page's comments (what tread's fetcher writes), or an array of the post's answer followed by
/// comment pages (`[post, {"comments": […]}, …]`, as `jq -s` joins saved answers). The post is the
/// article; each comment goes under the comment its `path` (`0.12.345`) names before its own id.
/// Deleted and removed comments keep their place as `[deleted]` and `[removed]`; replies the
/// site counts but did not send (past `max_depth`) become a one-line placeholder.
enum Lemmy {
    /// The fields of a comment view that tread shows.
    struct CommentView {
        var id: Int64?
        var parent: Int64?
        var creatorID: Int64?
        var author: String?
        /// The comment's Markdown, where it lies in the response: decoded only when converted.
        var content = TextRef.absent
        var published: String?
        var deleted = false
        var removed = false
        var score: Int64?
        /// Lemmy's `child_count`: every descendant, not only direct replies.
        var childCount: Int64?
        /// The ids of the comment's ancestors, from its `path`, the parent last.
        var ancestors: [Int64] = []
        var role: CommentRole?

        init(_ tree: inout JSONTree, _ node: Int32, notes: inout ImportNotes) {
            let comment = tree.typed(node, "comment", .object) ?? -1
            id = tree.integer(comment, "id")
            creatorID = tree.integer(comment, "creator_id")
            if let text = tree.typed(comment, "content", .string) { content = tree.nodes[Int(text)].text }
            published = notes.time(tree.string(comment, "published") ?? tree.string(comment, "published_at"))
            deleted = tree.bool(comment, "deleted") == true
            removed = tree.bool(comment, "removed") == true
            // `path` is "0", then each ancestor's id, then the comment's own: "0.12.345".
            if let path = tree.string(comment, "path") {
                let parts = path.split(separator: ".")
                if parts.count >= 3 {
                    ancestors = parts.dropFirst().dropLast().compactMap { Int64($0) }
                    parent = ancestors.last
                }
            }
            let creator = tree.typed(node, "creator", .object) ?? -1
            if creator >= 0 {
                author = Lemmy.author(&tree, creator)
                if creatorID == nil { creatorID = tree.integer(creator, "id") }
            }
            let counts = tree.typed(node, "counts", .object) ?? -1
            score = tree.integer(counts, "score")
            if score == nil, let up = tree.integer(counts, "upvotes"), let down = tree.integer(counts, "downvotes") {
                score = up.subtractingReportingOverflow(down).overflow ? nil : up - down
            }
            childCount = tree.integer(counts, "child_count")
            // An admin is `creator.admin` before Lemmy 0.19, `creator_is_admin` since.
            role =
                tree.bool(node, "creator_is_admin") == true || tree.bool(creator, "admin") == true
                ? .admin
                : (tree.bool(node, "creator_is_moderator") == true || tree.bool(comment, "distinguished") == true)
                    ? .moderator : nil
        }
    }

    /// A person or community as Lemmy shows it: `name` for one of the instance's own (`local`),
    /// `name@instance` for one from elsewhere (the host of its `actor_id`).
    static func author(_ tree: inout JSONTree, _ person: Int32, qualified: Bool = false) -> String? {
        guard let name = tree.string(person, "name") else { return tree.string(person, "display_name") }
        if tree.bool(person, "local") == true && !qualified { return name }
        let actor = tree.string(person, "actor_id") ?? tree.string(person, "ap_id")
        guard let host = actor.flatMap(Mastodon.host) else { return name }
        return "\(name)@\(host)"
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var tree = try ImportSupport.tree(bytes, deferring: ["comments"])
        var notes = ImportNotes()
        let root = tree.root
        var answers: [Int32] = []
        switch tree.kind(root) {
        case .array: answers = tree.elements(root).filter { tree.kind($0) == .object }
        case .object: answers = [root]
        default: break
        }
        guard let postAnswer = answers.first, let postView = tree.typed(postAnswer, "post_view", .object) else {
            throw DocumentError(kind: .shape("a Lemmy file must hold a post (post_view)", line: 0, column: 0))
        }
        let post = tree.typed(postView, "post", .object) ?? -1
        let poster = tree.integer(post, "creator_id")
        var builder = DiscussionBuilder(article: article(&tree, postView, notes: &notes))
        var seen = Set<Int64>()
        var present: [Int64: Int64] = [:]
        var kept: [CommentView] = []
        let lists = answers.map { tree.typed($0, "comments", .array) ?? -1 }
        builder.reserveCapacity(
            comments: lists.reduce(0) { $0 + tree.elementCount($1) }, textBytes: ImportSupport.textReserve(bytes))
        // Each comment is read from the bytes as its turn comes and goes to the builder at once;
        // what is kept of it for the placeholders holds no text.
        for list in lists {
            var cursor = tree.cursor(list)
            while let node = tree.next(&cursor) {
                guard tree.kind(node) == .object else {
                    notes.skipped += 1
                    continue
                }
                var view = CommentView(&tree, node, notes: &notes)
                guard let id = view.id else {
                    notes.skipped += 1
                    continue
                }
                guard seen.insert(id).inserted else {
                    notes.duplicates += 1
                    continue
                }
                for ancestor in view.ancestors { present[ancestor, default: 0] += 1 }
                let gone = view.removed ? "[removed]" : view.deleted ? "[deleted]" : nil
                builder.add(
                    Comment(
                        id: .integer(id), parent: view.parent.map { .integer($0) },
                        author: gone == nil ? view.author : nil,
                        published: view.published, score: view.score,
                        body: gone ?? MarkdownText.convert(LemmyMarkdown.normalized(bytes.string(view.content) ?? "")),
                        deleted: gone == nil ? nil : true,
                        op: view.creatorID != nil && view.creatorID == poster ? true : nil, role: view.role))
                (view.author, view.published, view.ancestors) = (nil, nil, [])
                kept.append(view)
            }
        }
        ImportSupport.breakLoops(&builder, notes: &notes)
        // Replies past `max_depth` are counted but not sent. `child_count` counts every descendant,
        // so a comment's own line says how many are missing below it but not below a reply present.
        var missing: [Int64: Int64] = [:]
        for view in kept {
            guard let id = view.id else { continue }
            missing[id] = max(0, (view.childCount ?? 0) - (present[id] ?? 0))
        }
        var below: [Int64: Int64] = [:]
        for view in kept {
            if let id = view.id, let parent = view.parent { below[parent, default: 0] += missing[id] ?? 0 }
        }
        for view in kept {
            guard let id = view.id else { continue }
            let own = (missing[id] ?? 0) - (below[id] ?? 0)
            if own > 0 { builder.addPlaceholder(MoreStub.line(count: own), more: nil, parentID: .integer(id)) }
        }
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
    }

    /// The post as the article: its title, link, text, and `!community@instance` as the source.
    static func article(_ tree: inout JSONTree, _ postView: Int32, notes: inout ImportNotes) -> Article {
        let post = tree.typed(postView, "post", .object) ?? -1
        let id = tree.integer(post, "id")
        let title = tree.string(post, "name").flatMap { $0.isEmpty ? nil : $0 } ?? id.map { "Lemmy post \($0)" }
        var source = "Lemmy"
        if let community = tree.typed(postView, "community", .object),
            let name = author(&tree, community, qualified: true)
        {
            source = "Lemmy !" + name
        }
        let creator = tree.typed(postView, "creator", .object).flatMap { author(&tree, $0) }
        let body = tree.string(post, "body").map { MarkdownText.convert(LemmyMarkdown.normalized($0)) } ?? ""
        let removed =
            tree.bool(post, "removed") == true ? "[removed]" : tree.bool(post, "deleted") == true ? "[deleted]" : nil
        var article = Article(
            id: id.map(String.init), title: title ?? "Untitled", author: creator,
            published: notes.time(tree.string(post, "published") ?? tree.string(post, "published_at")),
            url: tree.string(post, "url") ?? tree.string(post, "ap_id"), source: source,
            body: ImportSupport.paragraphs(removed ?? body))
        // The count the site announces, which a fetch's progress and its last line say beside what came.
        article.commentCount = tree.integer(tree.typed(postView, "counts", .object) ?? -1, "comments")
        return article
    }
}
