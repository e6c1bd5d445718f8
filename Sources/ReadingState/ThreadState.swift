import Foundation

/// What the store keeps of one thread between visits.
///
/// Comments are named by their id hashes (`Discussion.idHash`), so positions, folds and marks follow
/// the comments when others arrive in between, and an id's text is never stored.
public struct ThreadState: Equatable, Sendable {
    public var title: String
    public var site: String?
    /// `article.url`, so `tread forget URL` finds the thread.
    public var url: String?
    /// The file it was last read from, when it came from one.
    public var path: String?
    /// The site address it was last fetched from (`https://news.ycombinator.com/item?id=1`), when it was;
    /// `url` is the article's, which for a link story is the page it links to, not the discussion.
    public var address: String?
    /// When the last visit began, and when it was last saved (the five-minute rule counts from the save).
    public var opened: Date
    public var saved: Date
    public var commentCount: Int
    /// How many comments had never been on screen when the last visit began (what tread called "new"
    /// before it told added from unread).
    public var newCount: Int
    /// Every comment that has been on screen, in any visit.
    public var seen: SeenSet
    /// Every comment the thread held when the last visit was saved: what the next visit calls added is
    /// what is not in it. Nil for a visit saved before tread kept it (schema v2): the next visit then
    /// marks nothing added.
    public var known: SeenSet?
    /// How many comments were added since the visit before when the last visit began; nil when that was
    /// not known (a visit saved before schema v3, or the first visit after the upgrade).
    public var addedCount: Int?
    /// How many comments had never been on screen when the last visit was saved; nil before schema v3.
    public var unreadCount: Int?
    /// Entries the site counts among its comments that tread shows as events, not comments
    /// (`Discussion.eventCount`), when the last visit was saved; nil before schema v4.
    public var eventCount: Int?
    /// Comments still marked new when the last visit was saved: reopening soon shows them marked again.
    public var markedNew: SeenSet
    public var folded: SeenSet
    /// The selected comment and its screen row, or nil with the article selected.
    public var selected: UInt64?
    public var selectedRow: Int
    /// Mark letter → comment.
    public var marks: [Character: UInt64]
    /// Bumped by every save; a save that finds another revision than it loaded merges instead of overwriting.
    public var revision: Int64

    public init(
        title: String, site: String? = nil, url: String? = nil, path: String? = nil, address: String? = nil,
        opened: Date,
        saved: Date? = nil, commentCount: Int = 0, newCount: Int = 0, seen: SeenSet = SeenSet(),
        known: SeenSet? = nil, addedCount: Int? = nil, unreadCount: Int? = nil, eventCount: Int? = nil,
        markedNew: SeenSet = SeenSet(), folded: SeenSet = SeenSet(), selected: UInt64? = nil, selectedRow: Int = 0,
        marks: [Character: UInt64] = [:], revision: Int64 = 0
    ) {
        self.title = title
        self.site = site
        self.url = url
        self.path = path
        self.address = address
        self.opened = opened
        self.saved = saved ?? opened
        self.commentCount = commentCount
        self.newCount = newCount
        self.seen = seen
        self.known = known
        self.addedCount = addedCount
        self.unreadCount = unreadCount
        self.eventCount = eventCount
        self.markedNew = markedNew
        self.folded = folded
        self.selected = selected
        self.selectedRow = selectedRow
        self.marks = marks
        self.revision = revision
    }
}

/// One line of `tread recent`: a thread read lately.
public struct RecentThread: Equatable, Sendable {
    public var key: String
    public var title: String
    public var site: String?
    public var url: String?
    public var path: String?
    /// The site address it was last fetched from; nil for a file, and for threads saved before tread kept it.
    public var address: String?
    public var opened: Date
    public var commentCount: Int
    /// How many comments had never been on screen when it was last opened.
    public var newCount: Int
    /// How many comments were added since the visit before when it was last opened; nil when not known
    /// (saved before schema v3, or the first visit after the upgrade).
    public var addedCount: Int?
    /// How many comments had never been on screen when it was last saved; nil before schema v3.
    public var unreadCount: Int?
    /// Entries its site counts among its comments that tread shows as events; nil before schema v4.
    public var eventCount: Int?

    public init(
        key: String, title: String, site: String? = nil, url: String? = nil, path: String? = nil,
        address: String? = nil, opened: Date, commentCount: Int = 0, newCount: Int = 0, addedCount: Int? = nil,
        unreadCount: Int? = nil, eventCount: Int? = nil
    ) {
        self.key = key
        self.title = title
        self.site = site
        self.url = url
        self.path = path
        self.address = address
        self.opened = opened
        self.commentCount = commentCount
        self.newCount = newCount
        self.addedCount = addedCount
        self.unreadCount = unreadCount
        self.eventCount = eventCount
    }
}
