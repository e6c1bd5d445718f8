import ThreadModel
import ThreadTree

/// Writes the thread as indented plain text: the article, then every comment in thread order.
///
/// Lines are produced comment by comment and handed to `write` as they are made, so the
/// first lines of a huge thread appear before the rest is laid out.
public struct ThreadPrinter {
    public var width: Int
    /// Print comments down to this many levels (1 = top level only); nil for all.
    public var depthLimit: Int?

    public init(width: Int, depthLimit: Int? = nil) {
        self.width = max(1, width)
        self.depthLimit = depthLimit
    }

    /// Calls `write` with each line of the printed thread, newline included.
    public func print(_ discussion: Discussion, tree: CommentTree, to write: (String) -> Void) {
        for line in Blocks.article(discussion, width: width) { write(line.plainText + "\n") }
        var index = 0
        while index < discussion.count {
            let depth = tree.depth(of: index)
            var hidden: Int?
            var next = index + 1
            if let depthLimit, depth + 1 >= depthLimit, tree.isFoldable(index) {
                hidden = tree.hiddenCommentCount(of: index)
                next = tree.subtreeEnd(of: index)
            }
            var lines = Blocks.comment(index, of: discussion, tree: tree, width: width, hiddenReplies: hidden)
            labelPerson(index, of: discussion, in: &lines)
            for line in lines { write(line.plainText + "\n") }
            index = next
        }
    }

    // Issue 13 (people), labelled edit: until the header in Blocks draws them, the printer puts
    // `OP` / `mod` / `admin` / `staff` after the author. Remove this when Blocks.header does it.
    /// Adds the comment's person labels after its author on the header line, clipped to the width.
    private func labelPerson(_ index: Int, of discussion: Discussion, in lines: inout [StyledLine]) {
        let labels = discussion.personLabels(of: index)
        guard !labels.isEmpty, let header = lines.first, let author = discussion.author(of: index) else { return }
        let shown = Blocks.oneLine(author)
        guard let at = header.spans.firstIndex(where: { $0.text == shown }) else { return }
        var spans = header.spans
        spans.insert(Span(" " + labels.joined(separator: " "), CellStyle(tint: .accent, bold: true)), at: at + 1)
        lines[0].spans = Blocks.clip(spans, to: width)
    }

    /// The whole printed thread as one string, for tests and small documents.
    public func text(of discussion: Discussion) -> String {
        var text = ""
        print(discussion, tree: CommentTree(discussion: discussion)) { text += $0 }
        return text
    }
}
