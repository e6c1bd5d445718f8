import SiteFormats
import ThreadModel

/// Mastodon, Lemmy and Bluesky: a few requests each, assembled into the saved form their
/// importer reads (docs/FORMAT.md), so a fetched thread and a saved file are read the same way.
///
/// Each answer is checked to be one JSON object before it is spliced, so no server can make the
/// assembled document say something its answers did not; any failed request fails the whole
/// fetch, so nothing partial is read or cached.
extension ThreadFetcher {
    /// Lemmy comments asked for in one page (the most Lemmy sends).
    static let lemmyPage = 50
    /// How deep Lemmy's comment tree is asked for (Lemmy's own web client asks for 8); deeper
    /// replies are counted by their ancestors' `child_count` and shown as "more replies" lines.
    static let lemmyDepth = 8
    /// The deepest `depth` and `parentHeight` Bluesky's `getPostThread` accepts.
    static let blueskyDepth = 1000

    /// The thread at `address`; when it is long, `parts` is first given its first threads (a
    /// screenful, read sooner than thousands of replies), as for Hacker News.
    func fetchFediverse(_ address: ThreadAddress, progress: Progress?, parts: Parts?) async throws(FetchError)
        -> Discussion
    {
        switch address.site {
        case .mastodon:
            guard let server = address.forum else { throw FetchError(url: address.displayAddress, kind: .notFound) }
            return try await fetchMastodon(server, address.id, progress: progress, parts: parts)
        case .lemmy:
            guard let server = address.forum else { throw FetchError(url: address.displayAddress, kind: .notFound) }
            return try await fetchLemmy(server, address, progress: progress, parts: parts)
        default:
            return try await fetchBluesky(address, progress: progress, parts: parts)
        }
    }

    /// Replies in a first part: a screenful and more, far fewer than a long thread's.
    static let firstReplies = 100

    /// `document` with the array at `span` cut to its first `count` elements; nil when it is no
    /// longer than that.
    static func firstElements(_ document: [UInt8], of span: Range<Int>?, count: Int) -> [UInt8]? {
        let peek = JSONPeek(document)
        guard let span, let elements = peek.elements(of: span), elements.count > count,
            let last = elements.prefix(count).last
        else { return nil }
        return Array(document[..<last.upperBound]) + [UInt8(ascii: "]")] + document[span.upperBound...]
    }

    /// Reads and hands on the first part, if `cut` makes one; a part that does not read is no loss.
    func sendFirst(_ cut: [UInt8]?, _ format: DocumentFormat, url: String, to parts: Parts?) {
        guard let parts, let cut, let part = try? read(cut, format, url: url) else { return }
        parts(part)
    }

