import ThreadModel

/// Fetches a whole thread from its site and reads it with ThreadModel's importers.
///
/// Sites that send a thread in one response (Hacker News through Algolia, Reddit, Lobsters)
/// are read as they come; the others are assembled into one document their importer reads: the
/// official Hacker News API's items into an array, a Discourse topic's later posts spliced into
/// its first page's `post_stream.posts`.
public struct ThreadFetcher: Sendable {
    /// Told how many requests are done and how many there will be, when known.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int?) -> Void

    public let api: SiteAPI
    let client: PoliteClient

    /// Discourse post ids asked for in one request (the size of Discourse's own pages).
    static let discourseBatch = 20

    public init(api: SiteAPI, client: PoliteClient) {
        self.api = api
        self.client = client
    }

    /// The thread at `address`, fetched whole.
    public func fetch(_ address: ThreadAddress, progress: Progress? = nil) async throws(FetchError) -> Discussion {
        switch address.site {
        case .hackerNews:
            let url = api.algoliaItem(address.id)
            do {
                // No retries: when Algolia is busy the official API is the quicker way.
                return try read(try await client.withoutRetries().json(url), .hackerNewsAlgolia, url: url)
            } catch {
                // Algolia is down or does not have the item yet: the official API has every item.
                return try await fetchHackerNewsItems(address.id, progress: progress)
            }
        case .reddit:
            let url = api.redditThread(address.id)
            return try read(try await client.json(url), .reddit, url: url)
        case .lobsters:
            let url = api.lobstersStory(address.id)
            return try read(try await client.json(url), .lobsters, url: url)
        case .discourse:
            guard let forum = address.forum else {
                throw FetchError(url: address.displayAddress, kind: .notFound)
            }
            return try await fetchDiscourse(forum, address.id, progress: progress)
        }
    }

    /// As `fetch`, with the failure as a value (for closures, which lose the error's type).
    public func result(_ address: ThreadAddress, progress: Progress? = nil) async -> Result<Discussion, FetchError> {
        do {
            return .success(try await fetch(address, progress: progress))
        } catch {
            return .failure(error)
        }
    }

    /// Reads a response (or an assembled document) with the importer of `format`.
    func read(_ bytes: [UInt8], _ format: DocumentFormat, url: String) throws(FetchError) -> Discussion {
        do {
            return try Discussion.load(DocumentBytes(bytes), format: format)
        } catch {
            throw FetchError(url: url, kind: .unreadable("the response is not a thread tread can read: \(error)"))
        }
    }

    /// A Hacker News thread from the official API: one request per item, `connectionsPerSite` at a
    /// time, breadth first from the story through each item's `kids`.
    func fetchHackerNewsItems(_ id: String, progress: Progress?) async throws(FetchError) -> Discussion {
        guard let rootID = Int64(id) else { throw FetchError(url: api.hackerNewsItem(0), kind: .notFound) }
        let rootURL = api.hackerNewsItem(rootID)
        let root = try await client.json(rootURL)
        let peek = JSONPeek(root)
        guard let rootSpan = peek.root, root[rootSpan.lowerBound] == UInt8(ascii: "{") else {
            // The API answers `null` for an item it does not have.
            throw FetchError(url: rootURL, kind: .notFound)
        }
        let total = peek.member("descendants", of: rootSpan).flatMap { Int(String(decoding: root[$0], as: UTF8.self)) }
        var items: [[UInt8]] = [root]
        var queue = peek.member("kids", of: rootSpan).map { peek.integers(in: $0) } ?? []
        var next = 0
        var seen: Set<Int64> = [rootID]
        let maximumItems = client.limits.maximumItems
        let connections = max(1, client.limits.hackerNewsItemConnections)
        let window = connections * 2
        let client = client.withConnections(connections)
        let api = api
        let outcome = await withTaskGroup(of: Result<[UInt8], FetchError>.self) { group -> FetchError? in
            var running = 0
            var firstError: FetchError?
            while true {
                while firstError == nil, running < window, next < queue.count, seen.count < maximumItems {
                    let kid = queue[next]
                    next += 1
                    guard seen.insert(kid).inserted else { continue }
                    running += 1
                    group.addTask { await client.result(api.hackerNewsItem(kid)) }
                }
                guard running > 0, let result = await group.next() else { return firstError }
                running -= 1
                switch result {
                case .failure(let error):
                    // An item gone since its parent listed it is left out; anything else stops the fetch.
                    if error.kind != .notFound, firstError == nil { firstError = error }
                case .success(let item):
                    let itemPeek = JSONPeek(item)
                    guard let span = itemPeek.root, item[span.lowerBound] == UInt8(ascii: "{") else { continue }
                    items.append(item)
                    if let kids = itemPeek.member("kids", of: span) { queue += itemPeek.integers(in: kids) }
                    progress?(items.count - 1, total)
                }
            }
        }
        if let outcome { throw outcome }
        var document: [UInt8] = [UInt8(ascii: "[")]
        document.reserveCapacity(items.reduce(2) { $0 + $1.count + 1 })
        for (index, item) in items.enumerated() {
            if index > 0 { document.append(UInt8(ascii: ",")) }
            document += item
        }
        document.append(UInt8(ascii: "]"))
        return try read(document, .hackerNewsItems, url: rootURL)
    }

