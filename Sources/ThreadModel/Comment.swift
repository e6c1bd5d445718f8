/// A comment's id: the format allows a string or an integer.
///
/// `1` and `"1"` name the same comment: a `parent` may use either spelling.
public enum CommentID: Codable, Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int64)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        }
    }

    /// The id as it is matched against `parent` references.
    public var key: String {
        switch self {
        case .string(let text): return text
        case .integer(let number): return String(number)
        }
    }

    public var description: String { key }
}

/// A commenter's standing on the site, as the source says it: shown as a label after the author.
///
/// Only these values are kept; the format's reader ignores any other `role`, so a site's
/// new kind of badge never makes a document unreadable.
public enum CommentRole: String, Codable, Sendable, CaseIterable {
    case moderator
    case admin
    case staff

    /// The role a format's `role` value names; nil for anything else.
    public init?(named name: String) {
        self.init(rawValue: name)
    }

    /// The short label drawn after the author.
    public var label: String {
        switch self {
        case .moderator: return "mod"
        case .admin: return "admin"
        case .staff: return "staff"
        }
    }
}

/// One comment of the canonical format, as Codable sees it.
///
/// Inside tread a discussion is flat arrays (see `Discussion`); this value is what
/// importers build and `tread convert` writes. `replies` nests, so never build a deep
/// chain of it: deep documents use `parent` (the flat form) instead.
public struct Comment: Codable, Equatable, Sendable {
    public var id: CommentID?
    public var parent: CommentID?
    public var author: String?
    public var published: String?
    public var score: Int64?
    public var body: String?
    public var deleted: Bool?
    /// Written by the original poster (the story's submitter, the topic's opener).
    public var op: Bool?
    public var role: CommentRole?
    public var replies: [Comment]?

    public init(
        id: CommentID? = nil, parent: CommentID? = nil, author: String? = nil, published: String? = nil,
        score: Int64? = nil, body: String? = nil, deleted: Bool? = nil, op: Bool? = nil, role: CommentRole? = nil,
        replies: [Comment]? = nil
    ) {
        self.id = id
        self.parent = parent
        self.author = author
        self.published = published
        self.score = score
        self.body = body
        self.deleted = deleted
        self.op = op
        self.role = role
        self.replies = replies
    }

    enum CodingKeys: String, CodingKey {
        case id, parent, author, published, score, body, deleted, op, role, replies
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(CommentID.self, forKey: .id)
        parent = try container.decodeIfPresent(CommentID.self, forKey: .parent)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        published = try container.decodeIfPresent(String.self, forKey: .published)
        score = try container.decodeIfPresent(Int64.self, forKey: .score)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        deleted = try container.decodeIfPresent(Bool.self, forKey: .deleted)
        op = try? container.decodeIfPresent(Bool.self, forKey: .op)
        // An unknown role is dropped, as the canonical loader does, rather than refusing the document.
        role = (try? container.decodeIfPresent(String.self, forKey: .role)).flatMap { CommentRole(named: $0) }
        replies = try container.decodeIfPresent([Comment].self, forKey: .replies)
    }
}

/// A whole document of the canonical format.
public struct Document: Codable, Equatable, Sendable {
    public var article: Article
    public var comments: [Comment]?

    public init(article: Article, comments: [Comment]? = nil) {
        self.article = article
        self.comments = comments
    }
}
