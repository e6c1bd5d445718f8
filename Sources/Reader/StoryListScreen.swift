import Foundation
import ReadingState
import TextLayout
import ThreadModel

/// The front-page screen: a site's stories, one selected, as a pure value.
///
/// Keys mean what they mean in the reader where the meaning is the same (moving, the top and
/// the end, search, help, reload, quit, read from the same keymap, so the config's keys apply);
/// Enter opens the selected story's discussion and the article key its link. Reaching the end
/// asks for the next page. The loop that owns the terminal does what `handle` answers, feeds
/// fetched pages back in, and draws `render()`.
public struct StoryListScreen: Sendable {
    /// What the loop must do after a message.
    public enum Outcome: Equatable, Sendable {
        /// Nothing but drawing again.
        case stay
        /// Open the story's discussion in the reader.
        case open(Story)
        /// Open a link in the browser.
        case openLink(String)
        /// Fetch the page after the list's last (`pageArrived` or `pageFailed` follows).
        case fetchNext
        /// Stop the page being fetched.
        case stopFetch
        /// Fetch the list again from its first page (`refreshed` or `pageFailed` follows).
        case refresh
        case quit
    }

    /// How the screen asks for text: reading the list, typing a search, or reading the help.
    public enum Mode: Equatable, Sendable {
        case browsing
        case searchPrompt(String)
        case help
    }

    public private(set) var list: StoryList
    /// Each story's title made one safe line, and lowered for search, once per page.
    private(set) var titles: [String] = []
    private var foldedTitles: [String] = []
    /// The selection and the first entry on screen.
    private var window: PickerWindow
    public var selected: Int { window.selected }
    /// The first entry on screen.
    public var top: Int { window.top }
    public var rows: Int { window.rows }
    public private(set) var columns: Int
    public private(set) var mode = Mode.browsing
    /// Whether a page (next or refresh) is being fetched.
    public private(set) var fetching = false
    /// The last search, for the next and previous match.
    public private(set) var query: String?
    /// A line for the bottom row until the next key.
    public private(set) var notice: String?
    /// How many comments each story had when last read, by its thread's identity key.
    private var readCounts: [String: Int]
    /// How many of them had never been on screen when it was last read (known for visits saved since
    /// schema v3), by the same key.
    private var unreadCounts: [String: Int] = [:]
    /// Per story read, the events its site counts among its comments (a Discourse topic's): the list's
    /// count less these is the reader's.
    private var eventCounts: [String: Int] = [:]
    /// A note on where the list came from ("the copy saved 2 hours ago"), kept on the status row.
    public var origin: String?
    let keymap: Keymap
    let now: Date

    public init(
        list: StoryList, rows: Int, columns: Int, keymap: Keymap = .standard, readCounts: [String: Int] = [:],
        now: Date
    ) {
        self.list = StoryList(name: list.name, next: list.next, ids: list.ids, missing: list.missing)
        window = PickerWindow(rows: rows)
        self.columns = max(0, columns)
        self.keymap = keymap
        self.readCounts = readCounts
        self.now = now
        append(list.stories)
    }

    public var selectedStory: Story? {
        list.stories.indices.contains(selected) ? list.stories[selected] : nil
    }

    /// The key the reading state keeps `story`'s thread under.
    public static func readKey(_ story: Story) -> String {
        ThreadIdentity(story: story).key
    }

    // MARK: - Messages

    public mutating func resize(rows: Int, columns: Int) {
        self.columns = max(0, columns)
        window.resize(rows: rows, count: list.stories.count)
    }

    /// The next page arrived: its stories go after the last, ranked on.
    public mutating func pageArrived(_ page: StoryList) {
        fetching = false
        append(page.stories)
        list.next = page.next
        if !page.ids.isEmpty { list.ids = page.ids }
        list.missing += page.missing
        notice = page.missing > 0 ? "\(Self.missing(page.missing)) of this page" : nil
    }

    /// The list fetched again from its first page: the selection stays on the same story where it still is.
    public mutating func refreshed(_ fresh: StoryList, now: Date) {
        let keep = selectedStory?.discussion
        let events = eventCounts
        self = StoryListScreen(
            list: fresh, rows: rows, columns: columns, keymap: keymap, readCounts: readCounts, now: now)
        eventCounts = events
        if let keep, let index = list.stories.firstIndex(where: { $0.discussion == keep }) { select(index) }
        notice = fresh.missing > 0 ? "refreshed; \(Self.missing(fresh.missing))" : "refreshed"
    }

    /// A fetch failed (or was stopped): one line saying why; what arrived stays.
    public mutating func pageFailed(_ message: String) {
        fetching = false
        notice = Sanitizer.singleLine(message)
    }

    /// The reader closed on `story`'s thread holding `comments` comments, `unread` of them never on
    /// screen (nil when the store does not know), and `events` its site counts among them: its line
    /// shows it read.
    public mutating func read(_ story: Story, comments: Int, unread: Int? = nil, events: Int = 0) {
        readCounts[Self.readKey(story)] = comments
        unreadCounts[Self.readKey(story)] = unread
        eventCounts[Self.readKey(story)] = events
    }

    /// The story's comments as the reader counts them: the list's count, less the events the thread
    /// held when read (a Discourse topic's "closed", "pinned": posts to the site, not comments), or on
    /// Hacker News with the dead and deleted comments it held, which the site's count leaves out
    /// (`Discussion.eventCount`).
    public func commentCount(_ story: Story) -> Int? {
        let difference = max(0, eventCounts[Self.readKey(story)] ?? 0)
        return story.comments.map {
            story.source == "Hacker News" ? Self.sum($0, difference) : max(0, Self.sum($0, -difference))
        }
    }

