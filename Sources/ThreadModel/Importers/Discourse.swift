/// Imports a Discourse topic saved from `/t/<id>.json`.
///
/// Post 1 is the article; the other posts are comments, nested by `reply_to_post_number`.
/// A reply to a post not in the file goes to the top level, marked. Small-action posts
/// (closed, pinned, split...) become one-line event placeholders.
enum Discourse {
    struct Topic: Decodable {
        var id: Int64?
        var title: String?
        var fancyTitle: String?
        var createdAt: String?
        var slug: String?
        var postStream: PostStream?
    }

    struct PostStream: Decodable {
        var posts: [Lossy<Post>]?
    }

    struct Post: Decodable {
        var postNumber: Int64?
        var replyToPostNumber: Int64?
        var username: String?
        var createdAt: String?
        var cooked: String?
        var postType: Int?
        var actionCode: String?
        var deletedAt: String?
        var userDeleted: Bool?
    }

    /// Discourse's `post_type` of events such as "closed" or "pinned".
    static let smallAction = 3

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        let topic = try ImportSupport.decode(Topic.self, from: bytes)
        let lossy = topic.postStream?.posts ?? []
        let posts = lossy.compactMap(\.value)
        var skipped = lossy.count - posts.count
        let opening = posts.first { $0.postNumber == 1 } ?? posts.first
        var builder = DiscussionBuilder(article: article(of: topic, opening: opening))
        var duplicates = 0
        var seen = Set<Int64>()
        for post in posts {
            guard let number = post.postNumber else {
                skipped += 1
                continue
            }
            if number == opening?.postNumber { continue }
            guard seen.insert(number).inserted else {
                duplicates += 1
                continue
            }
            if post.postType == smallAction {
                builder.addPlaceholder(event(post), published: post.createdAt)
                continue
            }
            // Old topics say 1 for a reply to the opening post; both that and null mean top level.
            let parent = post.replyToPostNumber.flatMap { $0 == 1 ? nil : CommentID.integer($0) }
            builder.add(
                Comment(
                    id: .integer(number), parent: parent, author: post.username, published: post.createdAt,
                    body: HTMLText.convert(post.cooked ?? ""),
                    deleted: post.deletedAt != nil || post.userDeleted == true ? true : nil
                )
            )
        }
        builder.notes = ImportSupport.notes(skipped: skipped, duplicates: duplicates)
        return try builder.build()
    }

    static func article(of topic: Topic, opening: Post?) -> Article {
        let title = topic.title ?? topic.fancyTitle.map(HTMLEntities.decode) ?? "Untitled"
        return Article(
            id: topic.id.map(String.init), title: title.isEmpty ? "Untitled" : title, author: opening?.username,
            published: opening?.createdAt ?? topic.createdAt, source: "Discourse",
            body: ImportSupport.paragraphs(HTMLText.convert(opening?.cooked ?? ""))
        )
    }

    /// The one line for a small-action post: who did what, and the post's own text when it has some.
    static func event(_ post: Post) -> String {
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
        let text = HTMLText.convert(post.cooked ?? "").split(separator: "\n").joined(separator: " ")
        return text.isEmpty ? "\(who) \(what)" : "\(who) \(what): \(text)"
    }
}
