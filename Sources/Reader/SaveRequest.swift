/// What `|` hands the runtime: the command line as typed at the prompt and the text for its standard input.
///
/// The line is split into words by the runtime's one splitter (no shell, nothing expanded), and no part
/// of it ever comes from the document: the document's text is only ever the command's input.
public struct PipeRequest: Equatable, Sendable {
    public var commandLine: String
    public var text: String
    /// What is piped, for the status line: "the comment", "12 comments".
    public var what: String
    /// A big subtree handed over unbuilt (`text` is then empty): the runtime builds it beside the reader.
    public var pending: SubtreeMarkdown?

    public init(commandLine: String, text: String, what: String, pending: SubtreeMarkdown? = nil) {
        self.commandLine = commandLine
        self.text = text
        self.what = what
        self.pending = pending
    }

    /// The text for the command's standard input: `text`, or the pending subtree built now (seconds for a
    /// big one: call it beside the reader).
    public func content() -> String { pending?.text() ?? text }

    /// The same text in parts, as built (see `SubtreeMarkdown.stream`); whether every part was handed over.
    @discardableResult
    public func stream(_ part: (String) -> Bool) -> Bool {
        guard let pending else {
            _ = part(text)
            return true
        }
        return pending.stream(part)
    }
}

/// What `w` and `W` hand the runtime: the path as typed, the text, and whether it may replace a file.
public struct SaveRequest: Equatable, Sendable {
    /// As typed at the prompt (`~/x.md`): the runtime expands it, messages show it as typed.
    public var path: String
    public var text: String
    /// Comments in `text`, for "saved 12 comments to ~/x.md".
    public var comments: Int
    /// The user said yes to replacing the file that is there.
    public var overwrite: Bool
    /// A big subtree handed over unbuilt (`text` is then empty): the save's job builds it.
    public var pending: SubtreeMarkdown?

    public init(path: String, text: String, comments: Int, overwrite: Bool = false, pending: SubtreeMarkdown? = nil) {
        self.path = path
        self.text = text
        self.comments = comments
        self.overwrite = overwrite
        self.pending = pending
    }

    /// The file's text: `text`, or the pending subtree built now (call it beside the reader).
    public func content() -> String { pending?.text() ?? text }
}

/// How a save ended, as the runtime answers it.
public enum SaveOutcome: Equatable, Sendable {
    case written(SaveRequest)
    /// A file is there and the request did not allow replacing it: the reader asks.
    case exists(SaveRequest)
    /// Why not, in words ("the disk is full").
    case failed(SaveRequest, reason: String)
}

/// A path typed at the save prompt: `~` expanded, its directory remembered for the next prompt.
public enum SavePath {
    /// `path` with a leading `~` or `~/` turned into `home`; nil for `~user` (not expanded: no
    /// user database is read) or a `~` without a home. Anything else is the path as typed.
    public static func expanded(_ path: String, home: String?) -> String? {
        guard path.hasPrefix("~") else { return path }
        let rest = path.dropFirst()
        guard rest.isEmpty || rest.hasPrefix("/") else { return nil }
        guard let home, !home.isEmpty else { return nil }
        let base = home.hasSuffix("/") && !rest.isEmpty ? String(home.dropLast()) : home
        return base + rest
    }

    /// The directory part of `path` as typed, ending in `/` (`~/notes/` of `~/notes/x.md`); empty without one.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path == "~" ? "~/" : "" }
        return String(path[...slash])
    }
}
