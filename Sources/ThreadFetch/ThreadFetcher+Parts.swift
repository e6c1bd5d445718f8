import ThreadModel

/// The sites that send a thread in many answers: the official Hacker News API (one item per
/// request) and Discourse (a first page, then the rest of the topic in batches).
extension ThreadFetcher {
    /// Top-level threads of a Hacker News story the first part waits for.
    static let firstThreads = 10

    /// A Hacker News thread from the official API: one request per item, `hackerNewsItemConnections`
    /// at a time, breadth first from the story through each item's `kids`, so the first threads
    /// arrive first and every item's parent is in before it is asked for.
    func fetchHackerNewsItems(_ id: String, progress: Progress?, parts: Parts?) async throws(FetchError) -> Discussion {
        guard let asked = Int64(id) else { throw FetchError(url: api.hackerNewsItem(0), kind: .notFound) }
        // A comment's permalink: its story's whole thread.
        let (rootID, root) = try await hackerNewsStoryItem(asked)
        let rootURL = api.hackerNewsItem(rootID)
        let peek = JSONPeek(root)
        guard let rootSpan = peek.root, root[rootSpan.lowerBound] == UInt8(ascii: "{") else {
            // The API answers `null` for an item it does not have.
            throw FetchError(url: rootURL, kind: .noSuchItem)
        }
        let total = peek.member("descendants", of: rootSpan).flatMap { Int(String(decoding: root[$0], as: UTF8.self)) }
        let kids = peek.member("kids", of: rootSpan).map { peek.integers(in: $0) } ?? []
        // A poll's options (`parts`, `pollopt` items) are fetched first: they are the article's lines.
        let options = peek.member("parts", of: rootSpan).map { peek.integers(in: $0) } ?? []
        let connections = max(1, client.limits.hackerNewsItemConnections)
        let budget = FetchBudget(client.limits)
        var items = HackerNewsParts(
            api: api, rootID: rootID, kids: kids, options: options,
            assembly: HackerNewsAssembly(story: root, kids: options + kids), connections: connections,
            budget: budget, total: total, progress: progress)
        let outcome = await driveParts(
            &items, client: client.withConnections(connections), url: rootURL, parts: parts,
            budget: budget, read: { try? read($0, .hackerNewsItems, url: rootURL) })
        if let outcome {
            // A cut thread: what arrived stays in the reader; the error says why the rest did not.
            if outcome.isCut, let parts, let part = try? read(items.assembly.document(), .hackerNewsItems, url: rootURL)
            {
                parts(part)
            }
            throw outcome
        }
        return try read(items.assembly.document(everything: true), .hackerNewsItems, url: rootURL)
    }