    /// A status and its context, saved together as `{"status": …, "context": …}`.
    func fetchMastodon(
        _ server: WebAddress, _ id: String, progress: Progress?, parts: Parts?
    ) async throws(FetchError) -> Discussion {
        let statusURL = SiteAPI.join(server, ["api", "v1", "statuses", id])
        let contextURL = statusURL + "/context"
        progress?(FetchProgress(0, of: 2, .requests))
        let status = try Self.object(try await client.json(statusURL), url: statusURL)
        progress?(FetchProgress(1, of: 2, .requests))
        let context = try Self.object(try await client.json(contextURL), url: contextURL)
        progress?(FetchProgress(2, of: 2, .requests))
        let document =
            Array(#"{"status": "#.utf8) + status + Array(#", "context": "#.utf8) + context + [UInt8(ascii: "}")]
        // A status with ancestors is a reply the reader opens on: it may not be in a first part.
        let peek = JSONPeek(document)
        if parts != nil, peek.value(at: ["context", "ancestors"]).flatMap(peek.elements)?.isEmpty ?? true {
            let span = peek.value(at: ["context", "descendants"])
            let first = Self.firstElements(document, of: span, count: Self.firstReplies)
            sendFirst(first, .mastodon, url: statusURL, to: parts)
        }
        return try read(document, .mastodon, url: statusURL)
    }

    /// A post and every page of its comments, the pages' comments spliced into the post's
    /// answer as `comments`. A comment address first asks which post the comment is under.
    func fetchLemmy(
        _ server: WebAddress, _ address: ThreadAddress, progress: Progress?, parts: Parts?
    ) async throws(FetchError) -> Discussion {
        var postID = address.id
        if let comment = address.comment {
            let url = SiteAPI.join(server, ["api", "v3", "comment"]) + "?id=" + comment
            let body = try await client.json(url)
            let peek = JSONPeek(body)
            guard let span = peek.value(at: ["comment_view", "comment", "post_id"]),
                let id = Int64(peek.text(span)), id > 0
            else {
                throw FetchError(url: url, kind: .unreadable("the answer names no post (comment_view.comment.post_id)"))
            }
            postID = String(id)
        }
        let postURL = SiteAPI.join(server, ["api", "v3", "post"]) + "?id=" + postID
        let post = try Self.object(try await client.json(postURL), url: postURL)
        let postPeek = JSONPeek(Array(post))
        guard postPeek.value(at: ["post_view"]) != nil else {
            throw FetchError(url: postURL, kind: .unreadable("the answer holds no post (post_view)"))
        }
        let total = postPeek.value(at: ["post_view", "counts", "comments"]).flatMap { Int(postPeek.text($0)) }
        var comments: [UInt8] = []
        var seen = Set<Int64>()
        var page = 1
        let base =
            SiteAPI.join(server, ["api", "v3", "comment", "list"])
            + "?post_id=\(postID)&max_depth=\(Self.lemmyDepth)&type_=All&limit=\(Self.lemmyPage)&page="
        // Pages stop at the item limit or the deadline, as every fetch in many answers does: the
        // reader keeps what arrived, and a cut thread is never saved as whole.
        let budget = FetchBudget(client.limits)
        var cut: FetchError.Kind?
        while true {
            if Task.isCancelled { throw FetchError(url: postURL, kind: .stopped) }
            cut = budget.overdue ?? budget.refusesItem(after: seen.count)
            if cut != nil { break }
            let url = base + String(page)
            let body = try await client.json(url)
            let peek = JSONPeek(body)
            guard let list = peek.value(at: ["comments"]), let elements = peek.elements(of: list) else {
                throw FetchError(url: url, kind: .unreadable("the answer holds no comments list"))
            }
            var added = 0
            for element in elements {
                // A comment met on an earlier page (Lemmy pages a tree by its top-level comments) is left out.
                let id = peek.member("comment", of: element).flatMap { peek.member("id", of: $0) }.flatMap {
                    Int64(peek.text($0))
                }
                if let id, !seen.insert(id).inserted { continue }
                if !comments.isEmpty { comments.append(UInt8(ascii: ",")) }
                comments += body[element]
                added += 1
            }
            progress?(FetchProgress(seen.count, of: total, .comments))
            // A comment address opens on its comment, which may not be on the first page.
            if page == 1, added > 0, address.comment == nil {
                // The first page is the first screen; the rest of the pages follow behind it.
                let first = Array(post.dropLast()) + Array(#", "comments": ["#.utf8) + comments + Array("]}".utf8)
                sendFirst(first, .lemmy, url: postURL, to: parts)
            }
            if added == 0 { break }
            page += 1
        }
        // The post's answer ends with its object's `}`: the comments go in just before it.
        var document = Array(post.dropLast())
        document += Array(#", "comments": ["#.utf8) + comments + Array("]}".utf8)
        let discussion = try read(document, .lemmy, url: postURL)
        guard let cut else { return discussion }
        // What arrived stays in the reader; the error says why the rest did not.
        parts?(discussion)
        throw FetchError(url: postURL, kind: cut)
    }

    /// A post's thread: the handle resolved to a DID (unless the address gives one), then
    /// `getPostThread` as deep and as high as the API allows.
    func fetchBluesky(_ address: ThreadAddress, progress: Progress?, parts: Parts?) async throws(FetchError)
        -> Discussion
    {
        let actor = address.actor ?? ""
        var did = actor
        if !actor.hasPrefix("did:") {
            let url = SiteAPI.join(api.bluesky, ["com.atproto.identity.resolveHandle"]) + "?handle=" + actor
            progress?(FetchProgress(0, of: 2, .requests))
            let body = try await client.json(url)
            let peek = JSONPeek(body)
            let text = peek.value(at: ["did"]).map { peek.text($0) } ?? ""
            // The DID arrives quoted; it goes into the next request, so it is checked like an address's.
            let inside =
                text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"")
                ? String(text.dropFirst().dropLast()) : ""
            guard inside.hasPrefix("did:"), ThreadAddress.isBlueskyActor(inside) else {
                throw FetchError(url: url, kind: .unreadable("the handle did not resolve to a DID"))
            }
            did = inside
        }
        progress?(FetchProgress(1, of: 2, .requests))
        let url = api.blueskyThread(did: did, post: address.id)
        let body = try Self.object(try await client.json(url), url: url)
        progress?(FetchProgress(2, of: 2, .requests))
        let document = Array(body)
        if parts != nil {
            let span = JSONPeek(document).value(at: ["thread", "replies"])
            // Top-level replies carry their own replies: a few of them make a screen.
            sendFirst(Self.firstElements(document, of: span, count: Self.firstThreads), .bluesky, url: url, to: parts)
        }
        return try read(document, .bluesky, url: url)
    }

    /// The replies of Bluesky post `uri` (a stub's `link`), as a discussion whose top-level comments
    /// are those replies: what `merging(stub:with:)` puts in the stub's place.
    func fetchBlueskyReplies(of uri: String) async throws(FetchError) -> Discussion {
        let url =
            SiteAPI.join(api.bluesky, ["app.bsky.feed.getPostThread"]) + "?uri=" + SiteAPI.encoded(uri)
            + "&depth=\(Self.blueskyDepth)&parentHeight=0"
        let body = try Self.object(try await client.json(url), url: url)
        return try read(Array(body), .bluesky, url: url)
    }

    /// The answer when it is one JSON object and nothing else; an error naming `url` otherwise.
    static func object(_ body: [UInt8], url: String) throws(FetchError) -> ArraySlice<UInt8> {
        let peek = JSONPeek(body)
        guard let root = peek.root, body[root.lowerBound] == UInt8(ascii: "{"),
            body[root.upperBound...].allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) })
        else { throw FetchError(url: url, kind: .unreadable("the answer is not one JSON object")) }
        return body[root]
    }
}

extension SiteAPI {
    /// Bluesky's `getPostThread` for post `rkey` of `did`, with every reply and parent the API sends.
    public func blueskyThread(did: String, post rkey: String) -> String {
        let uri = "at://\(did)/app.bsky.feed.post/\(rkey)"
        let depth = ThreadFetcher.blueskyDepth
        return Self.join(bluesky, ["app.bsky.feed.getPostThread"]) + "?uri=" + Self.encoded(uri)
            + "&depth=\(depth)&parentHeight=\(depth)"
    }
}
