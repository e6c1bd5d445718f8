/// One comment as stored: where its text lies, its numbers and flags; 56 bytes (a test holds it there).
public struct CommentRecord: Sendable {
    public var id: TextRef = .absent
    public var author: TextRef = .absent
    public var published: TextRef = .absent
    public var body: TextRef = .absent
    /// The `parent` field of the flat form, before it is resolved.
    var parentID: TextRef = .absent
    /// Meaningful only with the `hasScore` flag: every Int64 is a valid score. With `hasMore` it
    /// holds a placeholder's stub instead (see `more`).
    var score: Int64 = 0
    /// Index of the parent comment; -1 at the top level.
    public var parent: Int32 = -1
    var flags: Flags = []

    struct Flags: OptionSet, Sendable {
        // 16 bits still fit the record in 56 bytes (54 used).
        let rawValue: UInt16
        static let deleted = Flags(rawValue: 1)
        static let integerID = Flags(rawValue: 2)
        static let integerParentID = Flags(rawValue: 4)
        /// Its `parent` names no comment of the document.
        static let orphan = Flags(rawValue: 8)
        /// Its place comes from nesting, so `parentID` is not used.
        static let nested = Flags(rawValue: 16)
        /// Not a comment: a one-line stand-in for something the file lacks (replies not
        /// sent, a forum event). Counted apart from comments.
        static let placeholder = Flags(rawValue: 32)
        static let hasScore = Flags(rawValue: 64)
        /// Written by the original poster.
        static let op = Flags(rawValue: 128)
        /// At most one of the three role bits is set.
        static let moderator = Flags(rawValue: 256)
        static let admin = Flags(rawValue: 512)
        static let staff = Flags(rawValue: 1024)
        static let roles: Flags = [.moderator, .admin, .staff]
        /// `score` holds the placeholder's `more` reference; never with `hasScore`.
        static let hasMore = Flags(rawValue: 2048)

        init(rawValue: UInt16) { self.rawValue = rawValue }

        init(role: CommentRole) {
            switch role {
            case .moderator: self = .moderator
            case .admin: self = .admin
            case .staff: self = .staff
            }
        }
    }
}

extension CommentRecord {
    /// A placeholder's `more` object as written (raw JSON), read by `Discussion.more(of:)` when asked.
    ///
    /// The one rule of this packing: a stub lives in the bits of `score`, marked by `hasMore`, because
    /// a field only placeholders use would cost every comment 8 bytes (the record's stride went from
    /// 56 to 64). Only placeholders carry a stub, and a placeholder with a stub has no score: setting
    /// one drops the other's flag, so `score(of:)`, which reads `score` only under `hasScore`, never
    /// sees a stub. The record moves as one value (assembly, subsets, merges), so the stub follows it.
    var more: TextRef {
        get { flags.contains(.hasMore) ? TextRef(bits: UInt64(bitPattern: score)) : .absent }
        set {
            if newValue.isAbsent {
                guard flags.contains(.hasMore) else { return }
                flags.remove(.hasMore)
                score = 0
            } else {
                flags.remove(.hasScore)
                flags.insert(.hasMore)
                score = Int64(bitPattern: newValue.bits)
            }
        }
    }
}

/// An article and its comments in thread order (preorder: every comment is followed by its replies).
///
/// The thread is flat arrays, never a nested value, so a 100,000-deep chain costs
/// no stack to build, walk or free. Text is decoded from the document's bytes only when asked for.
public struct Discussion: Sendable {
    public let article: Article
    public let bytes: DocumentBytes
    public let records: [CommentRecord]
    /// Comments whose `parent` names no comment; shown at the top level.
    public let orphanCount: Int
    /// What an importer had to leave out or change, for the status line.
    public var notes: [String] = []

    /// How many different authors wrote comments; counted by hash while loading, "[deleted]" left out.
    public let distinctAuthors: Int

    /// `statistics()` counted by the loader while it read the records (comments, top level, depth,
    /// deleted), when their order and parents are the ones it read; nil for every other discussion.
    let loadedStatistics: DiscussionStatistics?

