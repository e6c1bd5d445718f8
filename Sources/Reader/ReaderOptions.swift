import TextLayout
import ThreadModel
import ThreadQuery

/// How the thread is laid out: what the reader's page and `--print` share.
///
/// The defaults are the layout tread had before preferences; `tread` fills these from config.toml.
public struct LayoutOptions: Sendable {
    /// Text is wrapped at this many columns even in a wider window.
    public var maximumWidth: Int
    /// Columns each reply level is indented by (the guide and its padding).
    public var indentWidth: Int
    /// How a comment's or article's date is written; the result is sanitised and cut short by the caller.
    public var date: @Sendable (String) -> String
    /// Whether links are drawn numbered and shortened (the screen, where `o` opens them whole);
    /// printed text keeps them as written, since nothing else could give the address back.
    public var numbersLinks = true
    /// Whether a stub's replies can be fetched (a thread opened by its address): its line then says
    /// so instead of "not in this file", which the saved file's importer wrote.
    public var stubsFetchable = false

    public init(
        maximumWidth: Int = Blocks.readingWidth, indentWidth: Int = 2,
        date: @escaping @Sendable (String) -> String = DateText.short
    ) {
        self.maximumWidth = max(1, maximumWidth)
        self.indentWidth = min(8, max(1, indentWidth))
        self.date = date
    }

    public static let standard = LayoutOptions()

    /// One guide level: the bar and the padding up to the indent width.
    var guide: String { "│" + String(repeating: " ", count: indentWidth - 1) }

    /// The date as drawn: made one safe line and at most 32 columns, whatever `date` returned.
    func dateText(_ raw: String) -> String {
        Wrapper.truncate(Blocks.oneLine(date(String(raw.prefix(64)))), width: 32)
    }
}

/// What a reader starts with besides the document: the keys, the layout and how much is open.
public struct ReaderOptions: Sendable {
    public var keymap: Keymap
    public var layout: LayoutOptions
    /// Show threads down to this depth on opening (1 = top level only); nil opens everything.
    public var openLevels: Int?
    /// The most bytes `y`, `Y` and `T` copy: what a terminal takes through OSC 52, or more when the
    /// config sets a copy command (which reads it from a pipe).
    public var copyLimit = ClipboardLimit.bytes
    /// The copy command's name when the config sets one: a copy then says it is under way, and the
    /// loop says how it ended.
    public var copyCommand: String?
    /// Whether the map is shown on opening, hidden until `M`, or off.
    public var map: MapPreference
    /// How new comments are marked: `.word` where the terminal shows no colours.
    public var newMarkerStyle = NewMarkerStyle.dot
    /// The command line `|` offers at its prompt (the config's `[pipe] command`, written as one line).
    public var pipeCommand = ""

    /// The order the comments are sorted in on opening (the config's `sort`).
    public var sort = CommentOrder.best
    /// The order per site (the config's `[sort]`), by the document's `article.site`; over `sort` for those.
    public var siteSorts: [String: CommentOrder] = [:]

    /// The order a thread from `site` opens in.
    public func sort(forSite site: String?) -> CommentOrder {
        site.flatMap { siteSorts[$0] } ?? sort
    }
    /// The kill-file's rules that hold on this thread's site: the comments they match are hidden or dimmed.
    public var killFile = KillFile()

    public init(
        keymap: Keymap = .standard, layout: LayoutOptions = .standard, openLevels: Int? = nil,
        map: MapPreference = .hidden
    ) {
        self.keymap = keymap
        self.layout = layout
        self.openLevels = openLevels
        self.map = map
    }
}
