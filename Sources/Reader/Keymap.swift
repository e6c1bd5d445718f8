/// Key bindings as data: the reader looks keys up here, and the help overlay and `tread config` list
/// this same table.
public struct Keymap: Sendable {
    /// One action as the keymap, the help and config.toml know it: its keys, its config name and its help.
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        /// The action's name in config.toml's `[keys]`, written out by hand: users' files name it, so
        /// renaming code must never change it.
        public var name: String
        public var help: String

        public init(_ keys: [Key], _ action: Action, _ name: String, _ help: String) {
            self.keys = keys
            self.action = action
            self.name = name
            self.help = help
        }

        /// The keys as the help overlay lists them ("j ↓").
        public var label: String { keys.map(\.label).joined(separator: " ") }
    }

    public var bindings: [Binding]
    private var lookup: [Key: Action] = [:]

    /// A keymap of `bindings`; a key listed twice belongs to the first action that lists it.
    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        for binding in bindings {
            for key in binding.keys where lookup[key] == nil { lookup[key] = binding.action }
        }
    }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? { lookup[key] }

    /// The keymap with each action's keys replaced by `keys[name]` where given; a key given to an action
    /// leaves the action that had it, so no key is listed twice. An action given no key leaves the help too.
    public func rebound(_ keys: [String: [Key]]) -> Keymap {
        let taken = Set(keys.values.joined())
        var result: [Binding] = []
        for var binding in bindings {
            binding.keys = keys[binding.name] ?? binding.keys.filter { !taken.contains($0) }
            if !binding.keys.isEmpty { result.append(binding) }
        }
        return Keymap(result)
    }

    /// The help line of the count typed before an action (digits are not an action of their own).
    public static let countHelp = (label: "1–9", help: "a count: 5j, 3u, 2J")

    /// Every action the keys reach, in the order the help lists them, with its default keys.
    public static let standard = Keymap([
        Binding([.character("j"), .down], .nextComment, "next-comment", "next comment"),
        Binding([.character("k"), .up], .previousComment, "previous-comment", "previous comment"),
        Binding([.character("J")], .nextSibling, "next-sibling", "next sibling"),
        Binding([.character("K")], .previousSibling, "previous-sibling", "previous sibling"),
        Binding([.character("]"), .control("n")], .nextThread, "next-thread", "next thread"),
        Binding([.character("["), .control("p")], .previousThread, "previous-thread", "previous thread"),
        Binding([.character("u")], .parent, "parent", "parent"),
        Binding([.character("r")], .root, "root", "root of this thread"),
        Binding([.character("U")], .showParent, "show-parent", "peek at the parent (u: up)"),
        Binding(
            [.character(" "), .enter, .tab], .toggleFold, "toggle-fold", "fold / unfold; fetch \"more replies\""),
        Binding([.character("h"), .left], .foldOrParent, "fold-or-parent", "fold / go to parent"),
        Binding([.character("l"), .right], .unfold, "unfold", "unfold"),
        Binding([.character("x")], .foldThreadAndNext, "fold-thread-and-next", "fold, next thread"),
        Binding([.character("z")], .foldAll, "fold-all", "fold every thread"),
        Binding([.character("Z")], .unfoldAll, "unfold-all", "unfold everything"),
        Binding([.character("=")], .depthPrefix, "depth-prefix", "=1–9: show depth 1–9 only"),
        Binding([.control("e")], .lineDown, "line-down", "scroll a line down"),
        Binding([.control("y")], .lineUp, "line-up", "scroll a line up"),
        Binding([.control("d")], .halfPageDown, "half-page-down", "half a page down"),
        Binding([.control("u")], .halfPageUp, "half-page-up", "half a page up"),
        Binding([.pageDown, .character("f")], .pageDown, "page-down", "a page down"),
        Binding([.pageUp, .character("b")], .pageUp, "page-up", "a page up"),
        Binding([.character("g"), .home], .top, "top", "top of the article"),
        Binding([.character("G"), .end], .bottom, "bottom", "last comment"),
        Binding([.character("c")], .firstComment, "first-comment", "first comment"),
        Binding([.character("/")], .startSearch, "start-search", "search all comments"),
        Binding([.character("v")], .toggleOverview, "toggle-overview", "overview: a line per comment"),
        Binding([.character("M")], .toggleMap, "toggle-map", "map: █ selected • match ◆ hit + new"),
        Binding([.character("&")], .startFilter, "start-filter", "filter: author:pg depth<3 /re/…"),
        Binding([.character("n")], .nextMatch, "next-match", "next match (of the filter when on)"),
        Binding([.character("N")], .previousMatch, "previous-match", "previous match"),
        Binding([.character("a")], .nextByAuthor, "next-by-author", "next by this author"),
        Binding([.character("A")], .previousByAuthor, "previous-by-author", "previous by this author"),
        Binding([.character("p")], .nextByOp, "next-by-op", "next by the OP"),
        Binding([.character("P")], .previousByOp, "previous-by-op", "previous by the OP"),
        Binding([.character("o")], .openLink, "open-link", "open a link (2o: link 2)"),
        Binding([.character("O")], .openThread, "open-thread", "open the thread's page on its site"),
        Binding([.character("L")], .openArticle, "open-article", "open the article the thread links to"),
        Binding([.character("I")], .openCommentOnSite, "open-comment-on-site", "open the comment's page"),
        Binding([.character("y")], .copyLink, "copy-link", "copy a link (2y: link 2)"),
        Binding([.character("Y")], .copyComment, "copy-comment", "copy the comment as Markdown"),
        Binding([.character("T")], .copySubtree, "copy-subtree", "copy comment and replies"),
        Binding([.character("R")], .reload, "reload", "reload: new comments in place"),
        Binding([.escape], .cancel, "cancel", "stop a search or fetch; clear a filter"),
        Binding([.character("}")], .visit(.nextNew), "next-new", "next new comment (●)"),
        Binding([.character("{")], .visit(.previousNew), "previous-new", "previous new comment"),
        Binding([.character("d")], .visit(.markSubtreeRead), "mark-subtree-read", "mark comment + replies read"),
        Binding([.character("D")], .visit(.markThreadRead), "mark-thread-read", "mark this thread read"),
        Binding([.character("E")], .visit(.markAllRead), "mark-all-read", "mark every comment read"),
        Binding([.character("m")], .visit(.setMark), "set-mark", "m + letter: set a mark"),
        Binding([.character("'")], .visit(.goToMark), "go-to-mark", "' + letter: go to a mark"),
        Binding([.control("o")], .visit(.jumpBack), "jump-back", "back before the last jump"),
        Binding([.control("t")], .visit(.jumpForward), "jump-forward", "forward (ctrl-I is tab)"),
        Binding([.control("l")], .redraw, "redraw", "repaint the screen"),
        Binding([.character("?")], .showHelp, "show-help", "this help"),
        Binding([.character(">")], .nextStory, "next-story", "next story of the list"),
        Binding([.character("<")], .previousStory, "previous-story", "previous story of the list"),
        Binding([.character("q")], .quit, "quit", "quit"),
    ])
}

extension Key {
    /// How the help overlay writes a key.
    public var label: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .control(let c): return "ctrl-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "enter"
        case .tab: return "tab"
        case .backspace: return "backspace"
        case .escape: return "Esc"
        case .function(let n): return "F\(n)"
        }
    }
}
