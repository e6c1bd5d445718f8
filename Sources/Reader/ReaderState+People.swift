import ThreadModel

extension ReaderState {
    /// `a`/`A`, `p`/`P`: the next or previous comment by the selected comment's author, or by the
    /// original poster, in thread order, opening folds on the way.
    ///
    /// One pass over the comments from the selection: a key costs at most the thread's length.
    mutating func goToPerson(_ action: Action, from selection: Int, layout: LayoutCache) {
        let forward = action == .nextByAuthor || action == .nextByOp
        let byOP = action == .nextByOp || action == .previousByOp
        let matches: (Int) -> Bool
        if byOP {
            matches = { [discussion] in discussion.isOP($0) }
        } else {
            guard let author = discussion.author(of: selection), !author.isEmpty else {
                message = "this comment has no author"
                return
            }
            matches = { [discussion] in !discussion.isPlaceholder($0) && discussion.author(of: $0) == author }
        }
        var index = selection
        var found: Int?
        while true {
            index += forward ? 1 : -1
            guard index >= 0, index < discussion.count else { break }
            if matches(index) {
                found = index
                break
            }
        }
        let who = byOP ? "the original poster" : "this author"
        go(
            to: found, otherwise: forward ? "no later comment by \(who)" : "no earlier comment by \(who)",
            layout: layout)
    }
}
