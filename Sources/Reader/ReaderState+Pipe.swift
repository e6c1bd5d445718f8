import ThreadModel

/// Piping the selected comment to a command (`|`, as mutt's) and saving it to a file (`w`, `W`).
///
/// Both ask at a one-line prompt, then hand the runtime a command: the text is the Markdown `Y` and `T`
/// copy. The pipe's command line comes from the user (the config's default, or the last one run), never
/// from the document; the runtime splits it into words and runs it without a shell on the terminal.
/// A save names a file: one that exists is replaced only after a yes.
extension ReaderState {
    /// What the pipe and save prompts remember for the session: the reader is given it when it opens
    /// (`ReaderOpening.piping`) and hands it back when left, so the next story of a front page offers the
    /// same; never written to disk.
    public struct Piping: Sendable, Equatable {
        /// The command line last run, offered at the next `|` instead of the config's.
        public internal(set) var lastCommand: String?
        /// The directory of the last file saved (as typed, `~/notes/`), offered at the next `w`; a save that
        /// failed leaves it as it was.
        public internal(set) var lastDirectory: String?

        public init() {}
    }

    /// `|`, `w`, `W`: opens the prompt for the selected comment (`subtree`: with its replies).
    mutating func startLinePrompt(_ purpose: LinePrompt.Purpose, subtree: Bool) {
        guard selection != nil else {
            message = "there are no comments"
            return
        }
        let text: String
        switch purpose {
        case .pipe: text = piping.lastCommand ?? options.pipeCommand
        case .save: text = piping.lastDirectory ?? ""
        }
        mode = .linePrompt(LinePrompt(purpose, subtree: subtree, text: text))
    }

    /// A key at the pipe or save prompt.
    mutating func linePromptInput(_ key: Key, _ prompt: LinePrompt) {
        switch prompt.edited(by: key) {
        case .editing(let edited): mode = .linePrompt(edited)
        case .cancel:
            mode = .reading
            message = nil
        case .submit(let done):
            mode = .reading
            submit(done)
        }
    }

    /// The prompt's label for the selected comment ("pipe the comment and 3 replies to: ").
    func linePromptLabel(_ prompt: LinePrompt) -> String {
        prompt.label(replies: selection.map { tree.hiddenCommentCount(of: $0) } ?? 0)
    }

    private mutating func submit(_ prompt: LinePrompt) {
        guard let selection else { return }
        let trimmed = prompt.text.trimmingSpaces
        guard !trimmed.isEmpty else {
            message = prompt.purpose == .pipe ? "no command: nothing piped" : "no file name: nothing saved"
            return
        }
        // A big subtree is built by the runtime beside the reader, not here before the next frame.
        let big = prompt.subtree && tree.descendantCount(of: selection) >= SubtreeMarkdown.inlineLimit
        let pending = big ? SubtreeMarkdown(discussion: discussion, tree: tree, index: selection) : nil
        var (text, comments) = ("", pending?.comments ?? 0)
        if pending == nil {
            (text, comments) = prompt.subtree ? subtreeMarkdown(selection) : (commentMarkdown(selection), 1)
        }
        switch prompt.purpose {
        case .pipe:
            piping.lastCommand = trimmed
            let what = prompt.subtree ? Self.comments(comments) : "the comment"
            commands.append(.pipe(PipeRequest(commandLine: trimmed, text: text, what: what, pending: pending)))
        case .save:
            commands.append(.save(SaveRequest(path: trimmed, text: text, comments: comments, pending: pending)))
            message = "saving to \(Blocks.oneLine(trimmed))…"
        }
    }

    /// The runtime's answer to a save.
    mutating func saved(_ outcome: SaveOutcome) {
        switch outcome {
        case .written(let request):
            // Only a directory a file was saved in is offered next: not one that failed.
            piping.lastDirectory = SavePath.directory(of: request.path)
            message = "saved \(Self.comments(request.comments)) to \(Blocks.oneLine(request.path))"
        case .exists(let request):
            mode = .confirmOverwrite(request)
            message = nil
        case .failed(let request, let reason):
            message = "could not save to \(Blocks.oneLine(request.path)): \(reason)"
        }
    }

    /// A key while asking whether to replace a file: `y` replaces it, anything else keeps it.
    mutating func confirmOverwriteInput(_ key: Key, _ request: SaveRequest) {
        mode = .reading
        guard key == .character("y") || key == .character("Y") else {
            message = "not saved: \(Blocks.oneLine(request.path)) is kept as it was"
            return
        }
        var replacing = request
        replacing.overwrite = true
        commands.append(.save(replacing))
        message = "saving to \(Blocks.oneLine(request.path))…"
    }

    /// "1 comment", "12 comments", "1,204 comments".
    static func comments(_ count: Int) -> String {
        count == 1 ? "1 comment" : "\(CountText.grouped(count)) comments"
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

extension ReaderState {
    /// The status line while the pipe or save prompt, or the question about a file there, is open.
    var lineQuestion: String? {
        switch mode {
        case .linePrompt(let prompt): return linePromptLabel(prompt) + Blocks.oneLine(prompt.text)
        case .confirmOverwrite(let request):
            return "\(Blocks.oneLine(request.path)) exists: replace it? (y/n) "
        default: return nil
        }
    }
}
