/// One story of a site's front page: what its line in a list shows and where its discussion is.
///
/// Every string came from a server: screens sanitise them before drawing, as they do comment text.
public struct Story: Codable, Equatable, Sendable {
    /// The story's place in the list, from 1.
    public var rank: Int
    /// The story's id on its site (the thread's id, as the site's importer gives `article.id`).
    public var id: String
    /// The site as the importer names it in `article.source` ("Hacker News", "Reddit r/swift",
    /// "Lobsters", "Discourse"): with `id`, the thread's identity in the reading state.
    public var source: String
    public var title: String
    /// The host of the story's link, when it links elsewhere.
    public var domain: String?
    public var score: Int?
    /// The comment count the site claims.
    public var comments: Int?
    public var author: String?
    /// Seconds since 1970, when the site says.
    public var created: Double?
    /// What the site says about the story beyond its title: "stickied", "NSFW", "locked", a
    /// flair, "from r/X", tags, "pinned", "closed", a category.
    public var marks: [String]
    /// The discussion's address, as `tread URL` opens it.
    public var discussion: String
    /// The story's own link (the article), when it has one.
    public var link: String?

    public init(
        rank: Int, id: String, source: String, title: String, domain: String? = nil, score: Int? = nil,
        comments: Int? = nil, author: String? = nil, created: Double? = nil, marks: [String] = [],
        discussion: String, link: String? = nil
    ) {
        self.rank = rank
        self.id = id
        self.source = source
        self.title = title
        self.domain = domain
        self.score = score
        self.comments = comments
        self.author = author
        self.created = created
        self.marks = marks
        self.discussion = discussion
        self.link = link
    }
}

/// A front page as far as it has been fetched: its stories, where the next page starts, and how
/// many stories of the pages fetched could not be read.
public struct StoryList: Codable, Equatable, Sendable {
    /// The list's name as the user typed it, normalised ("hn:top", "r/swift/new").
    public var name: String
    public var stories: [Story]
    /// Where the next page starts, in the site's own terms (an offset into `ids`, Reddit's
    /// `after`, a page number); nil when there is no next page.
    public var next: String?
    /// Hacker News: every id the list names; stories are fetched a page of them at a time.
    public var ids: [Int64]
    /// Stories of the fetched pages that failed to arrive.
    public var missing: Int

    public init(name: String, stories: [Story] = [], next: String? = nil, ids: [Int64] = [], missing: Int = 0) {
        self.name = name
        self.stories = stories
        self.next = next
        self.ids = ids
        self.missing = missing
    }

    /// The list with `page` after its stories, ranked on from the last.
    public func appending(_ page: StoryList) -> StoryList {
        var list = self
        let start = stories.count
        list.stories += page.stories.enumerated().map { offset, story in
            var story = story
            story.rank = start + offset + 1
            return story
        }
        list.next = page.next
        if !page.ids.isEmpty { list.ids = page.ids }
        list.missing += page.missing
        return list
    }
}
