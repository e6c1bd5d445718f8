/// Writes a discussion in the canonical format (FORMAT.md): what `tread convert` outputs.
///
/// The output is deterministic (2-space indent, fixed key order), so writing what it
/// read back gives the same bytes. Threads up to `nestingLimit` deep are written nested;
/// deeper ones in the flat form (`parent` ids), which any reader takes at any depth.
/// Placeholders (Reddit's "N more replies", forum events) carry `"placeholder": true`,
/// which the canonical loader maps back to a placeholder.
public enum DocumentWriter {
    /// The deepest thread written in the nested form; Foundation-based readers stop at 255.
    public static let nestingLimit = 200

    /// The discussion as canonical JSON, ending with a newline.
    public static func canonicalJSON(_ discussion: Discussion) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(discussion.bytes.count + 256 * discussion.count + 1024)
        out.append(contentsOf: Array("{\n  \"article\": {".utf8))
        writeArticle(discussion.article, into: &out)
        out.append(contentsOf: Array("\n  }".utf8))
        if discussion.count > 0 {
            out.append(contentsOf: Array(",\n  \"comments\": [".utf8))
            if maximumDepth(discussion) <= nestingLimit {
                writeNested(discussion, into: &out)
            } else {
                writeFlat(discussion, into: &out)
            }
            out.append(contentsOf: Array("\n  ]".utf8))
        }
        out.append(contentsOf: Array("\n}\n".utf8))
        return out
    }

    /// The depth of the deepest comment; top-level comments are depth 1.
    public static func maximumDepth(_ discussion: Discussion) -> Int {
        var depth = [Int](repeating: 0, count: discussion.count)
        var deepest = 0
        // Preorder puts every parent before its replies, so one forward pass suffices.
        for i in 0..<discussion.count {
            depth[i] = discussion.parent(of: i).map { depth[$0] + 1 } ?? 1
            deepest = max(deepest, depth[i])
        }
        return deepest
    }

    private static func writeArticle(_ article: Article, into out: inout [UInt8]) {
        var first = true
        func field(_ key: String, _ value: String?) {
            guard let value else { return }
            out.append(contentsOf: Array((first ? "\n    \"" : ",\n    \"").utf8))
            first = false
            out.append(contentsOf: Array(key.utf8))
            out.append(contentsOf: Array("\": ".utf8))
            JSONString.quote(value, into: &out)
        }
        func list(_ key: String, _ values: [String]) {
            out.append(contentsOf: Array((first ? "\n    \"" : ",\n    \"").utf8))
            first = false
            out.append(contentsOf: Array("\(key)\": [".utf8))
            for (k, value) in values.enumerated() {
                out.append(contentsOf: Array((k == 0 ? "\n      " : ",\n      ").utf8))
                JSONString.quote(value, into: &out)
            }
            out.append(contentsOf: Array((values.isEmpty ? "]" : "\n    ]").utf8))
        }
        field("id", article.id)
        field("title", article.title)
        field("author", article.author)
        field("published", article.published)
        field("url", article.url)
        field("source", article.source)
        field("site", article.site)
        if let tags = article.tags { list("tags", tags) }
        for (key, value) in [("score", article.score), ("comment_count", article.commentCount)] {
            guard let value else { continue }
            out.append(contentsOf: Array(((first ? "\n    \"" : ",\n    \"") + "\(key)\": \(value)").utf8))
            first = false
        }
        if let marks = article.marks { list("marks", marks) }
        if !article.body.isEmpty { list("body", article.body) }
    }

    /// Writes one comment's fields, without closing its object; `parent` in the flat form, and
    /// for an orphan (whose parent is missing) in both, so it loads back as an orphan.
    /// Returns whether it wrote any.
    @discardableResult
    private static func writeFields(
        _ discussion: Discussion, _ index: Int, id: CommentID?, parent: CommentID?, indent: Int,
        into out: inout [UInt8]
    ) -> Bool {
        let pad = Array(("\n" + String(repeating: " ", count: indent) + "\"").utf8)
        var first = true
        func key(_ name: String) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(contentsOf: pad)
            out.append(contentsOf: Array(name.utf8))
            out.append(contentsOf: Array("\": ".utf8))
        }
        func write(_ value: CommentID) {
            switch value {
            case .integer(let number): out.append(contentsOf: Array(String(number).utf8))
            case .string(let text): JSONString.quote(text, into: &out)
            }
        }
        if let id {
            key("id")
            write(id)
        }
        if let parent {
            key("parent")
            write(parent)
        }
        if let author = discussion.author(of: index) {
            key("author")
            JSONString.quote(author, into: &out)
        }
        if let published = discussion.published(of: index) {
            key("published")
            JSONString.quote(published, into: &out)
        }
        if let score = discussion.score(of: index) {
            key("score")
            out.append(contentsOf: Array(String(score).utf8))
        }
        if discussion.isDeleted(index) {
            key("deleted")
            out.append(contentsOf: Array("true".utf8))
        }
        if discussion.isOP(index) {
            key("op")
            out.append(contentsOf: Array("true".utf8))
        }
        if let role = discussion.role(of: index) {
            key("role")
            JSONString.quote(role.rawValue, into: &out)
        }
        if discussion.isPlaceholder(index) {
            key("placeholder")
            out.append(contentsOf: Array("true".utf8))
        }
        if let more = discussion.more(of: index) {
            // Written from the checked stub, never copied from the input.
            key("more")
            out.append(contentsOf: Array(more.json.utf8))
        }
        if discussion.hasBody(index) {
            key("body")
            JSONString.quote(discussion.body(of: index), into: &out)
        }
        return !first
    }

    /// The nested form, walking the preorder with a stack of open comments instead of recursion.
    private static func writeNested(_ discussion: Discussion, into out: inout [UInt8]) {
        let n = discussion.count
        // Open comments: their index and depth; each still owes "]" and "}" or just "}".
        var open: [(index: Int, depth: Int, hasReplies: Bool)] = []
        var depth = [Int](repeating: 0, count: n)
        func close(_ entry: (index: Int, depth: Int, hasReplies: Bool)) {
            let indent = 4 * entry.depth
            if entry.hasReplies {
                out.append(contentsOf: Array(("\n" + String(repeating: " ", count: indent + 2) + "]").utf8))
            }
            out.append(contentsOf: Array(("\n" + String(repeating: " ", count: indent) + "}").utf8))
        }
        for i in 0..<n {
            let level = discussion.parent(of: i).map { depth[$0] + 1 } ?? 1
            depth[i] = level
            var firstInArray = true
            while let last = open.last, last.depth >= level {
                close(open.removeLast())
                firstInArray = false
            }
            if !firstInArray { out.append(UInt8(ascii: ",")) }
            let indent = 4 * level
            out.append(contentsOf: Array(("\n" + String(repeating: " ", count: indent) + "{").utf8))
            let wrote = writeFields(
                discussion, i, id: discussion.id(of: i), parent: discussion.missingParentID(of: i), indent: indent + 2,
                into: &out)
            let hasReplies = i + 1 < n && discussion.parent(of: i + 1) == i
            if hasReplies {
                out.append(
                    contentsOf: Array(
                        ((wrote ? ",\n" : "\n") + String(repeating: " ", count: indent + 2) + "\"replies\": [").utf8))
            }
            open.append((i, level, hasReplies))
        }
        while let last = open.popLast() { close(last) }
    }

    /// The flat form: every comment once, in preorder, naming its parent; ids made up where missing.
    private static func writeFlat(_ discussion: Discussion, into out: inout [UInt8]) {
        let n = discussion.count
        var ids = (0..<n).map { discussion.id(of: $0) }
        // A made-up id must not take the name of an orphan's missing parent, or the orphan would be adopted.
        var taken = Set(ids.compactMap { $0?.key } + (0..<n).compactMap { discussion.missingParentID(of: $0)?.key })
        var counter = 0
        for i in 0..<n where ids[i] == nil {
            var candidate: String
            repeat {
                counter += 1
                candidate = "c\(counter)"
            } while taken.contains(candidate)
            taken.insert(candidate)
            ids[i] = .string(candidate)
        }
        for i in 0..<n {
            out.append(contentsOf: Array(((i == 0 ? "" : ",") + "\n    {").utf8))
            let parent = discussion.parent(of: i).flatMap { ids[$0] } ?? discussion.missingParentID(of: i)
            writeFields(discussion, i, id: ids[i], parent: parent, indent: 6, into: &out)
            out.append(contentsOf: Array("\n    }".utf8))
        }
    }
}
