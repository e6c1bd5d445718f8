/// Addresses of Mastodon statuses, Lemmy posts and comments, and Bluesky posts.
///
/// Mastodon and Lemmy run on any host, so their addresses are told by their paths alone, and the
/// server is the address's own origin (so a loopback address is fetched as it is). Every part
/// that reaches a request is checked against the characters the site's ids are made of.
extension ThreadAddress {
    /// `/@USER/ID`, `/@USER@OTHER/ID`, `/web/statuses/ID`, `/users/USER/statuses/ID` (Mastodon);
    /// `/post/ID`, `/comment/ID` (Lemmy); nil for any other path.
    init?(fediverse address: WebAddress) {
        let path = address.segments
        var origin = address
        origin.segments = []
        origin.query = []
        if path.count == 2, path[0].hasPrefix("@"), ThreadAddress.isAccount(path[0].dropFirst()),
            ThreadAddress.isMastodonID(path[1])
        {
            self.init(site: .mastodon, id: path[1], forum: origin, comment: path[1])
        } else if path.count == 3, path[0] == "web", path[1] == "statuses", ThreadAddress.isMastodonID(path[2]) {
            self.init(site: .mastodon, id: path[2], forum: origin, comment: path[2])
        } else if path.count == 4, path[0] == "users", path[2] == "statuses", ThreadAddress.isAccount(path[1][...]),
            ThreadAddress.isMastodonID(path[3])
        {
            self.init(site: .mastodon, id: path[3], forum: origin, comment: path[3])
        } else if path.count == 2, path[0] == "post", ThreadAddress.isDiscourseID(path[1]) {
            self.init(site: .lemmy, id: path[1], forum: origin)
        } else if path.count == 2, path[0] == "comment", ThreadAddress.isDiscourseID(path[1]) {
            self.init(site: .lemmy, id: path[1], forum: origin, comment: path[1])
        } else {
            return nil
        }
    }

    /// `/profile/HANDLE/post/RKEY` on bsky.app, the handle possibly a DID.
    init?(bluesky path: [String]) {
        guard path.count == 4, path[0] == "profile", path[2] == "post", ThreadAddress.isBlueskyActor(path[1]),
            ThreadAddress.isRecordKey(path[3])
        else { return nil }
        let actor = path[1].hasPrefix("did:") ? path[1] : path[1].lowercased()
        self.init(site: .bluesky, id: path[3], actor: actor)
    }

    /// Mastodon's ids are digits; other servers of the same API (Pleroma, Akkoma) use letters too.
    static func isMastodonID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 32 && text.allSatisfy(\.isASCIILetterOrDigit)
    }

    /// `user` or `user@host`: letters, digits, `_`, `.`, `-`, and one `@`.
    static func isAccount(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.count <= 300 && text.filter { $0 == "@" }.count <= 1
            && text.allSatisfy { $0.isASCIILetterOrDigit || "_.-@".contains($0) }
    }

    /// A handle (a DNS name) or a DID (`did:plc:…`, `did:web:…`).
    static func isBlueskyActor(_ text: String) -> Bool {
        if text.hasPrefix("did:") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count >= 3 && text.utf8.count <= 200 && parts[1].allSatisfy({ $0.isASCII && $0.isLowercase })
                && !parts[1].isEmpty && text.dropFirst(4).allSatisfy { $0.isASCIILetterOrDigit || "._:-".contains($0) }
        }
        return WebAddress.validHost(text[...]) != nil && text.contains(".")
    }

    /// A record key: letters, digits and `.`, `_`, `~`, `-` (a TID is 13 of them).
    static func isRecordKey(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text != "." && text != ".."
            && text.allSatisfy { $0.isASCIILetterOrDigit || "._~-".contains($0) }
    }
}
