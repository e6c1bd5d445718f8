import Markup
import ThreadModel

/// Imports a Mastodon conversation saved from `/api/v1/statuses/ID` and `/api/v1/statuses/ID/context`.
///
/// The two answers are saved together, as an object `{"status": …, "context": …}` or as a
/// two-element array `[status, context]`; a lone status is read as a conversation of one.
/// The conversation's root (the topmost ancestor, else the status itself) is the article; every
/// other status is a comment under the status its `in_reply_to_id` names. Content is HTML:
/// mentions and hashtags stay as their text, links keep their address, custom emoji stay
/// `:shortcode:` (as Mastodon sends them), media become one-line stand-ins, and a content
/// warning becomes a label line before the text it hides.
enum Mastodon {
    /// The fields of a status that tread shows.
    struct Status {
        var id: String?
        var inReplyTo: String?
        var createdAt: String?
        var editedAt: String?
        /// The status's HTML, where it lies in the response: decoded only when converted.
        var content = TextRef.absent
        var spoiler: String?
        var sensitive = false
        var url: String?
        var accountID: String?
        var acct: String?
        var displayName: String?
        var reblogs: Int64?
        var favourites: Int64?
        var media: [String] = []
        /// A poll's stand-ins: one line per option with its votes, then the totals.
        var poll: [String] = []
        /// Addresses of mentions and hashtags: shown as their text, not as numbered links.
        var quietLinks: [String] = []

        init(_ tree: inout JSONTree, _ node: Int32, notes: inout ImportNotes) {
            id = Mastodon.identifier(&tree, node, "id")
            inReplyTo = Mastodon.identifier(&tree, node, "in_reply_to_id")
            createdAt = notes.time(tree.string(node, "created_at"))
            editedAt = notes.time(tree.string(node, "edited_at"))
            if let html = tree.typed(node, "content", .string) { content = tree.nodes[Int(html)].text }
            spoiler = tree.string(node, "spoiler_text")
            sensitive = tree.bool(node, "sensitive") == true
            url = tree.string(node, "url") ?? tree.string(node, "uri")
            if let account = tree.typed(node, "account", .object) {
                accountID = Mastodon.identifier(&tree, account, "id")
                acct = tree.string(account, "acct")
                displayName = tree.string(account, "display_name")
            }
            reblogs = tree.integer(node, "reblogs_count")
            favourites = tree.integer(node, "favourites_count")
            for attachment in tree.elements(tree.typed(node, "media_attachments", .array) ?? -1) {
                guard tree.kind(attachment) == .object else { continue }
                let kind = tree.string(attachment, "type") ?? "media"
                let address = tree.string(attachment, "url") ?? tree.string(attachment, "remote_url")
                media.append(
                    StandInLine.make(
                        kind: kind == "gifv" ? "gif" : kind, text: tree.string(attachment, "description"),
                        address: address))
            }
            if let poll = tree.typed(node, "poll", .object) {
                self.poll = Mastodon.pollLines(&tree, poll)
            }
            for list in ["mentions", "tags"] as [StaticString] {
                for item in tree.elements(tree.typed(node, list, .array) ?? -1) where tree.kind(item) == .object {
                    if let address = tree.string(item, "url") { quietLinks.append(address) }
                }
            }
        }

        /// "Display Name @acct", or the part there is.
        var author: String? {
            let name = displayName.flatMap { $0.isEmpty ? nil : $0 }
            switch (name, acct) {
            case (let name?, let acct?): return "\(name) @\(acct)"
            case (nil, let acct?): return "@\(acct)"
            case (let name?, nil): return name
            default: return nil
            }
        }

        /// Boosts and favourites, when the status gives either.
        var score: Int64? {
            guard reblogs != nil || favourites != nil else { return nil }
            let (sum, overflow) = (reblogs ?? 0).addingReportingOverflow(favourites ?? 0)
            return overflow ? nil : sum
        }
    }

    /// An id Mastodon writes as a string; some servers (and old versions) write a number.
    static func identifier(_ tree: inout JSONTree, _ node: Int32, _ name: StaticString) -> String? {
        guard let member = tree.member(node, name) else { return nil }
        switch tree.kind(member) {
        case .string: return tree.bytes.string(tree.nodes[Int(member)].text).flatMap { $0.isEmpty ? nil : $0 }
        case .number: return tree.integer(member).map(String.init)
        case .null, nil: return nil
        default:
            tree.wrongFields += 1
            return nil
        }
    }