    init(
        article: Article, bytes: DocumentBytes, records: [CommentRecord], orphanCount: Int, distinctAuthors: Int,
        statistics: DiscussionStatistics? = nil
    ) {
        self.article = article
        loadedStatistics = statistics
        self.bytes = bytes
        self.records = records
        self.orphanCount = orphanCount
        self.distinctAuthors = distinctAuthors
        // The invariant of `TextRef`: checked here, where references meet the bytes they point into; in
        // the same pass, the placeholders are counted. A big document's parts are checked at once.
        let parts = WorkSplit.map(records.indices) { part -> Int? in
            var placeholders = 0
            for index in part {
                let record = records[index]
                guard
                    bytes.holds(record.id) && bytes.holds(record.author) && bytes.holds(record.published)
                        && bytes.holds(record.body) && bytes.holds(record.parentID) && bytes.holds(record.more)
                        && !record.flags.isSuperset(of: [.hasScore, .hasMore])
                else { return nil }
                if record.flags.contains(.placeholder) { placeholders += 1 }
            }
            return placeholders
        }
        let placeholders = parts.compactMap { $0 }
        precondition(
            placeholders.count == parts.count,
            "every text reference lies inside the document's bytes; no record holds a score and a stub")
        placeholderCount = placeholders.reduce(0, +)
    }

    /// One-line stand-ins, counted once so the comment count costs nothing to ask.
    private let placeholderCount: Int

    public var count: Int { records.count }

    /// The parent of comment `index`, nil at the top level.
    public func parent(of index: Int) -> Int? {
        let parent = records[index].parent
        return parent < 0 ? nil : Int(parent)
    }

    public func author(of index: Int) -> String? { bytes.string(records[index].author) }

    /// The author Reddit gives a comment whose account was deleted: shown as is, but not a
    /// person, so not counted among `distinctAuthors`.
    public static let deletedAuthor = "[deleted]"

    public func published(of index: Int) -> String? { bytes.string(records[index].published) }
    /// The body as written; empty when it has none.
    public func body(of index: Int) -> String { bytes.string(records[index].body) ?? "" }
    public func hasBody(_ index: Int) -> Bool { !records[index].body.isAbsent }

    public func score(of index: Int) -> Int64? {
        let record = records[index]
        return record.flags.contains(.hasScore) ? record.score : nil
    }

    public func isDeleted(_ index: Int) -> Bool { records[index].flags.contains(.deleted) }
    /// Whether the entry is a one-line stand-in (Reddit's "N more replies", a forum event), not a comment.
    ///
    /// Its body is the line to show; it has no author. Counts of comments leave it out.
    public func isPlaceholder(_ index: Int) -> Bool { records[index].flags.contains(.placeholder) }

    /// How many entries are comments, placeholders left out.
    public var commentCount: Int { records.count - placeholderCount }

    /// Whether the original poster (the story's submitter, the topic's opener) wrote comment `index`.
    public func isOP(_ index: Int) -> Bool { records[index].flags.contains(.op) }

    /// The site role of comment `index`'s author (moderator, admin, staff), when the source says one.
    public func role(of index: Int) -> CommentRole? {
        let flags = records[index].flags
        if flags.contains(.admin) { return .admin }
        if flags.contains(.moderator) { return .moderator }
        if flags.contains(.staff) { return .staff }
        return nil
    }

    /// The labels drawn after comment `index`'s author: `OP`, the role's (`mod`, `admin`, `staff`), or both.
    ///
    /// Empty when the source says neither; the reader joins them with spaces after the name.
    public func personLabels(of index: Int) -> [String] {
        var labels: [String] = []
        if isOP(index) { labels.append("OP") }
        if let role = role(of: index) { labels.append(role.label) }
        return labels
    }

    /// Whether the comment named a parent that is not in the document.
    public func isOrphan(_ index: Int) -> Bool { records[index].flags.contains(.orphan) }

    /// The parent an orphan named, which is not in the document; nil for every other comment.
    /// Kept so that a converted document still says the comment replies to something missing.
    public func missingParentID(of index: Int) -> CommentID? {
        let record = records[index]
        guard record.flags.contains(.orphan), let text = bytes.string(record.parentID) else { return nil }
        if record.flags.contains(.integerParentID), let number = Int64(text) { return .integer(number) }
        return .string(text)
    }

    public func id(of index: Int) -> CommentID? {
        let record = records[index]
        guard let text = bytes.string(record.id) else { return nil }
        if record.flags.contains(.integerID), let number = Int64(text) { return .integer(number) }
        return .string(text)
    }

    /// The comment as a value, without its replies.
    public func comment(at index: Int) -> Comment {
        Comment(
            id: id(of: index), author: author(of: index), published: published(of: index),
            score: score(of: index), body: bytes.string(records[index].body),
            deleted: isDeleted(index) ? true : nil, op: isOP(index) ? true : nil, role: role(of: index),
            placeholder: isPlaceholder(index) ? true : nil, more: more(of: index)
        )
    }
}
