import SiteFormats
import ThreadModel

/// What the reader calls for a live thread: `R` (reload in place) and Enter on a stub.
extension ThreadFetcher {
    /// Reddit's most ids in one `/api/morechildren` request.
    public static let moreChildrenBatch = 100

    /// Fetches the thread at `address` again and merges it into `discussion` (`R`).
    ///
    /// The merge says which comments are new and where every old entry went, so folds,
    /// selection and scroll follow comment ids. Nothing changes when the fetch fails.
    public func reload(
        _ discussion: Discussion, from address: ThreadAddress, progress: Progress? = nil
    ) async throws(FetchError) -> DiscussionMerge {
        let fetched = try await fetch(address, progress: progress)
        do {
            return try discussion.merging(reload: fetched)
        } catch {
            throw FetchError(
                url: address.displayAddress, kind: .unreadable("the reloaded thread cannot be merged: \(error)"))
        }
    }

    /// Fetches the replies stub `index` of `discussion` stands for and puts them in its place
    /// (Enter on a "more replies" or "continue this thread" line).
    public func expand(
        stub index: Int, of discussion: Discussion, progress: Progress? = nil
    ) async throws(FetchError) -> DiscussionMerge {
        guard index >= 0, index < discussion.count, let stub = discussion.more(of: index) else {
            throw FetchError(url: address(of: nil), kind: .unreadable("this line is not a stub tread can fetch"))
        }
        let fetched = try await fetch(stub: stub, progress: progress)
        do {
            return try discussion.merging(stub: index, with: fetched)
        } catch {
            throw FetchError(
                url: address(of: stub), kind: .unreadable("the fetched replies cannot be merged: \(error)"))
        }
    }

    /// The site a stub is fetched from, for messages.
    private func address(of stub: MoreStub?) -> String {
        stub?.site == "bluesky" ? api.bluesky.origin : api.reddit.origin
    }

    /// The comments behind `stub`, as a discussion for `Discussion.merging(stub:with:)`:
    /// `/api/morechildren` in batches of 100 ids, one after another (Reddit counts requests), or
    /// the parent comment's permalink for "continue this thread".
    public func fetch(stub: MoreStub, progress: Progress? = nil) async throws(FetchError) -> Discussion {
        if stub.site == "bluesky", stub.isValid { return try await fetchBlueskyReplies(of: stub.link) }
        guard stub.isValid, stub.site == "reddit" else {
            throw FetchError(url: api.reddit.origin, kind: .unreadable("the stub's ids are not Reddit's"))
        }
        let post = String(stub.link.dropFirst(3))
        if stub.continuesThread {
            guard !stub.parentIsThread else {
                // "Continue this thread" under the post itself is the whole thread.
                return try await fetch(ThreadAddress(site: .reddit, id: post), progress: progress)
            }
            let url = api.redditComment(post: post, comment: stub.parentID)
            return try read(try await client.json(url), .reddit, url: url)
        }
        let urls = api.redditMoreChildren(link: stub.link, children: stub.children)
        var things: [UInt8] = []
        for (done, url) in urls.enumerated() {
            progress?(FetchProgress(done, of: urls.count, .requests))
            let body = try await client.json(url)
            let peek = JSONPeek(body)
            guard let span = peek.value(at: ["json", "data", "things"]), let elements = peek.elements(of: span) else {
                // Reddit answers `{"json": {"errors": [...]}}` when it refuses (a rate limit, a bad id).
                throw FetchError(url: url, kind: .unreadable("the answer holds no comments (json.data.things)"))
            }
            for element in elements {
                if !things.isEmpty { things.append(UInt8(ascii: ",")) }
                things += body[element]
            }
        }
        progress?(FetchProgress(urls.count, of: urls.count, .requests))
        let document = Array(#"{"json": {"errors": [], "data": {"things": ["#.utf8) + things + Array("]}}}".utf8)
        do {
            return try Discussion.load(redditMoreChildren: DocumentBytes(document), post: post)
        } catch {
            throw FetchError(
                url: urls.first ?? api.reddit.origin,
                kind: .unreadable("the response is not a thread tread can read: \(error)"))
        }
    }
}

extension SiteAPI {
    /// The `/api/morechildren` requests for `children` of thread `link` (`t3_…`), at most 100 ids
    /// each. Ids that are not Reddit's (base 36, lower case) are left out, so none can change the request.
    public func redditMoreChildren(link: String, children: [String]) -> [String] {
        guard link.hasPrefix("t3_"), MoreStub.isID(link.dropFirst(3)) else { return [] }
        let ids = children.filter { MoreStub.isID($0[...]) }
        let base = Self.join(reddit, ["api", "morechildren"]) + "?api_type=json&link_id=" + link + "&children="
        return stride(from: 0, to: ids.count, by: ThreadFetcher.moreChildrenBatch).map {
            base + ids[$0..<min($0 + ThreadFetcher.moreChildrenBatch, ids.count)].joined(separator: ",") + "&raw_json=1"
        }
    }

    /// A comment's permalink with its replies (Reddit's "continue this thread"); the slug is `_`.
    public func redditComment(post: String, comment: String) -> String {
        Self.join(reddit, ["comments", post, "_", "\(comment).json"]) + "?raw_json=1"
    }
}
