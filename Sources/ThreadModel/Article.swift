/// The article a discussion is about: its header and body paragraphs.
public struct Article: Equatable, Sendable {
    public var id: String?
    public var title: String
    public var author: String?
    public var published: String?
    public var url: String?
    public var source: String?
    /// The site the thread is from, by its short name (one of `Article.siteNames`: `hn`, `reddit`, …), set
    /// by the importer that read the site's answer, where `source` is text for people; nil when the
    /// document does not say (a tread document written by hand, or before the field).
    public var site: String?
    public var tags: [String]?
    /// The story's score on its site, when the site gives one.
    public var score: Int64?
    /// How many comments the site says the thread has (it may hold fewer: deleted, not fetched).
    public var commentCount: Int64?
    /// What the site says of the story beyond its title: "stickied", "locked", "removed", a flair,
    /// "from r/X", "pinned", "closed" (tags are `tags`).
    public var marks: [String]?
    /// Paragraphs, in order.
    public var body: [String]

    public init(
        id: String? = nil, title: String, author: String? = nil, published: String? = nil,
        url: String? = nil, source: String? = nil, tags: [String]? = nil, body: [String] = []
    ) {
        self.id = id
        self.title = title
        self.author = author
        self.published = published
        self.url = url
        self.source = source
        self.tags = tags
        self.body = body
    }

    /// Splits a single-string body into paragraphs at blank lines.
    public static func paragraphs(of text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }
}
