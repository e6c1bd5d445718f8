import ThreadModel
import ThreadQuery
import ThreadTree

/// Writes the thread as indented plain text: the article, then every comment in thread order.
///
/// Lines are produced comment by comment and handed to `write` as they are made, so the
/// first lines of a huge thread appear before the rest is laid out.
public struct ThreadPrinter {
    public var width: Int
    /// Print comments down to this many levels (1 = top level only); nil for all.
    public var depthLimit: Int?
    /// Text width, indent and dates, as the reader's page has them.
    public var options: LayoutOptions
    /// The filter's status ("filter: 4 of 351") when the discussion is what `--filter` kept.
    public var filter: String?
    /// The comments the kill-file hides: one line each, their replies printed under it.
    public var kill: KillMarks?

    public init(width: Int, depthLimit: Int? = nil, options: LayoutOptions = .standard, filter: String? = nil) {
        self.width = max(1, width)
        self.depthLimit = depthLimit
        self.options = options
        self.options.numbersLinks = false
        self.filter = filter
    }

    /// Calls `write` with each line of the printed thread, newline included.
    public func print(_ discussion: Discussion, tree: CommentTree, to write: (String) -> Void) {
        for line in Blocks.article(discussion, width: width, options: options, filter: filter) {
            write(line.plainText + "\n")
        }
        var index = 0
        while index < discussion.count {
            let depth = tree.depth(of: index)
            var hidden: Int?
            var next = index + 1
            if let depthLimit, depth + 1 >= depthLimit, tree.isFoldable(index) {
                hidden = tree.hiddenCommentCount(of: index)
                next = tree.subtreeEnd(of: index)
            }
            if let kill, kill.isHidden(index) {
                for line in Blocks.killedStub(index, tree: tree, width: width, options: options) {
                    write(line.plainText + "\n")
                }
                // A `hide-thread` rule's comment is folded (see `killFolds`): its replies are not printed.
                index = tree.isFolded(index) ? tree.subtreeEnd(of: index) : next
                continue
            }
            let lines = Blocks.comment(
                index, of: discussion, tree: tree, width: width, hiddenReplies: hidden, options: options)
            for line in lines { write(line.plainText + "\n") }
            index = next
        }
    }

    /// `tree` with the comments of `hide-thread` rules folded, as the reader opens them: print with it.
    public static func killFolds(_ tree: CommentTree, _ kill: KillMarks) -> CommentTree {
        var tree = tree
        for index in kill.hiddenThreads where tree.isFoldable(Int(index)) { tree.fold(Int(index)) }
        return tree
    }

    /// The whole printed thread as one string, for tests and small documents.
    public func text(of discussion: Discussion) -> String {
        var text = ""
        print(discussion, tree: CommentTree(discussion: discussion)) { text += $0 }
        return text
    }
}
