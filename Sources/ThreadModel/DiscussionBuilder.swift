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
    /// The comments with an id, by its bytes (the first of equal ids): parents already added are
    /// found as a comment is added, and `hasComment(withID:)` answers from it. Made when first
    /// needed (`indexIDs()`): a thread placed by nesting alone never asks, and the assembly then
    /// checks the ids as it always did.
    var ids = GrowingIDIndex()
    var idsIndexed = false
    /// How many comments `reserveCapacity` expects in all, to size the index once.
    var expectedComments = 0
    /// Whether `hasComment(withID:)` was asked: ids are then watched for one that is not ASCII.
    var asksForIDs = false
    /// Every id as a Swift string, made once an id that is not ASCII comes (see `hasComment(withID:)`).
    var unicodeIDs: Set<String>?
    /// Authors and times stored lately, to store a repeated one once (see `storeShared`).
    var recentAuthors = RecentTexts()
    var recentTimes = RecentTexts()
    /// The bits of each id's hash kept (`idHash`): tests clear them all, so that every id has the
    /// same hash and only the comparison of the text tells ids apart.
    var idHashBits = UInt64.max
    /// Comments added with an id an earlier one has (the assembly refuses them).
    var repeatedIDs = 0

    public init(article: Article) {
        self.article = article
    }

    public var count: Int { records.count }

    /// Adds a comment or placeholder (its `replies` are ignored) and returns its index.
    ///
    /// `parent` is the index of an earlier comment this one is nested under; without it, the
    /// comment's own `parent` id is looked up among the comments added so far, else resolved when
    /// the discussion is built.
    @discardableResult
    public mutating func add(_ comment: Comment, under parent: Int? = nil) -> Int {
        var record = CommentRecord()
        let index = records.count
        if let parent, parent >= 0, parent < index {
            record.parent = Int32(parent)
            record.flags.insert(.nested)
        }
        hashes.appendComment()
        var id: String?
        if let given = comment.id {
            id = given.key
            hashes.ids[index] = idHash(given.key)
            record.id = store(given.key)
            if case .integer = given { record.flags.insert(.integerID) }
        }
        // Looked up before this comment's own id goes in, so a comment naming itself is left to
        // `build()`, which refuses it, as it refuses duplicate ids whatever they resolve to.
        if record.parent < 0, let parentID = comment.parent {
            let key = parentID.key
            let hash = idHash(key)
            indexIDs()
            if let found = commentIndex(ofID: key, hash: hash) {
                record.parent = Int32(found)
                record.flags.insert(.nested)
            } else {
                hashes.setParent(hash, of: index)
                record.parentID = store(key)
                if case .integer = parentID { record.flags.insert(.integerParentID) }
            }
        }
        if let author = comment.author {
            let hash = TextHash.of(author)
            let (ref, again) = storeShared(author, hash: hash, time: false)
            record.author = ref
            // An author stored again was counted the first time.
            if !again { hashes.addAuthor(hash) }
        }
        if let published = comment.published {
            record.published = storeShared(published, hash: TextHash.of(published), time: true).ref
        }
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
        if let id { addID(id, of: index) }
        return index
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

    mutating func store(_ text: String?) -> TextRef {
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
        let settled = isSettled
        let (records, hashes, arena, notes) = (self.records, self.hashes, self.arena, self.notes)
        self = DiscussionBuilder(article: article)
        var discussion: Discussion
        if settled {
            discussion = Discussion(
                article: article, bytes: DocumentBytes(holding: arena), records: records, orphanCount: 0,
                distinctAuthors: hashes.distinctAuthors)
        } else {
            discussion = try Discussion.assemble(
                article: article, bytes: DocumentBytes(holding: arena), records: records, hashes: hashes,
                position: { _ in (0, 0) }
            )
        }
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
