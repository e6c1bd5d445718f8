import Foundation

/// Counts over a corpus file's raw JSON, from each site's own structure and not from tread's model,
/// so the importers are checked against an independent reading.
struct CorpusCounts: Equatable, CustomStringConvertible {
    var comments: Int
    /// Top-level comments are depth 1; an Algolia subtree counts from its root (root = 0).
    var maxDepth: Int
    var title: String?

    var description: String { "\(comments) comments, depth \(maxDepth), title \(title ?? "nil")" }

    static func count(_ url: URL) throws -> CorpusCounts {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        switch url.deletingLastPathComponent().lastPathComponent {
        case "reddit": return reddit(json)
        case "hn_firebase": return firebase(json)
        case "hn_algolia": return algolia(json)
        case "lobsters": return lobsters(json)
        case "discourse": return discourse(json)
        default: return CorpusCounts(comments: -1, maxDepth: -1, title: nil)
        }
    }

    /// `t1` things under the second listing, through `replies` listings; `more` stubs are not comments.
    static func reddit(_ json: Any) -> CorpusCounts {
        let listings = json as? [[String: Any]] ?? []
        func children(_ listing: Any?) -> [[String: Any]] {
            ((listing as? [String: Any])?["data"] as? [String: Any])?["children"] as? [[String: Any]] ?? []
        }
        let post = children(listings.first).first?["data"] as? [String: Any]
        var stack = children(listings.count > 1 ? listings[1] : nil).map { ($0, 1) }
        var result = CorpusCounts(comments: 0, maxDepth: 0, title: post?["title"] as? String)
        while let (thing, depth) = stack.popLast() {
            guard thing["kind"] as? String == "t1", let data = thing["data"] as? [String: Any] else { continue }
            result.comments += 1
            result.maxDepth = max(result.maxDepth, depth)
            stack += children(data["replies"]).map { ($0, depth + 1) }
        }
        return result
    }

    /// Items reachable from the story (the first item) through `kids`.
    static func firebase(_ json: Any) -> CorpusCounts {
        let items = json as? [[String: Any]] ?? []
        var byID: [Int: [String: Any]] = [:]
        for item in items { if let id = item["id"] as? Int { byID[id] = item } }
        let story = items.first ?? [:]
        var stack = (story["kids"] as? [Int] ?? []).map { ($0, 1) }
        var result = CorpusCounts(comments: 0, maxDepth: 0, title: story["title"] as? String)
        while let (id, depth) = stack.popLast() {
            guard let item = byID[id] else { continue }
            result.comments += 1
            result.maxDepth = max(result.maxDepth, depth)
            stack += (item["kids"] as? [Int] ?? []).map { ($0, depth + 1) }
        }
        return result
    }

    /// Nodes under the root's `children`; the root itself is the article.
    static func algolia(_ json: Any) -> CorpusCounts {
        let root = json as? [String: Any] ?? [:]
        var stack = (root["children"] as? [[String: Any]] ?? []).map { ($0, 1) }
        var result = CorpusCounts(comments: 0, maxDepth: 0, title: root["title"] as? String)
        while let (node, depth) = stack.popLast() {
            result.comments += 1
            result.maxDepth = max(result.maxDepth, depth)
            stack += (node["children"] as? [[String: Any]] ?? []).map { ($0, depth + 1) }
        }
        return result
    }

    /// The flat list; depth from `parent_comment` when present, else `depth` (0-based), else `indent_level`.
    static func lobsters(_ json: Any) -> CorpusCounts {
        let story = json as? [String: Any] ?? [:]
        let comments = story["comments"] as? [[String: Any]] ?? []
        var depthOf: [String: Int] = [:]
        var result = CorpusCounts(comments: comments.count, maxDepth: 0, title: story["title"] as? String)
        for comment in comments {
            let depth: Int
            if comment.keys.contains("parent_comment") {
                depth = (comment["parent_comment"] as? String).flatMap { depthOf[$0] }.map { $0 + 1 } ?? 1
            } else if let zeroBased = comment["depth"] as? Int {
                depth = zeroBased + 1
            } else {
                depth = comment["indent_level"] as? Int ?? 1
            }
            if let id = comment["short_id"] as? String { depthOf[id] = depth }
            result.maxDepth = max(result.maxDepth, depth)
        }
        return result
    }

    /// Posts but the first and the small actions (post_type 3, events); depth by `reply_to_post_number`,
    /// where null, 1 or a post not in the file mean top level.
    static func discourse(_ json: Any) -> CorpusCounts {
        let topic = json as? [String: Any] ?? [:]
        let posts = (topic["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]] ?? []
        var depthOf: [Int: Int] = [:]
        var result = CorpusCounts(comments: 0, maxDepth: 0, title: topic["title"] as? String)
        for post in posts {
            guard let number = post["post_number"] as? Int, number != 1, post["post_type"] as? Int != 3 else {
                continue
            }
            let depth = (post["reply_to_post_number"] as? Int).flatMap { depthOf[$0] }.map { $0 + 1 } ?? 1
            depthOf[number] = depth
            result.comments += 1
            result.maxDepth = max(result.maxDepth, depth)
        }
        return result
    }
}
