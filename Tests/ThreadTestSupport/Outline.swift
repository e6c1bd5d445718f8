import ThreadModel
import ThreadTree

// Outlines: a thread written one comment a line, indented two spaces a level, for tests to build
// a discussion or a tree from and to print one back as. Shared by every test target.
//
//     a: first
//       a1 ann: a reply by ann
//         a1x
//     b: #3

/// A discussion from an outline. A line is `id`, then optionally the author (else the id is the
/// author), then optionally `: body`; a body of `#N` becomes N numbered lines, for tall comments.
public func discussion(title: String = "Title", _ outline: String) -> Discussion {
    var builder = DiscussionBuilder(article: Article(title: title))
    var path: [Int] = []
    for line in outline.split(separator: "\n") {
        let depth = line.prefix(while: { $0 == " " }).count / 2
        let text = line.drop(while: { $0 == " " })
        let parts = text.split(separator: ":", maxSplits: 1)
        let words = parts[0].split(separator: " ")
        let id = String(words.first ?? "")
        var body = parts.count > 1 ? String(parts[1].drop(while: { $0 == " " })) : ""
        if body.hasPrefix("#"), let count = Int(body.dropFirst()) {
            body = (1...count).map { "line \($0)" }.joined(separator: "\n")
        }
        path.removeLast(max(0, path.count - depth))
        let author = words.count > 1 ? String(words[1]) : id
        let index = builder.add(Comment(id: .string(id), author: author, body: body), under: path.last)
        path.append(index)
    }
    do {
        return try builder.build()
    } catch {
        fatalError("test outline is invalid: \(error)")
    }
}

/// A comment tree from an outline of names (the whole line, without its indentation), and the names.
public func commentTree(_ outline: String) -> (CommentTree, [String]) {
    var parents: [Int32] = []
    var names: [String] = []
    var path: [Int32] = []
    for line in outline.split(separator: "\n") {
        let depth = line.prefix(while: { $0 == " " }).count / 2
        path.removeLast(max(0, path.count - depth))
        parents.append(path.last ?? -1)
        path.append(Int32(parents.count - 1))
        names.append(line.trimmingPrefix(while: { $0 == " " }).description)
    }
    return (CommentTree(parents: parents), names)
}

/// Each entry's depth (a top-level comment is 0), in thread order.
public func depths(_ discussion: Discussion) -> [Int] {
    var depth = [Int](repeating: 0, count: discussion.count)
    // Thread order puts every parent before its replies.
    for i in 0..<discussion.count {
        depth[i] = discussion.parent(of: i).map { depth[$0] + 1 } ?? 0
    }
    return depth
}

/// The discussion printed back as an outline: each entry's id (a placeholder's line in
/// brackets, "-" for no id), indented by depth.
public func outline(_ discussion: Discussion) -> String {
    zip(0..<discussion.count, depths(discussion)).map { i, depth in
        let name = discussion.isPlaceholder(i) ? "[\(discussion.body(of: i))]" : discussion.id(of: i)?.key ?? "-"
        return String(repeating: "  ", count: depth) + name
    }.joined(separator: "\n")
}

/// Each comment as "depth:id", in thread order, for compact expectations.
public func depthsAndIDs(_ discussion: Discussion) -> [String] {
    zip(0..<discussion.count, depths(discussion)).map { i, depth in "\(depth):\(discussion.id(of: i)?.key ?? "-")" }
}
