// The canonical format (docs/FORMAT.md) through `Codable`: the second, independent reading of a
// document, for tools that `import ThreadModel` and use `JSONDecoder`. tread itself reads with
// `Discussion.load(canonical:)`; `CodableAgreementTests` checks that both readings agree.
//
// Decoding follows the format's rules, not Swift's defaults: a body is one string or an array of
// paragraphs, an id is a string or an integer, `op` and `placeholder` count only when `true`,
// an unknown `role` and a `more` object that fails its checks are dropped, unknown keys are
// ignored. Replies nest one decoder call per level; JSONDecoder refuses input nested past its
// limit (512 arrays and objects, so about 255 levels of replies), which bounds that recursion.
// Deeper threads use the flat form (`parent`), which has no limit.

extension Document: Codable {
    enum CodingKeys: String, CodingKey {
        case article, comments
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        article = try container.decode(Article.self, forKey: .article)
        comments = try container.decodeIfPresent([Comment].self, forKey: .comments)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(article, forKey: .article)
        try container.encodeIfPresent(comments, forKey: .comments)
    }
}

extension Article: Codable {
    enum CodingKeys: String, CodingKey {
        case id, title, author, published, url, source, site, tags, score, marks, body
        case commentCount = "comment_count"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The format allows a number for the article's id; it is kept as its text.
        if let number = try? container.decodeIfPresent(Int64.self, forKey: .id) {
            id = String(number)
        } else {
            id = try container.decodeIfPresent(String.self, forKey: .id)
        }
        title = try container.decode(String.self, forKey: .title)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        published = try container.decodeIfPresent(String.self, forKey: .published)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        site = try container.decodeIfPresent(String.self, forKey: .site)
        tags = try container.decodeIfPresent([String].self, forKey: .tags)
        score = try container.decodeIfPresent(Int64.self, forKey: .score)
        commentCount = try container.decodeIfPresent(Int64.self, forKey: .commentCount)
        marks = try container.decodeIfPresent([String].self, forKey: .marks)
        if let single = try? container.decodeIfPresent(String.self, forKey: .body) {
            body = Article.paragraphs(of: single)
        } else {
            body = try container.decodeIfPresent([String].self, forKey: .body) ?? []
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(site, forKey: .site)
        try container.encodeIfPresent(tags, forKey: .tags)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encodeIfPresent(commentCount, forKey: .commentCount)
        try container.encodeIfPresent(marks, forKey: .marks)
        if !body.isEmpty { try container.encode(body, forKey: .body) }
    }
}

extension CommentID: Codable {
    /// A string, or an integer that fits in 64 bits (the fast loader also keeps longer integers, as text).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            self = .integer(try container.decode(Int64.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        }
    }
}

extension Comment: Codable {
    enum CodingKeys: String, CodingKey {
        case id, parent, author, published, score, body, deleted, op, role, placeholder, more, replies
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
        // Only `true` counts; any other value is ignored, as an unknown field would be.
        op = (try? container.decodeIfPresent(Bool.self, forKey: .op)) == true ? true : nil
        role = (try? container.decodeIfPresent(String.self, forKey: .role)).flatMap(CommentRole.init(named:))
        placeholder = (try? container.decodeIfPresent(Bool.self, forKey: .placeholder)) == true ? true : nil
        // A `more` object that fails its checks leaves a plain placeholder (FORMAT.md).
        more = placeholder == true ? try? container.decodeIfPresent(MoreStub.self, forKey: .more) : nil
        replies = try container.decodeIfPresent([Comment].self, forKey: .replies)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(parent, forKey: .parent)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encodeIfPresent(body, forKey: .body)
        try container.encodeIfPresent(deleted, forKey: .deleted)
        try container.encodeIfPresent(op, forKey: .op)
        try container.encodeIfPresent(role?.rawValue, forKey: .role)
        try container.encodeIfPresent(placeholder, forKey: .placeholder)
        try container.encodeIfPresent(more, forKey: .more)
        try container.encodeIfPresent(replies, forKey: .replies)
    }
}

extension MoreStub: Codable {
    enum CodingKeys: String, CodingKey {
        case site, link, parent, children, count
    }

    /// Decodes a `more` object; one that fails a check (see `isValid`) is a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            site: try container.decode(String.self, forKey: .site),
            link: try container.decode(String.self, forKey: .link),
            parent: try container.decode(String.self, forKey: .parent),
            children: try container.decodeIfPresent([String].self, forKey: .children) ?? [],
            count: try? container.decodeIfPresent(Int64.self, forKey: .count))
        guard isValid else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a \"more\" object that fails its checks"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(site, forKey: .site)
        try container.encode(link, forKey: .link)
        try container.encode(parent, forKey: .parent)
        try container.encode(children, forKey: .children)
        try container.encodeIfPresent(count, forKey: .count)
    }
}
