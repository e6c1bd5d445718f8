import ThreadModel
import ThreadQuery

/// Everything a user can set in `config.toml`, with the defaults tread uses without one.
public struct Preferences: Equatable, Sendable {
    /// How much of the thread is open when a document is opened.
    public enum FoldOnOpen: Equatable, Sendable, CustomStringConvertible {
        /// Everything open.
        case open
        /// Only top-level comments show; their replies are folded.
        case topLevel
        /// Comments down to this depth show (1 = top level only).
        case depth(Int)

        public static let expectedForm = "\"open\", \"top-level\" or \"depth N\" with N from 1 to 99"

        public init?(parsing text: String) {
            let words = text.lowercased().split(separator: " ")
            switch words.count {
            case 1 where words[0] == "open": self = .open
            case 1 where words[0] == "top-level": self = .topLevel
            case 2 where words[0] == "depth":
                guard let n = Int(words[1]), (1...99).contains(n) else { return nil }
                self = .depth(n)
            default: return nil
            }
        }

        public var description: String {
            switch self {
            case .open: return "open"
            case .topLevel: return "top-level"
            case .depth(let n): return "depth \(n)"
            }
        }
    }

    public enum DateStyle: String, Equatable, Sendable, CaseIterable {
        /// `3h ago`, `2d ago`; older than a year as an absolute date.
        case relative
        /// `2018-07-03 10:12` in the local time zone (`TZ`).
        case absolute
    }

    /// Whether the reader has its map strip (`M`) and shows it on opening.
    public enum MapSetting: String, Equatable, Sendable, CaseIterable {
        /// Shown on opening; `M` hides it.
        case shown
        /// Hidden until `M` shows it.
        case hidden
        /// `M` does nothing: the last column stays the page's.
        case off

        public static let expectedForm = "\"shown\", \"hidden\" or \"off\" (true is \"shown\", false \"off\")"
    }

    /// Keys per action name, in the order the reader gave the actions.
    public var keys: [String: [KeyName]]
    public var theme = Theme()
    /// Text wider than this many columns is wrapped even in a wide window.
    public var maximumWidth = 80
    /// Columns each reply level is indented by.
    public var indentWidth = 2
    public var foldOnOpen = FoldOnOpen.open
    public var dates = DateStyle.relative
    public var mouse = true
    /// The program and arguments that copy (`y`, `Y`, `T`) run with the text on their standard input,
    /// without a shell; nil copies through the terminal (OSC 52).
    public var copyCommand: [String]?
    /// The command line `|` offers at its prompt, as words (the program, then its arguments); the user may
    /// edit it there. Run without a shell, the comment on its standard input, on the terminal.
    public var pipeCommand = ["less"]
    public var map = MapSetting.hidden
    /// Whether link numbers on screen are OSC 8 hyperlinks.
    public var hyperlinks = true
    /// A front page (`hn`, `r/swift`, …) to open when tread is run with nothing to read; nil opens the sample.
    public var start: String?
    /// The order comments are sorted in when a thread opens (`best`: the site's own).
    public var sort = CommentOrder.best
    /// The order per site (`[sort]`: `reddit = "top"`), by `Article.siteNames`; a site not named here opens
    /// in `sort`.
    public var siteSorts: [String: CommentOrder] = [:]

    /// The order a thread from `site` (its `article.site`) opens in.
    public func sort(forSite site: String?) -> CommentOrder {
        site.flatMap { siteSorts[$0] } ?? sort
    }
    /// The kill-file (`[[kill]]`): rules that always hide or dim the comments they match.
    public var killFile = KillFile()

    /// The defaults, with each action's default keys.
    public init(actions: [BindableAction]) {
        var keys: [String: [KeyName]] = [:]
        for action in actions { keys[action.name] = action.defaultKeys }
        self.keys = keys
    }

    /// Limits on numbers, shared by the loader and `tread config`'s comments.
    public static let widthRange = 20...1000
    public static let indentRange = 1...8
    /// Limits on the copy command: words, and bytes a word.
    public static let copyCommandWords = 64
    public static let copyCommandWordBytes = 4096
}