    /// `a + b`, held at Int's ends: the site's counts and the reading state's may be anything an Int holds (a
    /// hostile answer or file), and the list must not stop on adding them.
    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : value
    }

    /// "1 story could not be fetched", "27 stories could not be fetched".
    public static func missing(_ count: Int) -> String {
        CountText.counted(count, "story", plural: "stories") + " could not be fetched"
    }

    /// Shows `message` on the bottom row until the next key.
    public mutating func report(_ message: String) {
        notice = Sanitizer.singleLine(message)
    }

    /// How many comments were added since the story was last read (the list's count against the count
    /// then); nil for a story never opened.
    public func newComments(_ story: Story) -> Int? {
        guard let seen = readCounts[Self.readKey(story)] else { return nil }
        return max(0, Self.sum(commentCount(story) ?? seen, -max(0, seen)))
    }

    /// How many comments are unread: those never on screen when it was last read, and those added since;
    /// nil for a story never opened, or last read before tread counted them.
    public func unreadComments(_ story: Story) -> Int? {
        guard let unread = unreadCounts[Self.readKey(story)], let added = newComments(story) else { return nil }
        return Self.sum(unread, added)
    }

    /// The reader asked for the next (1) or previous (-1) story: selects and gives it; nil at either
    /// end of the stories fetched, which the status line then says.
    public mutating func step(by delta: Int) -> Story? {
        let target = selected + delta
        guard list.stories.indices.contains(target) else {
            notice = delta > 0 ? "no next story yet: the end of the list fetched so far" : "no previous story"
            return nil
        }
        select(target)
        return selectedStory
    }

    /// Applies a key; the answer says what the loop must do.
    public mutating func handle(_ key: Key) -> Outcome {
        notice = nil
        switch mode {
        case .help:
            mode = .browsing
            return .stay
        case .searchPrompt(let typed):
            return type(key, into: typed)
        case .browsing:
            break
        }
        switch key {
        case .enter, .right:
            return selectedStory.map { .open($0) } ?? .stay
        case .escape:
            return fetching ? .stopFetch : .stay
        default:
            break
        }
        switch keymap.action(for: key) {
        case .nextComment?, .lineDown?: return move(by: 1)
        case .previousComment?, .lineUp?: return move(by: -1)
        case .halfPageDown?: return move(by: max(1, pageSize / 2))
        case .halfPageUp?: return move(by: -max(1, pageSize / 2))
        case .pageDown?: return move(by: pageSize)
        case .pageUp?: return move(by: -pageSize)
        case .top?, .firstComment?: return move(by: -selected)
        case .bottom?: return move(by: list.stories.count - 1 - selected)
        case .startSearch?: mode = .searchPrompt("")
        case .nextMatch?: search(forward: true)
        case .previousMatch?: search(forward: false)
        case .showHelp?: mode = .help
        case .reload?:
            fetching = true
            return .refresh
        case .openArticle?:
            guard let story = selectedStory else { return .stay }
            guard let link = story.link else {
                notice = "this story has no link of its own; Enter opens its discussion"
                return .stay
            }
            return .openLink(link)
        case .openThread?:
            return selectedStory.map { .openLink($0.discussion) } ?? .stay
        case .quit?: return .quit
        default: break
        }
        return .stay
    }

    /// Applies a mouse event: a click selects (a click on the selected story opens it), the wheel moves.
    public mutating func handle(_ mouse: MouseEvent) -> Outcome {
        notice = nil
        if mode != .browsing { mode = .browsing }
        switch mouse.kind {
        case .wheelDown: return move(by: 3)
        case .wheelUp: return move(by: -3)
        case .click:
            guard let index = window.entry(atRow: mouse.row), index < list.stories.count else { return .stay }
            if index == selected { return .open(list.stories[index]) }
            select(index)
        }
        return .stay
    }

    // MARK: - Moving and searching

    /// Moves the selection; moving onto (or past) the last story asks for the next page.
    private mutating func move(by delta: Int) -> Outcome {
        select(selected + delta)
        if selected >= list.stories.count - 1, list.next != nil, !fetching {
            fetching = true
            return .fetchNext
        }
        return .stay
    }

    private mutating func select(_ index: Int) {
        window.select(index, count: list.stories.count)
    }

    private mutating func type(_ key: Key, into typed: String) -> Outcome {
        switch key {
        case .escape:
            mode = .browsing
        case .enter:
            mode = .browsing
            query = typed.isEmpty ? query : typed
            search(forward: true)
        case .backspace:
            mode = .searchPrompt(String(typed.dropLast()))
        case .character(let character):
            if typed.count < 200 { mode = .searchPrompt(typed + String(character)) }
        default:
            break
        }
        return .stay
    }

    /// Selects the next (or previous) story whose title holds the query, wrapping around.
    private mutating func search(forward: Bool) {
        guard let query, !query.isEmpty else {
            notice = "no search yet"
            return
        }
        let needle = query.lowercased()
        let count = foldedTitles.count
        for step in 1...max(1, count) {
            let index = ((selected + (forward ? step : -step)) % count + count) % count
            if foldedTitles[index].contains(needle) {
                select(index)
                return
            }
        }
        notice = "no title holds \u{201C}\(Sanitizer.singleLine(query))\u{201D}"
    }

    private mutating func append(_ stories: [Story]) {
        let start = list.stories.count
        for (offset, story) in stories.enumerated() {
            var story = story
            story.rank = start + offset + 1
            list.stories.append(story)
            let title = Sanitizer.singleLine(story.title)
            titles.append(title)
            foldedTitles.append(title.lowercased())
        }
    }

    var pageSize: Int { window.pageSize }
    var layout: (firstRow: Int, listRows: Int, entryHeight: Int, chrome: Bool) { window.layout }
}
