import TextLayout
import ThreadModel
import ThreadTree

/// A comment and every reply under it as nested Markdown: what `T` copies, and what `|` (ctrl-T) and `W`
/// pipe and save.
///
/// A value the runtime can build beside the reader: a subtree of a few thousand comments is built at once,
/// a bigger one (200,000 replies took 4 s, the reader frozen without a word) is handed over unbuilt
/// (`PipeRequest.pending`, `SaveRequest.pending`) and built on the pipe's feeding thread or the save's job,
/// so the command starts at once and the reader goes on.
public struct SubtreeMarkdown: Sendable, Equatable {
    let discussion: Discussion
    let tree: CommentTree
    /// The comment the subtree starts at.
    public let index: Int
    /// Comments in it (stand-ins are not comments).
    public let comments: Int

    init(discussion: Discussion, tree: CommentTree, index: Int) {
        self.discussion = discussion
        self.tree = tree
        self.index = index
        let range = tree.subtree(of: index)
        comments = tree.commentsBefore(range.upperBound) - tree.commentsBefore(range.lowerBound)
    }

    /// Up to this many comments a subtree is built in `update`, before the next frame.
    static let inlineLimit = 2_000

    /// How many `> ` replies nest at most.
    static let quoteNesting = 32

    /// The whole subtree's Markdown.
    public func text() -> String { build(limit: .max).text }

    /// The subtree's Markdown in parts of about `partSize` bytes, each handed to `part` as it is built; stops
    /// when `part` answers false (the command stopped reading). Answers whether every part was handed over.
    @discardableResult
    public func stream(partSize: Int = 64 << 10, _ part: (String) -> Bool) -> Bool {
        let base = tree.depth(of: index)
        var text = ""
        for current in tree.subtree(of: index) where !discussion.isPlaceholder(current) {
            let level = tree.depth(of: current) - base
            let deeper = level > Self.quoteNesting ? level : nil
            let indent = String(repeating: "> ", count: min(level, Self.quoteNesting))
            text += Self.markdown(current, in: discussion, indent: indent, levelsDeep: deeper) + "\n"
            if text.utf8.count >= partSize {
                guard part(text) else { return false }
                text = ""
            }
        }
        if !text.isEmpty { _ = part(text) }
        return true
    }

    /// The Markdown and how many comments it holds; stops once past `limit` bytes.
    func build(limit: Int) -> (text: String, comments: Int) {
        let base = tree.depth(of: index)
        var text = ""
        var comments = 0
        var current = index
        let end = tree.subtreeEnd(of: index)
        while current < end {
            if !discussion.isPlaceholder(current) {
                // Quotes nest at most 32 deep; a deeper reply says its own level, so no nesting is lost unsaid.
                let level = tree.depth(of: current) - base
                let deeper = level > Self.quoteNesting ? level : nil
                let indent = String(repeating: "> ", count: min(level, Self.quoteNesting))
                text += Self.markdown(current, in: discussion, indent: indent, levelsDeep: deeper) + "\n"
                comments += 1
            }
            if text.utf8.count > limit { break }
            current += 1
        }
        return (text, comments)
    }

    /// `**author** · date` then the body, every line behind `indent`; `levelsDeep`: a reply deeper than the
    /// quotes nest, which says how deep it is.
    static func markdown(_ index: Int, in discussion: Discussion, indent: String, levelsDeep: Int? = nil) -> String {
        let author = discussion.author(of: index).map(Blocks.oneLine) ?? "anonymous"
        var head = "**\(author)**"
        if let date = discussion.published(of: index) { head += " · " + Blocks.oneLine(String(date.prefix(40))) }
        if let levelsDeep { head += " · \(CountText.grouped(levelsDeep)) levels deep" }
        var lines = [indent + head, indent]
        let body = Sanitizer.sanitize(discussion.body(of: index))
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) { lines.append(indent + line) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same subtree of the same document (its bytes' address and its size stand for it).
    public static func == (a: SubtreeMarkdown, b: SubtreeMarkdown) -> Bool {
        a.index == b.index && a.comments == b.comments && a.discussion.records.count == b.discussion.records.count
            && a.discussion.bytes.buffer.baseAddress == b.discussion.bytes.buffer.baseAddress
    }
}