    /// A Discourse topic: its first page, then every post of `post_stream.stream` the first page
    /// left out, in batches (a bounded number at a time, in stream order), spliced into the first
    /// page's `post_stream.posts` in stream order. Parts are the first page, then the first page
    /// with the batches in so far without a gap, so a part never lacks a post an earlier one had.
    func fetchDiscourse(
        _ forum: WebAddress, _ id: String, progress: Progress?, parts: Parts?
    ) async throws(FetchError) -> Discussion {
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
        let budget = FetchBudget(client.limits)
        var named = have
        var missing: [Int64] = []
        var cut: FetchError.Kind?
        for post in stream where named.insert(post).inserted {
            cut = budget.refusesItem(after: have.count + missing.count)
            if cut != nil { break }
            missing.append(post)
        }
        let batches = stride(from: 0, to: missing.count, by: Self.discourseBatch).map {
            Array(missing[$0..<min($0 + Self.discourseBatch, missing.count)])
        }
        /// The first page with the posts of `bodies` (each a batch's posts, each after a ',') spliced in.
        func spliced(_ bodies: some Sequence<[UInt8]>) -> [UInt8] {
            var inserted = Array(bodies.joined())
            // Insert before the first page's closing ']'; its own leading ',' goes when the page had no posts.
            if present.isEmpty, !inserted.isEmpty { inserted.removeFirst() }
            return Array(first[..<(posts.upperBound - 1)]) + inserted + first[(posts.upperBound - 1)...]
        }
        // Progress counts comments, as the reader's last line does: posts but the article (post 1)
        // and events (small actions, which the site counts among its posts): the total loses each event
        // as it arrives, so it ends at the comments the reader shows.
        let article = present.contains { span in peek.member("post_number", of: span).map(peek.text) == "1" }
        let total = present.count + missing.count - (article ? 1 : 0) - DiscourseParts.events(present, peek)
        var topic = DiscourseParts(
            forum: forum, id: id, batches: batches, window: max(1, client.limits.connectionsPerSite) * 2,
            done: DiscourseParts.comments(present, peek), total: total,
            progress: progress, splice: spliced)
        progress?(FetchProgress(topic.done, of: topic.total, .comments))
        var schedule = PartSchedule()
        if let parts, !batches.isEmpty, let part = try? read(first, .discourse, url: topicURL).addressed(page) {
            schedule.started()
            parts(part)
        }
        let outcome = await driveParts(
            &topic, client: client, url: topicURL, parts: parts, schedule: schedule, budget: budget,
            read: { try? read($0, .discourse, url: topicURL).addressed(page) })
        if let outcome {
            // Cut at the deadline: what arrived in order stays in the reader.
            if outcome.isCut, let parts, let document = topic.takePart(),
                let part = try? read(document, .discourse, url: topicURL)
            {
                parts(part.addressed(page))
            }
            throw outcome
        }
        let whole = try read(spliced(topic.bodies.lazy.compactMap { $0 }), .discourse, url: topicURL).addressed(page)
        guard let cut else { return whole }
        parts?(whole)
        throw FetchError(url: topicURL, kind: cut)
    }
}

/// A Hacker News thread from the official API: breadth first from the story through each item's `kids`.
private struct HackerNewsParts: PartAssembly {
    let api: SiteAPI
    var queue: [Int64]
    var assembly: HackerNewsAssembly
    /// The story's first threads: the first part goes once they have answered (or are gone).
    var firstPending: Set<Int64>
    var next = 0
    var seen: Set<Int64>
    let connections: Int
    let budget: FetchBudget
    /// Set when the item limit refused a request: the fetch stops there, and says so.
    var cut: FetchError.Kind?
    let total: Int?
    let progress: ThreadFetcher.Progress?
    var unsent = false
    /// A poll's options, which arrive as items but are not comments (progress counts comments).
    let options: Set<Int64>
    var optionsArrived = 0

    init(
        api: SiteAPI, rootID: Int64, kids: [Int64], options: [Int64], assembly: HackerNewsAssembly,
        connections: Int, budget: FetchBudget, total: Int?, progress: ThreadFetcher.Progress?
    ) {
        self.api = api
        queue = options + kids
        self.options = Set(options)
        self.assembly = assembly
        firstPending = Set(kids.prefix(ThreadFetcher.firstThreads))
        seen = [rootID]
        self.connections = connections
        self.budget = budget
        self.total = total
        self.progress = progress
    }

    /// Until the first part is out, only the first threads are asked for, so they do not wait behind a
    /// full window of others.
    func window(firstSent: Bool) -> Int { firstSent ? connections * 2 : ThreadFetcher.firstThreads }

    mutating func nextRequest() -> (key: Int64, url: String)? {
        while cut == nil, next < queue.count {
            let kid = queue[next]
            guard !seen.contains(kid) else {
                next += 1
                continue
            }
            if let refused = budget.refusesItem(after: seen.count) {
                cut = refused
                return nil
            }
            next += 1
            seen.insert(kid)
            return (kid, api.hackerNewsItem(kid))
        }
        return nil
    }

