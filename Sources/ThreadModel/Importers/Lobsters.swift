/// Imports a Lobsters story saved from `/s/<short_id>.json`: the story and a flat `comments`
/// list in display order.
///
/// Nesting comes from `parent_comment` when the key is there (2022+), else from `depth`
/// (0-based, 2024+), else from `indent_level` (1-based, older).
enum Lobsters {
    struct Story: Decodable {
        var shortId: String?
        var shortIdUrl: String?
        var createdAt: String?
        var title: String?
        var url: String?
        var description: String?
        var tags: [String]?
        var submitterUser: User?
        var comments: [Lossy<StoryComment>]?
    }

    /// A user: an object with `username` up to 2023, a plain string since.
    struct User: Decodable {
        var name: String?

        private enum CodingKeys: String, CodingKey { case username }

        init(from decoder: any Decoder) throws {
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self.name = name
            } else {
                name = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .username)
            }
        }
    }

    struct StoryComment: Decodable {
        var shortId: String?
        var createdAt: String?
        var isDeleted: Bool?
        var isModerated: Bool?
        var score: Int64?
        var comment: String?
        var commentingUser: User?
        /// Nil when the key is absent; `.some(nil)` for a top-level comment of the 2022+ format.
        var parentComment: String??
        var depth: Int?
        var indentLevel: Int?

        private enum CodingKeys: String, CodingKey {
            case shortId, createdAt, isDeleted, isModerated, score, comment, commentingUser, parentComment, depth,
                indentLevel
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            shortId = try container.decodeIfPresent(String.self, forKey: .shortId)
            createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
            isDeleted = try container.decodeIfPresent(Bool.self, forKey: .isDeleted)
            isModerated = try container.decodeIfPresent(Bool.self, forKey: .isModerated)
            score = try container.decodeIfPresent(Int64.self, forKey: .score)
            comment = try container.decodeIfPresent(String.self, forKey: .comment)
            commentingUser = try container.decodeIfPresent(User.self, forKey: .commentingUser)
            if container.contains(.parentComment) {
                parentComment = .some(try container.decodeIfPresent(String.self, forKey: .parentComment))
            }
            depth = try container.decodeIfPresent(Int.self, forKey: .depth)
            indentLevel = try container.decodeIfPresent(Int.self, forKey: .indentLevel)
        }
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        let story = try ImportSupport.decode(Story.self, from: bytes)
        var builder = DiscussionBuilder(article: article(of: story))
        let lossy = story.comments ?? []
        var skipped = 0
        var duplicates = 0
        var seen = Set<String>()
        // The open ancestors of the list's current position, for comments placed by level.
        var path: [Int] = []
        for next in lossy {
            guard let item = next.value else {
                skipped += 1
                continue
            }
            if let id = item.shortId, !seen.insert(id).inserted {
                duplicates += 1
                continue
            }
            var comment = Comment(
                id: item.shortId.map { .string($0) }, author: item.commentingUser?.name, published: item.createdAt,
                score: item.score, body: item.comment.map(HTMLText.convert),
                deleted: item.isDeleted == true || item.isModerated == true ? true : nil
            )
            let level: Int
            let index: Int
            if let parent = item.parentComment {
                comment.parent = parent.map { .string($0) }
                index = builder.add(comment)
                // Keeps `path` usable if a later comment of the file has only a level.
                level = parent == nil ? 1 : path.count + 1
            } else {
                level = max(1, item.depth.map { $0 + 1 } ?? item.indentLevel ?? 1)
                // A level that skips ahead hangs under the deepest ancestor there is.
                path.removeLast(max(0, path.count - (level - 1)))
                index = builder.add(comment, under: path.last)
            }
            path.removeLast(max(0, path.count - (level - 1)))
            path.append(index)
        }
        builder.notes = ImportSupport.notes(skipped: skipped, duplicates: duplicates)
        return try builder.build()
    }

    static func article(of story: Story) -> Article {
        let title = story.title.flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled"
        return Article(
            id: story.shortId, title: title, author: story.submitterUser?.name, published: story.createdAt,
            url: story.url.flatMap { $0.isEmpty ? nil : $0 } ?? story.shortIdUrl, source: "Lobsters",
            tags: story.tags, body: ImportSupport.paragraphs(HTMLText.convert(story.description ?? ""))
        )
    }
}
