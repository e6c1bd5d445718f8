import Markup
import ThreadModel

/// One Bluesky post view as tread shows it: its text with facets as links, and its embeds as stand-ins.
extension Bluesky {
    struct Post {
        var uri: String?
        var did: String?
        var handle: String?
        var displayName: String?
        var createdAt: String?
        var score: Int64?
        /// The text in the body grammar: the post's words, link facets as `text <address>`, then embeds.
        var text = ""

        init(_ tree: inout JSONTree, _ node: Int32, notes: inout ImportNotes) {
            uri = tree.string(node, "uri")
            if let author = tree.typed(node, "author", .object) {
                did = tree.string(author, "did")
                handle = tree.string(author, "handle")
                displayName = tree.string(author, "displayName")
            }
            let record = tree.typed(node, "record", .object) ?? -1
            createdAt = notes.time(tree.string(record, "createdAt") ?? tree.string(node, "indexedAt"))
            let likes = tree.integer(node, "likeCount")
            let reposts = tree.integer(node, "repostCount")
            if likes != nil || reposts != nil {
                let (sum, overflow) = (likes ?? 0).addingReportingOverflow(reposts ?? 0)
                score = overflow ? nil : sum
            }
            var blocks: [String] = []
            let words = Bluesky.linked(tree.string(record, "text") ?? "", facets: Bluesky.links(&tree, record))
            if !words.allSatisfy(\.isWhitespace) { blocks.append(words) }
            let embeds = Bluesky.embedLines(&tree, tree.typed(node, "embed", .object))
            if !embeds.isEmpty { blocks.append(embeds.joined(separator: "\n")) }
            text = blocks.joined(separator: "\n\n")
        }

        /// "Display Name @handle", or the part there is.
        var author: String? {
            let name = displayName.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            switch (name, handle) {
            case (let name?, let handle?): return "\(name) @\(handle)"
            case (nil, let handle?): return "@\(handle)"
            case (let name?, nil): return name
            default: return did
            }
        }
    }

    /// The link facets of a record: byte ranges of its UTF-8 text and their addresses.
    static func links(_ tree: inout JSONTree, _ record: Int32) -> [(range: Range<Int>, address: String)] {
        var links: [(range: Range<Int>, address: String)] = []
        for facet in tree.elements(tree.typed(record, "facets", .array) ?? -1) where tree.kind(facet) == .object {
            let index = tree.typed(facet, "index", .object) ?? -1
            guard let start = tree.integer(index, "byteStart"), let end = tree.integer(index, "byteEnd"),
                start >= 0, end > start, end <= Int64(Int32.max)
            else { continue }
            for feature in tree.elements(tree.typed(facet, "features", .array) ?? -1) {
                guard tree.kind(feature) == .object, (tree.string(feature, "$type") ?? "").hasSuffix("#link"),
                    let address = tree.string(feature, "uri")
                else { continue }
                links.append((Int(start)..<Int(end), address))
            }
        }
        return links.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The text with each link facet's span followed by its address (unless the span is the
    /// address); a facet that overlaps another, falls outside the text or splits a character is left out.
    static func linked(_ text: String, facets: [(range: Range<Int>, address: String)]) -> String {
        guard !facets.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var cursor = 0
        for facet in facets {
            let range = facet.range
            guard range.lowerBound >= cursor, range.upperBound <= bytes.count, isBoundary(bytes, range.lowerBound),
                isBoundary(bytes, range.upperBound),
                !facet.address.contains(where: { $0.isWhitespace || $0 == ">" || $0 == "<" })
            else { continue }
            out += bytes[cursor..<range.upperBound]
            let span = String(decoding: bytes[range], as: UTF8.self)
            if span != facet.address { out += Array(" <\(facet.address)>".utf8) }
            cursor = range.upperBound
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `index` starts a character (is not inside one's UTF-8 bytes).
    private static func isBoundary(_ bytes: [UInt8], _ index: Int) -> Bool {
        index == bytes.count || bytes[index] & 0xC0 != 0x80
    }

    /// One stand-in line per image, video, link card or quoted post of an embed view.
    static func embedLines(_ tree: inout JSONTree, _ embed: Int32?) -> [String] {
        guard let embed else { return [] }
        var lines: [String] = []
        // A record with media holds a second embed: a bounded number of views, never a walk of the input.
        var views: [Int32] = [embed]
        var visited = 0
        while let view = views.popLast(), visited < 4 {
            visited += 1
            let type = tree.string(view, "$type") ?? ""
            if type.hasPrefix("app.bsky.embed.images") {
                for image in tree.elements(tree.typed(view, "images", .array) ?? -1) where tree.kind(image) == .object {
                    let address = tree.string(image, "fullsize") ?? tree.string(image, "thumb")
                    lines.append(StandInLine.make(kind: "image", text: tree.string(image, "alt"), address: address))
                }
            } else if type.hasPrefix("app.bsky.embed.video") {
                lines.append(
                    StandInLine.make(
                        kind: "video", text: tree.string(view, "alt"), address: tree.string(view, "playlist")))
            } else if type.hasPrefix("app.bsky.embed.external") {
                let card = tree.typed(view, "external", .object) ?? -1
                lines.append(
                    StandInLine.make(kind: "link", text: tree.string(card, "title"), address: tree.string(card, "uri")))
            } else if type.hasPrefix("app.bsky.embed.recordWithMedia") {
                // Its `record` is a record view by reference, so without a `$type` of its own.
                if let record = tree.typed(view, "record", .object) {
                    lines.append(quote(&tree, tree.typed(record, "record", .object) ?? -1))
                }
                if let media = tree.typed(view, "media", .object) { views.append(media) }
            } else if type.hasPrefix("app.bsky.embed.record") {
                lines.append(quote(&tree, tree.typed(view, "record", .object) ?? -1))
            }
        }
        return lines
    }

    /// A quoted post as one line: who, what they wrote, and where it is.
    static func quote(_ tree: inout JSONTree, _ record: Int32) -> String {
        let type = tree.string(record, "$type") ?? ""
        if type.hasSuffix("#viewNotFound") { return "[quote: deleted post]" }
        if type.hasSuffix("#viewBlocked") { return "[quote: blocked post]" }
        if type.hasSuffix("#viewDetached") { return "[quote: removed by its author]" }
        guard type.hasSuffix("#viewRecord") else {
            // A feed, a list or a starter pack: its name and nothing more.
            let name = tree.string(record, "displayName") ?? tree.string(record, "name")
            return StandInLine.make(kind: "embed", text: name, address: nil)
        }
        let handle = tree.typed(record, "author", .object).flatMap { tree.string($0, "handle") }
        let text = tree.typed(record, "value", .object).flatMap { tree.string($0, "text") } ?? ""
        let who = handle.map { "@\($0)" } ?? "someone"
        let address = tree.string(record, "uri").flatMap(webAddress)
        return StandInLine.make(kind: "quote", text: text.isEmpty ? who : "\(who): \(text)", address: address)
    }
}
