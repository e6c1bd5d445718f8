import ThreadModel

/// Reddit's `more` stubs as fetchable placeholders, and the answer of `/api/morechildren`.
extension Reddit {
    /// The stub of a `more` thing's data; nil when its ids fail `MoreStub`'s checks.
    static func moreStub(_ tree: inout JSONTree, _ node: Int32, post: String?) -> MoreStub? {
        guard let post, let parent = tree.string(node, "parent_id") else { return nil }
        // The count is read before the ids: reading a deferred list of them drops `node`. A wrong
        // count is counted only when the stub is made, as when it was read last.
        let wrongBefore = tree.wrongFields
        let count = tree.integer(node, "count")
        let countWrong = tree.wrongFields - wrongBefore
        tree.wrongFields = wrongBefore
        var children: [String] = []
        if let list = tree.typed(node, "children", .array) {
            var ids = tree.cursor(list)
            while let element = tree.next(&ids) {
                guard tree.kind(element) == .string, let id = tree.bytes.string(tree.nodes[Int(element)].text) else {
                    return nil
                }
                children.append(id)
            }
        }
        tree.wrongFields += countWrong
        let stub = MoreStub(link: "t3_" + post, parent: parent, children: children, count: count)
        return stub.isValid ? stub : nil
    }

    /// Reads `/api/morechildren?api_type=json` answers (`{"json": {"data": {"things": [...]}}}`),
    /// one or several spliced into one `things` array: flat comments and stubs, each naming its
    /// parent by fullname. A reply to the thread is top level; a reply to a comment not among
    /// the things keeps that comment's id as its `parent` (an orphan here, placed by the merge).
    static func loadMoreChildren(_ bytes: DocumentBytes, post: String) throws(DocumentError) -> Discussion {
        // The things are read one by one, as a thread's comments are (so are the stubs' id lists).
        var tree = try ImportSupport.tree(bytes, deferring: ["things", "children"])
        guard let json = tree.member(tree.root, "json"), let data = tree.member(json, "data"),
            let things = tree.typed(data, "things", .array)
        else {
            throw DocumentError(kind: .shape("a morechildren answer holds no json.data.things", line: 0, column: 0))
        }
        var builder = DiscussionBuilder(article: Article(id: post, title: "more replies"))
        var notes = ImportNotes()
        var cursor = tree.cursor(things)
        while let thing = tree.next(&cursor) {
            guard let node = tree.member(thing, "data"), tree.kind(node) == .object else {
                notes.skipped += 1
                continue
            }
            let parentName = tree.string(node, "parent_id") ?? ""
            // `t1_abc` names comment abc; the thread (`t3_`) means the top level.
            let parentID: CommentID? = parentName.hasPrefix("t1_") ? .string(String(parentName.dropFirst(3))) : nil
            switch tree.string(thing, "kind") {
            case "more":
                builder.addPlaceholder(
                    MoreStub.line(count: tree.integer(node, "count") ?? 0), more: moreStub(&tree, node, post: post),
                    parentID: parentID)
            case "t1":
                let data = ThingData(&tree, node)
                guard let id = data.id, !builder.hasComment(withID: id) else {
                    notes.duplicates += 1
                    continue
                }
                var comment = comment(of: data, escaped: isEscaped(data.bodyHtml) ?? false)
                comment.parent = parentID
                builder.add(comment)
            default:
                notes.skipped += 1
            }
        }
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
    }
}

extension Discussion {
    /// Reads the answer(s) of Reddit's `/api/morechildren` for thread `post` (its bare id): the
    /// comments a stub stood for, ready for `merging(stub:with:)`.
    public static func load(redditMoreChildren bytes: DocumentBytes, post: String) throws(DocumentError) -> Discussion {
        try Reddit.loadMoreChildren(bytes, post: post)
    }
}
