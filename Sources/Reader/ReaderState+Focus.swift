import ThreadModel

extension ReaderState {
    /// Selects the comment whose id is `id` (a permalink's), its ancestors unfolded and the view on
    /// it; the visit's resume then leaves the selection where the permalink put it.
    mutating func focus(_ id: String, layout: LayoutCache) {
        let target = index(of: id)
        go(to: target, otherwise: "the linked comment \(Blocks.oneLine(id)) is not in this thread", layout: layout)
        if target != nil { visits.touched = true }
    }

    /// Whether the comment of id `id` is in the thread (yet).
    func contains(_ id: String) -> Bool { index(of: id) != nil }

    private func index(of id: String) -> Int? {
        (0..<discussion.count).first { discussion.id(of: $0)?.key == id }
    }
}
