import Markup
import ThreadModel

/// Imports a Discourse topic saved from `/t/<id>.json`, a later page of it (`?page=2`), or
/// `/t/<id>/posts.json`.
///
/// Post 1 is the article; the other posts are comments, nested by `reply_to_post_number`.
/// A page without post 1 takes its article from the topic: its title, and no body. A reply to
/// a post not in the file goes to the top level, marked. Small-action posts (closed, pinned,
/// split...) become one-line event placeholders.
enum Discourse {
    struct Topic {
        var id: Int64?
        var title: String?
        var fancyTitle: String?
        var createdAt: String?
        var likeCount: Int64?
        var postsCount: Int64?
        /// pinned, closed, archived and the category's name, as the list line says them.
        var marks: [String] = []
    }

    struct Post {
        var postNumber: Int64?
        var replyToPostNumber: Int64?
        var username: String?
        var createdAt: String?
        /// The post's HTML, where it lies in the response: decoded only when converted.
        var cooked = TextRef.absent
        var postType: Int64?
        var actionCode: String?
        var deleted = false
        /// `posts.json` has no topic fields; its posts name their topic.
        var topicID: Int64?
        var topicTitle: String?
        var role: CommentRole?
        /// The post's polls as text: the cooked HTML holds only a placeholder ("0 voters"); the
        /// results are in the post's `polls` field.
        var polls: [String] = []

        init(_ tree: inout JSONTree, _ node: Int32, notes: inout ImportNotes) {
            postNumber = tree.integer(node, "post_number")
            replyToPostNumber = tree.integer(node, "reply_to_post_number")
            username = tree.string(node, "username")
            createdAt = notes.time(tree.string(node, "created_at"))
            if let text = tree.typed(node, "cooked", .string) { cooked = tree.nodes[Int(text)].text }
            postType = tree.integer(node, "post_type")
            actionCode = tree.string(node, "action_code")
            deleted = tree.string(node, "deleted_at") != nil || tree.bool(node, "user_deleted") == true
            topicID = tree.integer(node, "topic_id")
            topicTitle = tree.string(node, "topic_title")
            if let list = tree.typed(node, "polls", .array) {
                polls = tree.elements(list).map { Self.poll(&tree, $0) }
            }
            // Discourse sets `staff` for admins and moderators too; the narrower role is the label.
            role =
                tree.bool(node, "admin") == true
                ? .admin
                : tree.bool(node, "moderator") == true ? .moderator : tree.bool(node, "staff") == true ? .staff : nil
        }
    }

