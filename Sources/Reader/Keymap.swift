/// Key bindings as data: the reader looks keys up here and the help overlay lists this same table.
public struct Keymap: Sendable {
    /// One line of the keymap: the keys, what they do, and the help text.
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        public var help: String

        public init(_ keys: [Key], _ action: Action, _ help: String) {
            self.keys = keys
            self.action = action
            self.help = help
        }

        /// The keys as the help overlay lists them ("j ↓", "1–9").
        public var label: String {
            if keys.count > 2, case .character(let first) = keys[0], case .character(let last) = keys[keys.count - 1],
                first.isNumber, last.isNumber
            {
                return "\(first)–\(last)"
            }
            return keys.map(\.label).joined(separator: " ")
        }
    }

    public var bindings: [Binding]
    private var lookup: [Key: Action] = [:]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        for binding in bindings {
            for key in binding.keys where lookup[key] == nil {
                // A digit key carries its own value, whichever digit the binding was written with.
                if case .digit = binding.action, case .character(let c) = key, let value = c.wholeNumberValue {
                    lookup[key] = .digit(value)
                } else {
                    lookup[key] = binding.action
                }
            }
        }
    }

    /// The action for a key in `mode`: while a prompt or the help is open, every key goes to it.
    public func action(for key: Key, in mode: ReaderState.Mode) -> Action? {
        switch mode {
        case .reading: return lookup[key]
        case .searchPrompt, .filterPrompt, .help, .linkPicker, .parentOverlay: return .input(key)
        }
    }

    public static let standard = Keymap([
        Binding([.character("j"), .down], .nextComment, "next comment"),
        Binding([.character("k"), .up], .previousComment, "previous comment"),
        Binding([.character("J")], .nextSibling, "next sibling"),
        Binding([.character("K")], .previousSibling, "previous sibling"),
        Binding([.character("]"), .control("n")], .nextThread, "next thread"),
        Binding([.character("["), .control("p")], .previousThread, "previous thread"),
        Binding([.character("u")], .parent, "parent"),
        Binding([.character("r")], .root, "root of this thread"),
        Binding([.character("U")], .showParent, "peek at the parent (u: up)"),
        Binding([.character(" "), .enter, .tab], .toggleFold, "fold / unfold; fetch \"more replies\""),
        Binding([.character("h"), .left], .foldOrParent, "fold / go to parent"),
        Binding([.character("l"), .right], .unfold, "unfold"),
        Binding([.character("x")], .foldThreadAndNext, "fold, next thread"),
        Binding([.character("z")], .foldAll, "fold every thread"),
        Binding([.character("Z")], .unfoldAll, "unfold everything"),
        Binding((0...9).map { .character(Character(String($0))) }, .digit(0), "a count: 5j, 3u, 2J"),
        Binding([.character("=")], .depthPrefix, "=1–9: show depth 1–9 only"),
        Binding([.control("e")], .lineDown, "scroll a line down"),
        Binding([.control("y")], .lineUp, "scroll a line up"),
        Binding([.control("d")], .halfPageDown, "half a page down"),
        Binding([.control("u")], .halfPageUp, "half a page up"),
        Binding([.pageDown, .character("f")], .pageDown, "a page down"),
        Binding([.pageUp, .character("b")], .pageUp, "a page up"),
        Binding([.character("g"), .home], .top, "top of the article"),
        Binding([.character("G"), .end], .bottom, "last comment"),
        Binding([.character("c")], .firstComment, "first comment"),
        Binding([.character("/")], .startSearch, "search all comments"),
        Binding([.character("v")], .toggleOverview, "overview: a line per comment"),
        Binding([.character("M")], .toggleMap, "map: █ selected • match ◆ hit + new"),
        Binding([.character("&")], .startFilter, "filter: author:pg depth<3 /re/…"),
        Binding([.character("n")], .nextMatch, "next match (of the filter when on)"),
        Binding([.character("N")], .previousMatch, "previous match"),
        Binding([.character("a")], .nextByAuthor, "next by this author"),
        Binding([.character("A")], .previousByAuthor, "previous by this author"),
        Binding([.character("p")], .nextByOp, "next by the OP"),
        Binding([.character("P")], .previousByOp, "previous by the OP"),
        Binding([.character("o")], .openLink, "open a link (2o: link 2)"),
        Binding([.character("O")], .openThread, "open the thread's page on its site"),
        Binding([.character("L")], .openArticle, "open the article the thread links to"),
        Binding([.character("I")], .openCommentOnSite, "open the comment's page"),
        Binding([.character("y")], .copyLink, "copy a link (2y: link 2)"),
        Binding([.character("Y")], .copyComment, "copy the comment as Markdown"),
        Binding([.character("T")], .copySubtree, "copy comment and replies"),
        Binding([.character("R")], .reload, "reload: new comments in place"),
        Binding([.escape], .cancel, "stop a search or fetch; clear a filter"),
        Binding([.character("}")], .visit(.nextNew), "next new comment (●)"),
        Binding([.character("{")], .visit(.previousNew), "previous new comment"),
        Binding([.character("d")], .visit(.markSubtreeRead), "mark comment + replies read"),
        Binding([.character("D")], .visit(.markThreadRead), "mark this thread read"),
        Binding([.character("E")], .visit(.markAllRead), "mark every comment read"),
        Binding([.character("m")], .visit(.setMark), "m + letter: set a mark"),
        Binding([.character("'")], .visit(.goToMark), "' + letter: go to a mark"),
        Binding([.control("o")], .visit(.jumpBack), "back before the last jump"),
        Binding([.control("t")], .visit(.jumpForward), "forward (ctrl-I is tab)"),
        Binding([.control("l")], .redraw, "repaint the screen"),
        Binding([.character("?")], .showHelp, "this help"),
        Binding([.character(">")], .nextStory, "next story of the list"),
        Binding([.character("<")], .previousStory, "previous story of the list"),
        Binding([.character("q")], .quit, "quit"),
    ]).withDigits()

    /// The digit keys each carry their own value; the table lists them as one line.
    private func withDigits() -> Keymap {
        var keymap = self
        for digit in 0...9 { keymap.lookup[.character(Character(String(digit)))] = .digit(digit) }
        return keymap
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
