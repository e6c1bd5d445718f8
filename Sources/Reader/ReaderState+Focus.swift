/// Opening a thread on the comment its address names (a Mastodon status, a Lemmy comment).
extension ReaderState {
    /// Selects the comment whose id is `id`, unfolding its ancestors and scrolling it into view, as
    /// if the reader had moved there: the last visit's position does not then take its place.
    /// Nothing changes when no comment has that id (the address named the article itself, or a
    /// comment the site no longer sends).
    public mutating func focus(onCommentID id: String, layout: LayoutCache) {
        guard let index = (0..<discussion.count).first(where: { discussion.id(of: $0)?.key == id }),
            !discussion.isPlaceholder(index)
        else { return }
        tree.reveal(index)
        selection = index
        reveal(index, layout: layout)
        visits.touched = true
    }
}
