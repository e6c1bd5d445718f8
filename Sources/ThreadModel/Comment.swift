/// A comment's id: the format allows a string or an integer.
///
/// `1` and `"1"` name the same comment: a `parent` may use either spelling.
public enum CommentID: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int64)

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
public enum CommentRole: String, Sendable, CaseIterable {
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

/// One comment of the canonical format, as a value.
///
/// Inside tread a discussion is flat arrays (see `Discussion`); this value is what
/// importers build and `tread convert` writes. `replies` nests, so never build a deep
/// chain of it: deep documents use `parent` (the flat form) instead.
public struct Comment: Equatable, Sendable {
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
    /// A one-line stand-in, not a comment: a site's "N more replies", a forum event.
    public var placeholder: Bool?
    /// On a placeholder: what fetching the replies it stands for needs.
    public var more: MoreStub?
    public var replies: [Comment]?

    public init(
        id: CommentID? = nil, parent: CommentID? = nil, author: String? = nil, published: String? = nil,
        score: Int64? = nil, body: String? = nil, deleted: Bool? = nil, op: Bool? = nil, role: CommentRole? = nil,
        placeholder: Bool? = nil, more: MoreStub? = nil, replies: [Comment]? = nil
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
        self.placeholder = placeholder
        self.more = more
        self.replies = replies
    }
}

/// A whole document of the canonical format.
public struct Document: Equatable, Sendable {
    public var article: Article
    public var comments: [Comment]?

    public init(article: Article, comments: [Comment]? = nil) {
        self.article = article
        self.comments = comments
    }
}
