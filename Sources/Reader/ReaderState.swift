import ThreadModel
import ThreadQuery
import ThreadTree

/// Everything the reader shows, as a value: `apply` changes it, `render` draws it.
public struct ReaderState: Sendable {
    public enum Mode: Equatable, Sendable {
        case reading
        case searchPrompt(String)
        /// The filter's query as typed so far (`&`); the filter follows it on every key.
        case filterPrompt(String)
        case help
        /// The selected comment's links listed; the one highlighted.
        case linkPicker(Int)
        /// An ancestor's text over the reader (`U`); see `ReaderState+ParentOverlay`.
        case parentOverlay(ParentOverlay)
        /// The pipe or save prompt (`|`, `w`, `W`): what it is for and the text typed.
        case linePrompt(LinePrompt)
        /// A save found a file there: y replaces it.
        case confirmOverwrite(SaveRequest)
    }

    /// A finished search: where the hits are and which one was last visited.
    public struct Search: Equatable, Sendable {
        public var query: String
        public var hits: [PageItem]
        public var current: Int?
        /// Comments read so far while the search runs; nil once it is done.
        public var scanned: Int?
        /// Where the search started: it goes to the first hit after this.
        var from: PageItem = .article
        /// How many times each hit holds the query (`n` steps through each).
        var occurrences: [Int] = []
        /// Which occurrence of the current hit was last shown.
        var occurrence = 0
        /// Whether some hits were counted as one occurrence without reading their text (a query found in
        /// more comments than `ReaderState.exactOccurrenceLimit`): the total is then at least what it says.
        var countsAtLeast = false
        /// Found again after the kill-file changed what is shown: the hits are updated, the view stays.
        var staysPut = false

        /// How many occurrences hit `hit` holds: at least one.
        func occurrenceCount(of hit: Int) -> Int {
            hit < occurrences.count ? max(1, occurrences[hit]) : 1
        }
    }

    public internal(set) var discussion: Discussion
    /// While the rest of a big document is read in the background: the share read so far.
    public internal(set) var loadingProgress: Double?
    public internal(set) var tree: CommentTree
    /// The terminal's size; the page gets every row but the status line.
    public internal(set) var rows: Int
    public internal(set) var columns: Int
    /// The selected comment; nil only when there are no comments.
    public internal(set) var selection: Int?
    /// The article, not `selection`, is what links and copies act on: chosen by going to the top, or by
    /// going up from the first comment; any move to a comment ends it.
    public internal(set) var articleSelected = false
    /// The window onto the page.
    public internal(set) var viewport = Viewport()
    /// The page line on the first screen row.
    public internal(set) var top: PagePosition {
        get { viewport.top }
        set { viewport.top = newValue }
    }
    public internal(set) var mode: Mode = .reading
    /// The link number typed so far in the picker, while it could still grow (`1` of `12`).
    var linkNumberTyped = 0
    /// The search, its prompt's history, and where ↑ has got to.
    var searching = Searching()
    public internal(set) var search: Search? {
        get { searching.current }
        set { searching.current = newValue }
    }
    /// The live filter (`&`): nil when off. Folds live in `tree`, so clearing it keeps them.
    public internal(set) var filter: ReaderFilter?
    /// One line per comment (`o`) instead of the full text.
    public internal(set) var overview = false
    /// The map strip: whether it shows, and what it worked out from the document.
    var mapFacts = MapFacts()
    /// The map strip at the right edge (`M`); shown on opening when `options.map` says so.
    public internal(set) var map: Bool {
        get { mapFacts.shown }
        set { mapFacts.shown = newValue }
    }
    var mapThreadStarts: [Int32] {
        get { mapFacts.threadStarts }
        set { mapFacts.threadStarts = newValue }
    }
    var mapNew: [Int32]? {
        get { mapFacts.new }
        set { mapFacts.new = newValue }
    }
    /// Author names hashed once per document, on the first filter: `author:` then costs a compare a comment.
    var filterAuthors: AuthorIndex?
    /// What the kill-file hides and dims in the document on screen; nil with no rule, or until found.
    public internal(set) var killMarks: KillMarks?
    /// The comments the kill-file hides are shown (dimmed) for now: the show-killed action's toggle.
    public internal(set) var showKilled = false
    /// Whether `hide-thread` rules have folded their comments yet: once a reader, so a reload never folds
    /// again what the user opened.
    var killThreadsFolded = false
    /// The last message for the status line; each one is kept in `messageLog` too.
    public internal(set) var message: String? {
        didSet { logMessage() }
    }
    /// The session's messages, oldest first, for the messages overlay (`ctrl-g`, as vim's `:messages`).
    public internal(set) var messageLog: [String] = []
    /// Whether the help overlay shows the message log instead of the keys.
    var helpShowsMessages = false
    /// What the message being applied asks the runtime to do; `update` hands them out and empties this.
    var commands: [Command] = []
    var searchHistory: [String] {
        get { searching.history }
        set { searching.history = newValue }
    }
    var historyPosition: Int? {
        get { searching.historyPosition }
        set { searching.historyPosition = newValue }
    }
    /// The first line of the help shown, when the window is too short for all of it.
    var helpOffset = 0
    /// What the keys typed just before leave for the next one: a count, or `=` waiting for a depth.
    var pending: Pending?
    /// While the document is a preview: how to redo on the whole document what was done to it.
    var replay: Replay?
    public let keymap: Keymap
    /// New comments, marks and the jump list of this visit (see `ReaderState+Visits`).
    public internal(set) var visits = VisitTracking()
    /// How new comments are marked: `.word` when the terminal shows no colours (see `ReaderOptions`).
    public var newMarkerStyle: NewMarkerStyle { options.newMarkerStyle }
    /// How the reader was opened: where the thread can be read again from, what is still arriving.
    public let opening: ReaderOpening
    /// A permalink's comment not in the first part of a thread still arriving: selected when it arrives.
    var pendingFocus: String?
    /// Where the thread can be read again from, for `R` and Enter on a stub.
    public var source: ThreadSource { opening.source }
    /// The fetch running (or just asked for), and how many were asked for.
    var fetching = FetchState()
    /// The fetch running, or just asked for: `update` asks the runtime to start it, and to stop it.
    public internal(set) var fetch: FetchRequest? {
        get { fetching.request }
        set { fetching.request = newValue }
    }
    var fetchCount: Int {
        get { fetching.count }
        set { fetching.count = newValue }
    }
    /// Width, indent and dates of the page, and how much is open on opening.
    public let options: ReaderOptions
    /// The pipe command and the save directory last used (see `ReaderState+Pipe`), carried from reader to
    /// reader of a session.
    public internal(set) var piping = Piping()

