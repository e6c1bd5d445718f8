/// Builds a discussion from Swift values: what importers of other formats produce.
///
/// Text goes into one arena of bytes, so the result is the same flat thread the
/// canonical loader makes, with the same validation.
public struct DiscussionBuilder {
    public var article: Article
    public var notes: [String] = []
    var arena = TextArena()
    var records: [CommentRecord] = []
    var hashes = RecordHashes()

    public init(article: Article) {
        self.article = article
    }

    public var count: Int { records.count }

    /// Adds a comment or placeholder (its `replies` are ignored) and returns its index.
    ///
    /// `parent` is the index of an earlier comment this one is nested under; without it,
    /// the comment's own `parent` id is resolved when the discussion is built.
    @discardableResult
    public mutating func add(_ comment: Comment, under parent: Int? = nil) -> Int {
        var record = CommentRecord()
        if let parent, parent >= 0, parent < records.count {
            record.parent = Int32(parent)
            record.flags.insert(.nested)
        }
        hashes.appendComment()
        if let id = comment.id {
            hashes.ids[records.count] = TextHash.of(id.key)
            record.id = store(id.key)
            if case .integer = id { record.flags.insert(.integerID) }
        }
        if record.parent < 0, let parentID = comment.parent {
            hashes.setParent(TextHash.of(parentID.key), of: records.count)
            record.parentID = store(parentID.key)
            if case .integer = parentID { record.flags.insert(.integerParentID) }
        }
        record.author = store(comment.author)
        if let author = comment.author { hashes.addAuthor(TextHash.of(author)) }
        record.published = store(comment.published)
        record.body = store(comment.body)
        if let score = comment.score {
            record.score = score
            record.flags.insert(.hasScore)
        }
        if comment.deleted == true { record.flags.insert(.deleted) }
        if comment.op == true { record.flags.insert(.op) }
        if let role = comment.role { record.flags.insert(CommentRecord.Flags(role: role)) }
        // As the canonical loader: `more` means something on placeholders only.
        if comment.placeholder == true {
            record.flags.insert(.placeholder)
            if let more = comment.more { record.more = store(more.json) }
        }
        records.append(record)
        return records.count - 1
    }

    /// Adds a one-line placeholder (see `Discussion.isPlaceholder`) and returns its index.
    @discardableResult
    public mutating func addPlaceholder(_ line: String, published: String? = nil, under parent: Int? = nil) -> Int {
        let index = add(Comment(published: published, body: line), under: parent)
        records[index].flags.insert(.placeholder)
        return index
    }

    /// Adds a placeholder that can be fetched (`more` is written as the format's `more` object);
    /// `parentID` places it by id, as a comment's `parent`, when `parent` is not given.
    @discardableResult
    public mutating func addPlaceholder(
        _ line: String, more: MoreStub?, published: String? = nil, parentID: CommentID? = nil, under parent: Int? = nil
    ) -> Int {
        let index = add(Comment(parent: parentID, published: published, body: line), under: parent)
        records[index].flags.insert(.placeholder)
        if let more { records[index].more = store(more.json) }
        return index
    }

    private mutating func store(_ text: String?) -> TextRef {
        guard let text else { return .absent }
        if !isKnownUniquelyReferenced(&arena) { arena = TextArena(copying: arena) }
        let offset = arena.count
        arena.append(text)
        return TextRef(offset: offset, length: arena.count - offset, jsonEscaped: false)
    }

    /// Checks ids and parents and puts the comments in thread order.
    public func build() throws(DocumentError) -> Discussion {
        var copy = self
        return try copy.finish()
    }

    /// `build()`, leaving the builder empty: its records move into the discussion instead of being
    /// copied when the assembly resolves and sorts them (a million comments: 56 MB not copied).
    package mutating func finish() throws(DocumentError) -> Discussion {
        guard arena.count <= DocumentBytes.maximumSize else {
            throw DocumentError(kind: .tooLarge(bytes: arena.count))
        }
        // Bytes with an address even when there is no text (reserving moves nothing: there is none).
        if arena.base == nil { arena.reserve(1) }
        let (records, hashes, arena, notes) = (self.records, self.hashes, self.arena, self.notes)
        self = DiscussionBuilder(article: article)
        var discussion = try Discussion.assemble(
            article: article, bytes: DocumentBytes(holding: arena), records: records, hashes: hashes,
            position: { _ in (0, 0) }
        )
        discussion.notes = notes
        return discussion
    }
}

extension Discussion {
    /// Builds the flat thread of a document value, walking nested replies without recursion.
    public init(document: Document) throws(DocumentError) {
        var builder = DiscussionBuilder(article: document.article)
        // Each entry: the replies still to add and the index of the comment they belong to.
        var pending: [(comments: ArraySlice<Comment>, parent: Int?)] = [((document.comments ?? [])[...], nil)]
        while var top = pending.popLast() {
            guard let comment = top.comments.popFirst() else { continue }
            let index = builder.add(comment, under: top.parent)
            pending.append(top)
            if let replies = comment.replies, !replies.isEmpty {
                pending.append((replies[...], index))
            }
        }
        self = try builder.finish()
    }
}