    /// Discourse's `post_type` of events such as "closed" or "pinned".
    static let smallAction: Int64 = 3

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var tree = try ImportSupport.tree(bytes, deferring: ["posts"])
        let root = tree.root
        guard tree.kind(root) == .object else {
            throw DocumentError(kind: .shape("a Discourse topic must be a JSON object", line: 0, column: 0))
        }
        var notes = ImportNotes()
        var topic = Topic(
            id: tree.integer(root, "id"), title: tree.string(root, "title"),
            fancyTitle: tree.string(root, "fancy_title"), createdAt: notes.time(tree.string(root, "created_at")))
        (topic.likeCount, topic.postsCount) = (tree.integer(root, "like_count"), tree.integer(root, "posts_count"))
        topic.marks = marks(&tree, root)
        var posts: [Post] = []
        let stream = tree.member(root, "post_stream") ?? -1
        let list = tree.typed(stream, "posts", .array) ?? -1
        posts.reserveCapacity(tree.elementCount(list))
        // Each post is read from the bytes as its turn comes; what is kept of it holds its HTML as
        // a place in the response, not a copy.
        var cursor = tree.cursor(list)
        while let node = tree.next(&cursor) {
            guard tree.kind(node) == .object else {
                notes.skipped += 1
                continue
            }
            posts.append(Post(&tree, node, notes: &notes))
        }
        let opening = posts.first { $0.postNumber == 1 }
        var builder = DiscussionBuilder(article: article(of: topic, opening: opening, posts: posts, bytes: bytes))
        builder.reserveCapacity(comments: posts.count, textBytes: ImportSupport.textReserve(bytes))
        var seen = Set<Int64>()
        var events: Int64 = 0
        for post in posts {
            guard let number = post.postNumber else {
                notes.skipped += 1
                continue
            }
            if number == 1 && opening != nil { continue }
            guard seen.insert(number).inserted else {
                notes.duplicates += 1
                continue
            }
            if post.postType == smallAction {
                builder.addPlaceholder(event(post, bytes: bytes), published: post.createdAt)
                events += 1
                continue
            }
            // Old topics say 1 for a reply to the opening post; both that and null mean top level.
            let parent = post.replyToPostNumber.flatMap { $0 == 1 ? nil : CommentID.integer($0) }
            var body = Post.withPolls(HTMLText.convert(bytes.string(post.cooked) ?? ""), post.polls)
            // A post is never blank on screen: one with no text left (hidden, or media tread does not know) says so.
            if body.allSatisfy(\.isWhitespace) && !post.deleted { body = "[post with no text]" }
            let comment = Comment(
                id: .integer(number), parent: parent, author: post.username, published: post.createdAt,
                body: body, deleted: post.deleted ? true : nil,
                op: ImportSupport.op(post.username, poster: opening?.username), role: post.role)
            builder.add(comment)
        }
        // The site counts events among its posts; tread shows them as one-line events, not comments, so the
        // announced count leaves out those it holds (a page without the rest of the topic may lack others).
        if let announced = builder.article.commentCount { builder.article.commentCount = max(0, announced - events) }
        ImportSupport.breakLoops(&builder, notes: &notes)
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
    }

    static func article(of topic: Topic, opening: Post?, posts: [Post], bytes: DocumentBytes) -> Article {
        let topicID = topic.id ?? posts.lazy.compactMap(\.topicID).first
        let given =
            topic.title ?? topic.fancyTitle.map(HTMLEntities.decode) ?? posts.lazy.compactMap(\.topicTitle).first
        let title = given.flatMap { $0.isEmpty ? nil : $0 } ?? topicID.map { "Discourse topic \($0)" } ?? "Untitled"
        var article = Article(
            id: topicID.map(String.init), title: title, author: opening?.username,
            published: opening?.createdAt ?? topic.createdAt, source: "Discourse",
            body: ImportSupport.paragraphs(
                Post.withPolls(
                    HTMLText.convert(opening.flatMap { bytes.string($0.cooked) } ?? ""), opening?.polls ?? []))
        )
        // The list's reckoning: likes as the score, the posts after the first as comments (less the events,
        // once they are counted).
        article.score = topic.likeCount
        article.commentCount = topic.postsCount.map { max(0, $0 - 1) }
        article.marks = topic.marks.isEmpty ? nil : topic.marks
        return article
    }

    /// The topic's marks: pinned, closed, archived, and its category's name when the answer names
    /// it (`categories`, which a topic's page carries only on some forums).
    static func marks(_ tree: inout JSONTree, _ root: Int32) -> [String] {
        var marks: [String] = []
        if tree.bool(root, "pinned") == true { marks.append("pinned") }
        if tree.bool(root, "closed") == true { marks.append("closed") }
        if tree.bool(root, "archived") == true { marks.append("archived") }
        if let category = tree.integer(root, "category_id") {
            for node in tree.elements(tree.typed(root, "categories", .array) ?? -1) where tree.kind(node) == .object {
                if tree.integer(node, "id") == category, let name = tree.string(node, "name"), !name.isEmpty {
                    marks.append(name)
                    break
                }
            }
        }
        return marks
    }

    /// The one line for a small-action post: who did what, and the post's own text when it has some.
    static func event(_ post: Post, bytes: DocumentBytes) -> String {
        let actions = [
            "closed.enabled": "closed the topic", "closed.disabled": "opened the topic",
            "pinned.enabled": "pinned the topic", "pinned.disabled": "unpinned the topic",
            "pinned_globally.enabled": "pinned the topic globally", "pinned_globally.disabled": "unpinned the topic",
            "archived.enabled": "archived the topic", "archived.disabled": "unarchived the topic",
            "visible.enabled": "listed the topic", "visible.disabled": "unlisted the topic",
            "autoclosed.enabled": "closed the topic", "split_topic": "split the topic",
        ]
        let who = post.username ?? "someone"
        let what = post.actionCode.map { actions[$0] ?? $0 } ?? "changed the topic"
        let text = HTMLText.convert(bytes.string(post.cooked) ?? "").split(separator: "\n").joined(separator: " ")
        return text.isEmpty ? "\(who) \(what)" : "\(who) \(what): \(text)"
    }
}

extension Discourse.Post {
    /// One poll of the `polls` field as lines: its title and voters, then each option with its votes.
    static func poll(_ tree: inout JSONTree, _ node: Int32) -> String {
        let title = tree.string(node, "title").map(HTMLText.convert).flatMap { $0.isEmpty ? nil : $0 } ?? "Poll"
        let voters = tree.integer(node, "voters")
        var lines = [title + (voters.map { " · " + CountText.counted($0, "voter") } ?? "")]
        if let options = tree.typed(node, "options", .array) {
            for option in tree.elements(options) {
                let text = HTMLText.convert(tree.string(option, "html") ?? "")
                let votes = tree.integer(option, "votes")
                lines.append("- " + text + (votes.map { " · " + CountText.counted($0, "vote") } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `body` with the polls after it, each a paragraph of its own.
    static func withPolls(_ body: String, _ polls: [String]) -> String {
        polls.isEmpty ? body : ([body] + polls).joined(separator: "\n\n")
    }
}