    /// The order the comments are shown in, and the sort asked for (`s`, the config's `sort`).
    public internal(set) var ordering: Ordering

    /// A reader on `discussion`; `loading` when it is a preview whose whole document will
    /// arrive as `.loaded`.
    public init(
        discussion: Discussion, rows: Int, columns: Int, keymap: Keymap = .standard, loading: Bool = false,
        source: ThreadSource? = nil
    ) {
        var opening = ReaderOpening(loading: loading)
        if let source { opening.source = source }
        self.init(
            discussion: discussion, rows: rows, columns: columns, options: ReaderOptions(keymap: keymap),
            opening: opening)
    }

    /// A reader with the user's preferences: keys, layout, and the threads folded down to `options.openLevels`.
    public init(discussion: Discussion, rows: Int, columns: Int, options: ReaderOptions, loading: Bool) {
        self.init(
            discussion: discussion, rows: rows, columns: columns, options: options,
            opening: ReaderOpening(loading: loading))
    }

    /// A reader opened as `opening` says; `.started` then asks for what it needs (the visit, the rest).
    public init(
        discussion: Discussion, rows: Int, columns: Int, options: ReaderOptions,
        opening: ReaderOpening = ReaderOpening()
    ) {
        self.opening = opening
        piping = opening.piping
        self.discussion = discussion
        tree = CommentTree(discussion: discussion)
        if let levels = options.openLevels { tree.showLevels(max(1, levels)) }
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        selection = tree.firstVisible
        self.keymap = options.keymap
        self.options = options
        ordering = Ordering(wanted: options.sort(forSite: discussion.article.site))
        if !discussion.notes.isEmpty { message = discussion.notes.joined(separator: "; ") }
        map = options.map == .shown
        findMapFacts()
        markKilledNow()
        if opening.loading {
            loadingProgress = 0
            replay = Replay(rows: self.rows, columns: self.columns)
        }
    }