    static func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var tree = try ImportSupport.tree(bytes, deferring: ["ancestors", "descendants"])
        var notes = ImportNotes()
        let (statusNode, contextNode) = parts(tree)
        guard let statusNode else {
            throw DocumentError(
                kind: .shape("a Mastodon file must hold a status (an object with an id)", line: 0, column: 0))
        }
        let named = Status(&tree, statusNode, notes: &notes)
        // Ancestors are kept (the first is the article); descendants go to the builder as they are read.
        var ancestors: [Status] = []
        let ancestorList = contextNode.flatMap { tree.typed($0, "ancestors", .array) } ?? -1
        let descendantList = contextNode.flatMap { tree.typed($0, "descendants", .array) } ?? -1
        var cursor = tree.cursor(ancestorList)
        while let node = tree.next(&cursor) {
            guard tree.kind(node) == .object else {
                notes.skipped += 1
                continue
            }
            ancestors.append(Status(&tree, node, notes: &notes))
        }
        // Ancestors come oldest first: the first is the conversation's root, unless it answers one not sent.
        let root = ancestors.first ?? named
        var builder = DiscussionBuilder(article: article(of: root, bytes: bytes))
        builder.reserveCapacity(
            comments: ancestors.count + tree.elementCount(descendantList), textBytes: ImportSupport.textReserve(bytes))
        func add(_ status: Status) {
            guard let id = status.id else {
                notes.skipped += 1
                return
            }
            // The root is the article, not a comment: a status repeating it is a duplicate too.
            guard id != root.id, !builder.hasComment(withID: id) else {
                notes.duplicates += 1
                return
            }
            // A reply to the root is top level; to a status not in the file, an orphan the reader marks.
            let parent = status.inReplyTo.flatMap { $0 == root.id ? nil : CommentID.string($0) }
            builder.add(
                Comment(
                    id: .string(id), parent: parent, author: status.author, published: status.createdAt,
                    score: status.score, body: body(of: status, bytes: bytes),
                    op: status.accountID != nil && status.accountID == root.accountID ? true : nil))
        }
        for status in ancestors.dropFirst() { add(status) }
        if !ancestors.isEmpty { add(named) }
        cursor = tree.cursor(descendantList)
        while let node = tree.next(&cursor) {
            guard tree.kind(node) == .object else {
                notes.skipped += 1
                continue
            }
            add(Status(&tree, node, notes: &notes))
        }
        ImportSupport.breakLoops(&builder, notes: &notes)
        notes.wrongFields += tree.wrongFields
        builder.notes = notes.lines
        return try builder.finish()
    }

    /// The status and the context of a saved file, in either of its two shapes (or a lone status).
    static func parts(_ tree: JSONTree) -> (status: Int32?, context: Int32?) {
        let root = tree.root
        switch tree.kind(root) {
        case .array:
            let elements = tree.elements(root)
            let status = elements.first.flatMap { tree.kind($0) == .object ? $0 : nil }
            let context = elements.count > 1 && tree.kind(elements[1]) == .object ? elements[1] : nil
            return (status, context)
        case .object:
            if let status = tree.member(root, "status") {
                let context = tree.member(root, "context")
                return (
                    tree.kind(status) == .object ? status : nil,
                    context.flatMap { tree.kind($0) == .object ? $0 : nil }
                )
            }
            return (root, nil)
        default:
            return (nil, nil)
        }
    }

    static func article(of root: Status, bytes: DocumentBytes) -> Article {
        let text = body(of: root, bytes: bytes)
        let host = root.url.flatMap(Self.host)
        return Article(
            id: root.id, title: title(of: root, text: text), author: root.author, published: root.createdAt,
            url: root.url, source: host.map { "Mastodon \($0)" } ?? "Mastodon",
            body: ImportSupport.paragraphs(text))
    }

    /// A status has no title: its content warning, else its first line, cut short; else who wrote it.
    static func title(of status: Status, text: String) -> String {
        if let spoiler = status.spoiler, !spoiler.isEmpty { return "CW: " + ImportSupport.headline(spoiler) }
        let first = text.split(separator: "\n").first { !$0.hasPrefix("[edited") && !$0.hasPrefix("[sensitive") }
        if let first, !first.allSatisfy(\.isWhitespace) { return ImportSupport.headline(String(first)) }
        return "Mastodon post" + (status.acct.map { " by @\($0)" } ?? "")
    }

    /// The text of a status in the body grammar: marks, the content warning's label, the content, media.
    static func body(of status: Status, bytes: DocumentBytes) -> String {
        var marks: [String] = []
        if let edited = status.editedAt { marks.append("[edited \(edited)]") }
        if status.sensitive { marks.append("[sensitive]") }
        var blocks: [String] = []
        if !marks.isEmpty { blocks.append(marks.joined(separator: " ")) }
        if let spoiler = status.spoiler, !spoiler.isEmpty {
            blocks.append("[content warning: \(ImportSupport.oneLine(spoiler))]")
        }
        var text = HTMLText.convert(bytes.string(status.content) ?? "")
        for address in status.quietLinks where !address.isEmpty {
            text = text.replacing(" <\(address)>", with: "")
        }
        if !text.allSatisfy(\.isWhitespace) { blocks.append(text) }
        if !status.poll.isEmpty { blocks.append(status.poll.joined(separator: "\n")) }
        if !status.media.isEmpty { blocks.append(status.media.joined(separator: "\n")) }
        if blocks.isEmpty { return "[post with no text]" }
        return blocks.joined(separator: "\n\n")
    }

    /// The host of an http(s) address, letters, digits, dots and dashes only.
    static func host(_ address: String) -> String? {
        let lower = address.lowercased()
        let prefix = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard prefix > 0 else { return nil }
        let host = lower.dropFirst(prefix).prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        let allowed = host.allSatisfy { character in
            character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-")
        }
        guard !host.isEmpty, host.count <= 253, allowed else { return nil }
        return String(host)
    }
}