    mutating func take(_ kid: Int64, _ answer: Result<[UInt8], FetchError>) -> FetchError? {
        firstPending.remove(kid)
        switch answer {
        case .failure(let error):
            // An item gone since its parent listed it is left out; anything else stops the fetch.
            return error.kind == .notFound || error.kind == .gone ? nil : error
        case .success(let item):
            let itemPeek = JSONPeek(item)
            guard let span = itemPeek.root, item[span.lowerBound] == UInt8(ascii: "{") else { return nil }
            let kids = itemPeek.member("kids", of: span).map { itemPeek.integers(in: $0) } ?? []
            assembly.add(item, id: kid, kids: kids)
            queue += kids
            unsent = true
            if options.contains(kid) { optionsArrived += 1 }
            // Every item but the story and a poll's options is a comment; `descendants` (the announced
            // count) leaves out dead and deleted ones, which arrive all the same: the text then says both.
            progress?(FetchProgress(assembly.arrived - 1 - optionsArrived, of: total, .comments))
            return nil
        }
    }

    var hasUnsent: Bool { unsent }
    var firstReady: Bool { firstPending.isEmpty }

    mutating func takePart() -> [UInt8]? {
        unsent = false
        return assembly.document()
    }
}

/// A Discourse topic's posts past the first page, in batches spliced in stream order.
private struct DiscourseParts: PartAssembly {
    let forum: WebAddress
    let id: String
    let batches: [[Int64]]
    let requests: Int
    var done: Int
    /// The posts announced but the article and the events seen so far.
    var total: Int
    let progress: ThreadFetcher.Progress?
    /// The first page with the batches' posts spliced in.
    let splice: ([[UInt8]]) -> [UInt8]
    var bodies: [[UInt8]?]
    var next = 0
    /// Batches in without a gap, and how many of them the last part held.
    var ready = 0
    var sent = 0

    init(
        forum: WebAddress, id: String, batches: [[Int64]], window: Int, done: Int, total: Int,
        progress: ThreadFetcher.Progress?, splice: @escaping ([[UInt8]]) -> [UInt8]
    ) {
        self.forum = forum
        self.id = id
        self.batches = batches
        requests = window
        self.done = done
        self.total = total
        self.progress = progress
        self.splice = splice
        bodies = [[UInt8]?](repeating: nil, count: batches.count)
    }

    func window(firstSent: Bool) -> Int { requests }

    mutating func nextRequest() -> (key: Int, url: String)? {
        guard next < batches.count else { return nil }
        next += 1
        return (next - 1, SiteAPI.discoursePosts(forum, id, postIDs: batches[next - 1]))
    }

    mutating func take(_ index: Int, _ answer: Result<[UInt8], FetchError>) -> FetchError? {
        guard case .success(let body) = answer else {
            if case .failure(let error) = answer { return error }
            return nil
        }
        var posts: [UInt8] = []
        let batchPeek = JSONPeek(body)
        if let span = batchPeek.value(at: ["post_stream", "posts"]), let elements = batchPeek.elements(of: span) {
            for element in elements {
                posts.append(UInt8(ascii: ","))
                posts += body[element]
            }
            done += Self.comments(elements, batchPeek)
            total -= Self.events(elements, batchPeek)
        }
        bodies[index] = posts
        progress?(FetchProgress(done, of: total, .comments))
        while ready < bodies.count, bodies[ready] != nil { ready += 1 }
        return nil
    }

    var hasUnsent: Bool { ready > sent }
    var firstReady: Bool { true }

    /// How many of `posts` are comments: not the article (post 1), not an event (a small action).
    static func comments(_ posts: [Range<Int>], _ peek: JSONPeek) -> Int {
        posts.count { span in
            peek.member("post_number", of: span).map(peek.text) != "1"
                && peek.member("post_type", of: span).map(peek.text) != "3"  // Discourse's small action
        }
    }

    /// How many of `posts` are events (small actions), which the stream counts and the reader does not.
    static func events(_ posts: [Range<Int>], _ peek: JSONPeek) -> Int {
        posts.count { span in peek.member("post_type", of: span).map(peek.text) == "3" }
    }

    /// The first page with the batches in so far without a gap; none once all are in (the whole follows).
    mutating func takePart() -> [UInt8]? {
        guard ready < bodies.count else { return nil }
        sent = ready
        return splice(bodies[..<ready].compactMap { $0 })
    }
}
