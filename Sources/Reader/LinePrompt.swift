import ThreadModel

/// The one-line prompt of `|`, `w` and `W`: what it is for, whether it takes the replies too, and the text typed.
public struct LinePrompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// A command line, run with the text on its standard input.
        case pipe
        /// A file to save the text to.
        case save
    }

    public var purpose: Purpose
    /// The selected comment and every reply under it, not the comment alone (ctrl-T switches).
    public var subtree: Bool
    public var text: String
    /// The text the prompt opened with, while it is untouched: at the save prompt a path typed from its
    /// root (`/`, `~`) replaces the offered directory instead of being glued after it.
    var offered: String?

    /// The longest line kept: a command line or a path, never a document.
    static let maximumLength = 1000

    public init(_ purpose: Purpose, subtree: Bool, text: String) {
        self.purpose = purpose
        self.subtree = subtree
        self.text = text
        self.offered = text.isEmpty ? nil : text
    }

    /// The words before the typed text: "pipe the comment to: ", "save 12 comments to: ".
    func label(replies: Int) -> String {
        let what = subtree ? "the comment and \(Self.replies(replies))" : "the comment"
        switch purpose {
        case .pipe: return "pipe \(what) to: "
        case .save: return "save \(what) to: "
        }
    }

    static func replies(_ count: Int) -> String {
        count == 1 ? "1 reply" : "\(CountText.grouped(count)) replies"
    }

    /// What a key does to the prompt, edited as the search prompt is: ctrl-W deletes a word, ctrl-U the
    /// line, Backspace on an empty line closes it, ctrl-T switches between the comment and its subtree.
    /// `/` or `~` typed first at a save prompt offering a directory starts a new path in its place.
    enum Edit: Equatable {
        case editing(LinePrompt)
        case submit(LinePrompt)
        case cancel
    }

    func edited(by key: Key) -> Edit {
        var prompt = self
        if key != .control("t") { prompt.offered = nil }
        switch key {
        case .escape: return .cancel
        case .enter: return .submit(prompt)
        case .backspace:
            if prompt.text.isEmpty { return .cancel }
            prompt.text.removeLast()
        case .control("u"): prompt.text = ""
        case .control("w"):
            while prompt.text.last == " " { prompt.text.removeLast() }
            while let last = prompt.text.last, last != " " { prompt.text.removeLast() }
        case .control("t"): prompt.subtree.toggle()
        case .character(let character):
            if purpose == .save, offered != nil, text == offered, character == "/" || character == "~" {
                prompt.text = ""
            }
            if prompt.text.count < Self.maximumLength { prompt.text.append(character) }
        default: break
        }
        return .editing(prompt)
    }
}
