import ThreadModel

/// A comment's own address on its site, from the document's source and the comment's id.
///
/// The format has no per-comment URL, so this knows the sites whose addresses follow from an
/// id alone; elsewhere (Discourse, documents written by hand) there is none. The id is untrusted:
/// only ids of letters and digits make an address.
public enum CommentAddress {
    public static func of(_ index: Int, in discussion: Discussion) -> String? {
        guard let id = discussion.id(of: index), let source = discussion.article.source else { return nil }
        let key = id.key
        guard !key.isEmpty, key.count <= 32, key.unicodeScalars.allSatisfy(isIDScalar) else { return nil }
        if source == "Hacker News", case .integer = id {
            return "https://news.ycombinator.com/item?id=\(key)"
        }
        if source == "Lobsters" { return "https://lobste.rs/c/\(key)" }
        if source.hasPrefix("Reddit"), let post = discussion.article.id, !post.isEmpty, post.count <= 32,
            post.unicodeScalars.allSatisfy(isIDScalar)
        {
            return "https://www.reddit.com/comments/\(post)/_/\(key)/"
        }
        return nil
    }

    private static func isIDScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_"
    }
}
