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
        /// What the action is about, for `tread config`'s headings.
        public var group: ActionGroup

        public init(_ keys: [Key], _ action: Action, _ name: String, _ help: String, group: ActionGroup = .other) {
            self.keys = keys
            self.action = action
            self.name = name
            self.help = help
            self.group = group
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

    /// The first key bound to `action` as the help writes it, for a message that names it; the action's
    /// name in config.toml when the config left it no key.
    public func keyLabel(for action: Action) -> String {
        if let key = bindings.first(where: { $0.action == action })?.keys.first { return key.label }
        return Keymap.standard.bindings.first { $0.action == action }?.name ?? ""
    }

    /// The keymap with each action's keys replaced by `keys[name]` where given; a key given to an action
    /// leaves the action that had it, so no key is listed twice. An action given no key leaves the help too.
    public func rebound(_ keys: [String: [Key]]) -> Keymap {
        // No key configured (most starts): the same keymap, not another with its lookup table built again.
        if keys.isEmpty, bindings.allSatisfy({ !$0.keys.isEmpty }) { return self }
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
        Binding([.character("j"), .down], .nextComment, "next-comment", "next comment", group: .moving),
        Binding([.character("k"), .up], .previousComment, "previous-comment", "previous comment", group: .moving),
        Binding([.character("J")], .nextSibling, "next-sibling", "next sibling", group: .moving),
        Binding([.character("K")], .previousSibling, "previous-sibling", "previous sibling", group: .moving),
        Binding([.character("]"), .control("n")], .nextThread, "next-thread", "next thread", group: .moving),
        Binding(
            [.character("["), .control("p")], .previousThread, "previous-thread", "previous thread", group: .moving),
        Binding([.character("u")], .parent, "parent", "parent", group: .moving),
        Binding([.character("r")], .root, "root", "root of this thread", group: .moving),
        Binding([.character("U")], .showParent, "show-parent", "peek at the parent (u: up)", group: .moving),
        Binding(
            [.character(" "), .enter, .tab], .toggleFold, "toggle-fold", "fold / unfold; fetch \"more replies\"",
            group: .folding),
        Binding([.character("h"), .left], .foldOrParent, "fold-or-parent", "fold / go to parent", group: .folding),
        Binding([.character("l"), .right], .unfold, "unfold", "unfold", group: .folding),
        Binding([.character("x")], .foldThreadAndNext, "fold-thread-and-next", "fold, next thread", group: .folding),
        Binding([.character("z")], .foldAll, "fold-all", "fold every thread", group: .folding),
        Binding([.character("Z")], .unfoldAll, "unfold-all", "unfold everything", group: .folding),
        Binding([.character("=")], .depthPrefix, "depth-prefix", "=1–9: show depth 1–9 only", group: .folding),
        Binding([.control("e")], .lineDown, "line-down", "scroll a line down", group: .scrolling),
        Binding([.control("y")], .lineUp, "line-up", "scroll a line up", group: .scrolling),
        Binding([.control("d")], .halfPageDown, "half-page-down", "half a page down", group: .scrolling),
        Binding([.control("u")], .halfPageUp, "half-page-up", "half a page up", group: .scrolling),
        Binding([.pageDown, .character("f")], .pageDown, "page-down", "a page down", group: .scrolling),
        Binding([.pageUp, .character("b")], .pageUp, "page-up", "a page up", group: .scrolling),
        Binding([.character("g"), .home], .top, "top", "top of the article", group: .moving),
        Binding([.character("G"), .end], .bottom, "bottom", "last comment", group: .moving),
        Binding([.character("c")], .firstComment, "first-comment", "first comment", group: .moving),
        Binding([.character("/")], .startSearch, "start-search", "search all comments", group: .searching),
        Binding([.character("v")], .toggleOverview, "toggle-overview", "overview: a line per comment", group: .views),
        Binding([.character("M")], .toggleMap, "toggle-map", "map: █ selected • match ◆ hit + new", group: .views),
        Binding(
            [.character("X")], .toggleKilled, "toggle-killed", "show / hide what the kill-file hides", group: .views),
        Binding([.character("&")], .startFilter, "start-filter", "filter: author:pg depth<3 /re/…", group: .searching),
        Binding([.character("n")], .nextMatch, "next-match", "next match (of the filter when on)", group: .searching),
        Binding([.character("N")], .previousMatch, "previous-match", "previous match", group: .searching),
        Binding([.character("a")], .nextByAuthor, "next-by-author", "next by this author", group: .moving),
        Binding([.character("A")], .previousByAuthor, "previous-by-author", "previous by this author", group: .moving),
        Binding([.character("p")], .nextByOp, "next-by-op", "next by the OP", group: .moving),
        Binding([.character("P")], .previousByOp, "previous-by-op", "previous by the OP", group: .moving),
        Binding([.character("o")], .openLink, "open-link", "open a link (2o: link 2)", group: .links),
        Binding([.character("O")], .openThread, "open-thread", "open the thread's page on its site", group: .links),
        Binding([.character("L")], .openArticle, "open-article", "open the article the thread links to", group: .links),
        Binding(
            [.character("I")], .openCommentOnSite, "open-comment-on-site", "open the comment's page", group: .links),
        Binding([.character("y")], .copyLink, "copy-link", "copy a link (2y: link 2)", group: .links),
        Binding([.character("Y")], .copyComment, "copy-comment", "copy the comment as Markdown", group: .links),
        Binding([.character("T")], .copySubtree, "copy-subtree", "copy comment and replies", group: .links),
        Binding([.character("R")], .reload, "reload", "reload: new comments in place", group: .links),
        Binding(
            [.character("|")], .pipeComment, "pipe-comment", "pipe the comment to a command",
            group: .links),
        Binding([.character("w")], .saveComment, "save-comment", "save the comment to a file", group: .links),
        Binding([.character("W")], .saveSubtree, "save-subtree", "save comment and replies", group: .links),
        Binding([.escape], .cancel, "cancel", "stop a search or fetch; clear a filter", group: .searching),
        Binding(
            [.character("}")], .visit(.nextNew), "next-new", "next comment added since last visit (●)", group: .visit),
        Binding([.character("{")], .visit(.previousNew), "previous-new", "previous added comment", group: .visit),
        Binding([.character(")")], .visit(.nextUnread), "next-unread", "next unread comment", group: .visit),
        Binding(
            [.character("(")], .visit(.previousUnread), "previous-unread", "previous unread comment", group: .visit),
        Binding(
            [.character("d")], .visit(.markSubtreeRead), "mark-subtree-read", "mark comment + replies read",
            group: .visit),
        Binding([.character("D")], .visit(.markThreadRead), "mark-thread-read", "mark this thread read", group: .visit),
        Binding([.character("E")], .visit(.markAllRead), "mark-all-read", "mark every comment read", group: .visit),
        Binding([.character("m")], .visit(.setMark), "set-mark", "m + letter: set a mark", group: .visit),
        Binding([.character("'")], .visit(.goToMark), "go-to-mark", "' + letter: go to a mark", group: .visit),
        Binding([.control("o")], .visit(.jumpBack), "jump-back", "back before the last jump", group: .visit),
        Binding([.control("t")], .visit(.jumpForward), "jump-forward", "forward (ctrl-I is tab)", group: .visit),
        Binding([.control("l")], .redraw, "redraw", "repaint the screen", group: .views),
        Binding([.character("?")], .showHelp, "show-help", "this help", group: .views),
        Binding([.control("g")], .showMessages, "show-messages", "the session's messages in full", group: .views),
        Binding([.character("s")], .cycleSort, "cycle-sort", "sort: best, top, new, old", group: .views),
        Binding([.character(">")], .nextStory, "next-story", "next story of the list", group: .leaving),
        Binding([.character("<")], .previousStory, "previous-story", "previous story of the list", group: .leaving),
        Binding([.character("q")], .quit, "quit", "quit", group: .leaving),
    ])
}

/// What an action is about: `tread config` heads each run of actions of one group with its title.
public enum ActionGroup: String, CaseIterable, Sendable {
    case moving, folding, scrolling, searching, views, links, visit, leaving, other

    /// The heading, as `tread config` writes it.
    public var title: String {
        switch self {
        case .moving: return "Moving the selection"
        case .folding: return "Folding"
        case .scrolling: return "Scrolling"
        case .searching: return "Searching and filtering"
        case .views: return "Views"
        case .links: return "Links, copying and reloading"
        case .visit: return "New comments, marks and jumps"
        case .leaving: return "Leaving"
        case .other: return "Other"
        }
    }
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