    /// A Discourse topic: its first page, then every post of `post_stream.stream` the first page
    /// left out, in batches, spliced into the first page's `post_stream.posts` in stream order.
    func fetchDiscourse(_ forum: WebAddress, _ id: String, progress: Progress?) async throws(FetchError) -> Discussion {
        let topicURL = SiteAPI.discourseTopic(forum, id)
        let first = try await client.json(topicURL)
        let peek = JSONPeek(first)
        // The topic's page, which the JSON does not give: the article's address, and each post's after it.
        let page = Self.discoursePage(forum, id, slug: peek.value(at: ["slug"]).map(peek.text))
        guard let posts = peek.value(at: ["post_stream", "posts"]), let present = peek.elements(of: posts) else {
            return try read(first, .discourse, url: topicURL).addressed(page)
        }
        let stream = peek.value(at: ["post_stream", "stream"]).map { peek.integers(in: $0) } ?? []
        let have = Set(present.compactMap { span in peek.member("id", of: span).flatMap { Int64(peek.text($0)) } })
        let missing = stream.prefix(client.limits.maximumItems).filter { !have.contains($0) }
        let batches = stride(from: 0, to: missing.count, by: Self.discourseBatch).map {
            Array(missing[$0..<min($0 + Self.discourseBatch, missing.count)])
        }
        progress?(0, batches.count)
        let client = client
        let counter = Counter()
        let results = await withTaskGroup(of: (Int, Result<[UInt8], FetchError>).self) { group in
            for (index, batch) in batches.enumerated() {
                group.addTask {
                    let result = await client.result(SiteAPI.discoursePosts(forum, id, postIDs: batch))
                    progress?(await counter.increment(), batches.count)
                    return (index, result)
                }
            }
            var results = [Result<[UInt8], FetchError>?](repeating: nil, count: batches.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        var spliced: [UInt8] = []
        for result in results {
            guard let result else { continue }
            let body = try result.get()
            let batchPeek = JSONPeek(body)
            guard let span = batchPeek.value(at: ["post_stream", "posts"]), let elements = batchPeek.elements(of: span)
            else { continue }
            for element in elements {
                spliced.append(UInt8(ascii: ","))
                spliced += body[element]
            }
        }
        // Insert before the first page's closing ']'; its own leading ',' goes when the page had no posts.
        if present.isEmpty, !spliced.isEmpty { spliced.removeFirst() }
        var document = Array(first[..<(posts.upperBound - 1)])
        document += spliced
        document += first[(posts.upperBound - 1)...]
        return try read(document, .discourse, url: topicURL).addressed(page)
    }

    /// `https://forum/t/SLUG/ID`; the slug only when it is plain (a JSON string of letters, digits
    /// and `-`), else Discourse's own stand-in, `topic`, which the forum redirects from.
    static func discoursePage(_ forum: WebAddress, _ id: String, slug raw: String?) -> String {
        var slug = "topic"
        if let raw, raw.utf8.count >= 3, raw.utf8.count <= 202, raw.hasPrefix("\""), raw.hasSuffix("\"") {
            let inside = raw.utf8.dropFirst().dropLast()
            let plain = inside.allSatisfy {
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                    || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: "-")
            }
            if plain { slug = String(decoding: inside, as: UTF8.self) }
        }
        return "\(forum.origin)/t/\(slug)/\(id)"
    }
}

/// Counts finished requests across tasks, for progress.
private actor Counter {
    private var value = 0

    func increment() -> Int {
        value += 1
        return value
    }
}

extension JSONPeek {
    /// The bytes of `span` as text (a number's digits, say).
    func text(_ span: Range<Int>) -> String {
        String(decoding: bytes[span], as: UTF8.self)
    }
}