    /// Forgets what was worked out from the document (the author index, the map's thread starts and new
    /// comments): the one place that runs when the document on screen is replaced, so nothing derived
    /// from the old one survives. Each is found again when next needed.
    mutating func forgetDerivedFacts() {
        filterAuthors = nil
        mapFacts.threadStarts = []
        mapFacts.new = nil
        killMarks = nil
        markKilled()
    }

    /// Rows for the page: all but the status line.
    public var pageRows: Int { max(0, rows - 1) }

    /// Below this the reader shows only a note asking for a bigger window.
    public static let minimumSize = (rows: 3, columns: 20)

    public var isTooSmall: Bool { rows < Self.minimumSize.rows || columns < Self.minimumSize.columns }

    /// The page as laid out with `layout`'s memo of lines.
    func page(_ layout: LayoutCache) -> Page {
        Page(
            discussion: discussion, tree: tree, width: pageWidth, cache: layout, filter: filter?.result,
            overview: overview, visit: visits.visit, loading: replay != nil, markerStyle: newMarkerStyle,
            options: pageLayoutOptions, kill: killMarks, showKilled: showKilled)
    }

    /// The layout the page uses: the user's, with stubs fetchable when the thread came from its address.
    var pageLayoutOptions: LayoutOptions {
        var layout = options.layout
        layout.stubsFetchable = source == .address
        return layout
    }

    /// The page lines on screen, top row first.
    public func visibleLines(layout: LayoutCache) -> [(position: PagePosition, line: StyledLine)] {
        viewport.lines(rows: pageRows, on: page(layout))
    }

    /// The row of the selected comment's header, when on screen or just above (negative).
    func selectionRow(layout: LayoutCache) -> Int? {
        guard let selection else { return nil }
        return viewport.row(of: .comment(selection), rows: pageRows, on: page(layout))
    }

    /// After folds or the filter changed what is shown: selects the row that now holds the selection
    /// (its visible ancestor, its stub or muted line) and keeps it on `row`, its screen row before.
    /// When it had no row, or `revealPlaced` asks it, a selection off screen is brought back on it
    /// (not while the article is read).
    mutating func keepSelection(onRow row: Int?, revealPlaced: Bool, layout: LayoutCache) {
        guard let selection else { return }
        let shown = page(layout).rowStart(tree.visibleAncestor(of: selection))
        self.selection = shown
        if let row { viewport.place(.comment(shown), atRow: row, rows: pageRows, on: page(layout)) }
        clampTop(layout: layout)
        if row == nil || revealPlaced, top.item != .article, !selectionIsVisible(layout: layout) {
            reveal(shown, layout: layout)
        }
    }

    /// Whether any line of the selected comment is on screen.
    public func selectionIsVisible(layout: LayoutCache) -> Bool {
        guard let selection else { return false }
        return visibleLines(layout: layout).contains { $0.position.item == .comment(selection) }
    }

    /// Searching: the search finished or running, and the prompt's history.
    struct Searching: Sendable {
        var current: Search?
        /// Searches run so far, oldest first, for ↑/↓ in the prompt.
        var history: [String] = []
        /// Where ↑ has got to in `history`.
        var historyPosition: Int?
    }

    /// The map strip at the right edge and the facts it draws, found from the document when first shown.
    struct MapFacts: Sendable {
        var shown = false
        /// The first comment of each top-level thread.
        var threadStarts: [Int32] = []
        /// The visit's new comments, ascending; nil until found (see `findMapFacts`).
        var new: [Int32]?
    }

    /// The fetch the runtime runs for the reader.
    struct FetchState: Sendable {
        var request: FetchRequest?
        /// How many fetches were asked for, to number the next.
        var count = 0
    }

    enum Pending: Equatable, Sendable {
        case count(Int)
        case depth
    }

    /// The window the reader opened with and every message since: played again on the whole
    /// document when it arrives, so keys typed on the preview end as they would on the whole.
    struct Replay: Sendable {
        var rows: Int
        var columns: Int
        var messages: [Message] = []
    }

    /// The reader's one way to change: `state` after `message`, and what it asks the runtime to do.
    public static func update(_ state: ReaderState, _ message: Message, layout: LayoutCache) -> (
        ReaderState, [Command]
    ) {
        var state = state
        let commands = state.update(message, layout: layout)
        return (state, commands)
    }
}
