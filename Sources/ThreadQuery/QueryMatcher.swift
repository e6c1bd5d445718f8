import ThreadModel
import ThreadTree

/// Decides which comments of a discussion a query matches.
///
/// Facts the document cannot tell yet come from the caller: whether a comment is new (reading
/// state across visits) and whether its author is the original poster. Until the document
/// records its original poster, `op` defaults to "the comment's author is the article's author".
public struct QueryMatcher: Sendable {
    public let query: Query
    public let discussion: Discussion
    public let tree: CommentTree
    let isNew: @Sendable (Int) -> Bool
    /// Whether each comment is new, by index, when the caller has them as flags: `new` then runs as
    /// a loop of its own over a range rather than a closure call per comment.
    let newFlags: [Bool]?
    let isOriginalPoster: @Sendable (Int) -> Bool
    let authors: AuthorIndex?

    /// `authors`, built once per document and kept by the caller, makes `author:` several times faster.
    /// `newFlags` (one per comment, by index) answers `new` in place of `isNew`, faster.
    public init(
        query: Query, discussion: Discussion, tree: CommentTree, authors: AuthorIndex? = nil,
        isNew: (@Sendable (Int) -> Bool)? = nil, newFlags: [Bool]? = nil,
        isOriginalPoster: (@Sendable (Int) -> Bool)? = nil
    ) {
        self.query = query
        self.authors = authors
        self.discussion = discussion
        self.tree = tree
        self.newFlags = newFlags
        if let newFlags {
            self.isNew = { index in index >= 0 && index < newFlags.count && newFlags[index] }
        } else {
            self.isNew = isNew ?? { _ in false }
        }
        // The document says who the original poster is (the importers' `op`, the format's field).
        self.isOriginalPoster = isOriginalPoster ?? { [discussion] index in discussion.isOP(index) }
    }

    /// Whether comment `index` matches. Placeholders (stand-ins, not comments) never do.
    public func matches(_ index: Int) -> Bool {
        if discussion.isPlaceholder(index) { return false }
        return evaluate(query.expression, index)
    }

    /// Nesting is capped by the parser, so this recursion is bounded however long the query.
    func evaluate(_ expression: Expression, _ index: Int) -> Bool {
        switch expression {
        case .term(let term): return test(term, index)
        case .not(let inner): return !evaluate(inner, index)
        case .all(let parts):
            for part in parts where !evaluate(part, index) { return false }
            return true
        case .any(let parts):
            for part in parts where evaluate(part, index) { return true }
            return false
        }
    }

    func test(_ term: Term, _ index: Int) -> Bool {
        let record = discussion.records[index]
        switch term {
        case .text(let matcher): return discussion.bodyMatches(matcher, comment: index)
        case .regex(let regex): return regex.matches(discussion.body(of: index))
        case .author(let name): return AuthorName.equal(record.author, name, in: discussion.bytes)
        case .originalPoster: return isOriginalPoster(index)
        case .new: return isNew(index)
        // Depths are 1-based for users, as `--depth` counts them: a top-level comment is depth 1.
        case .depthAbove(let n): return tree.depth(of: index) + 1 > n
        case .depthBelow(let n): return tree.depth(of: index) + 1 < n
        case .scoreAbove(let n): return discussion.score(of: index).map { $0 > n } ?? false
        case .scoreBelow(let n): return discussion.score(of: index).map { $0 < n } ?? false
        case .repliesAbove(let n): return tree.replyCount(of: index) > n
        case .long:
            return record.body.length > Query.longBodyBytes
                && discussion.body(of: index).utf8.count > Query.longBodyBytes
        case .hasLink:
            return discussion.bodyMatches(Self.link, comment: index) && Self.hasLink(discussion.body(of: index))
        case .hasCode: return Self.hasCode(discussion.body(of: index))
        case .deleted: return discussion.isDeleted(index)
        }
    }

    static let link = TextMatcher("://")

    static let http = TextMatcher("http://")
    static let https = TextMatcher("https://")

    /// An http(s) address anywhere in the text.
    static func hasLink(_ body: String) -> Bool {
        Self.http.matches(body) || Self.https.matches(body)
    }

    /// A code line, as the format writes one: indented by four spaces (or a tab).
    static func hasCode(_ body: String) -> Bool {
        var atLineStart = true
        var spaces = 0
        for byte in body.utf8 {
            if atLineStart {
                if byte == UInt8(ascii: " ") {
                    spaces += 1
                    if spaces == 4 { return true }
                    continue
                }
                if byte == UInt8(ascii: "\t") { return true }
            }
            atLineStart = byte == UInt8(ascii: "\n")
            spaces = 0
        }
        return false
    }
}

/// Comparing an author's name with `author:NAME`, ignoring ASCII case, without decoding when it can.
enum AuthorName {
    static func equal(_ ref: TextRef, _ name: String, in bytes: DocumentBytes) -> Bool {
        equal(ref, folded: fold(name), in: bytes)
    }

    /// `wanted` is the name's bytes with ASCII letters lower-cased.
    static func equal(_ ref: TextRef, folded wanted: [UInt8], in bytes: DocumentBytes) -> Bool {
        if ref.isAbsent { return false }
        // A name of another length is told apart without touching the document's pages.
        if !ref.isJSONEscaped, ref.length != wanted.count { return false }
        guard let raw = bytes.bytes(of: ref) else { return false }
        if ref.isJSONEscaped, raw.contains(UInt8(ascii: "\\")) {
            return fold(bytes.string(ref) ?? "") == wanted
        }
        guard raw.count == wanted.count else { return false }
        for k in 0..<raw.count where lower(raw[k]) != wanted[k] { return false }
        return true
    }

    static func fold(_ text: String) -> [UInt8] { text.utf8.map(lower) }

    /// An ASCII letter lower-cased; every other byte as it is.
    static func lower(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
}
