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
            throw FetchError(url: rootURL, kind: .notFound)
        }
        let total = peek.member("descendants", of: rootSpan).flatMap { Int(String(decoding: root[$0], as: UTF8.self)) }
        var queue = peek.member("kids", of: rootSpan).map { peek.integers(in: $0) } ?? []
        var assembly = HackerNewsAssembly(story: root, kids: queue)
        // The first part goes once the story's first threads have answered (or are gone).
        var firstPending = Set(queue.prefix(Self.firstThreads))
        var schedule = PartSchedule()
        var next = 0
        var seen: Set<Int64> = [rootID]
        let maximumItems = client.limits.maximumItems
        let connections = max(1, client.limits.hackerNewsItemConnections)
        let window = connections * 2
        let client = client.withConnections(connections)
        let api = api
        var unsent = false
        let outcome = await withTaskGroup(of: Answer<Int64>.self) { group -> FetchError? in
            var running = 0
            var ticking = false
            var reading = false
            var firstSent = false
            var firstError: FetchError?
            while true {
                if Task.isCancelled, firstError == nil { firstError = FetchError(url: rootURL, kind: .stopped) }
                // Until the first part is out, only the first threads are asked for, so they do not
                // wait behind a full window of others.
                let limit = parts == nil || firstSent ? window : Self.firstThreads
                while firstError == nil, running < limit, next < queue.count, seen.count < maximumItems {
                    let kid = queue[next]
                    next += 1
                    guard seen.insert(kid).inserted else { continue }
                    running += 1
                    group.addTask { .body(kid, await client.result(api.hackerNewsItem(kid))) }
                }
                // What arrived since the last part goes when due, even if nothing more arrives for a while.
                if parts != nil, unsent, !ticking, !reading, running > 0, firstError == nil {
                    ticking = true
                    let wait = schedule.remaining(firstReady: firstPending.isEmpty)
                    group.addTask { await .tick(after: wait) }
                }
                guard running > 0, let answer = await group.next() else {
                    group.cancelAll()
                    return firstError
                }
                switch answer {
                case .tick:
                    ticking = false
                case .read(let cost):
                    reading = false
                    schedule.finished(cost: cost)
                case .body(let kid, .failure(let error)):
                    running -= 1
                    firstPending.remove(kid)
                    // An item gone since its parent listed it is left out; anything else stops the fetch.
                    if error.kind != .notFound, firstError == nil { firstError = error }
                case .body(let kid, .success(let item)):
                    running -= 1
                    firstPending.remove(kid)
                    let itemPeek = JSONPeek(item)
                    guard let span = itemPeek.root, item[span.lowerBound] == UInt8(ascii: "{") else { break }
                    let kids = itemPeek.member("kids", of: span).map { itemPeek.integers(in: $0) } ?? []
                    assembly.add(item, id: kid, kids: kids)
                    queue += kids
                    unsent = true
                    // `descendants` leaves out dead and deleted items, which arrive all the same.
                    progress?(assembly.arrived - 1, total.map { max($0, assembly.arrived - 1) })
                }
                // Read beside the loop, which goes on asking for items meanwhile.
                if let parts, unsent, !reading, firstError == nil, schedule.due(firstReady: firstPending.isEmpty) {
                    unsent = false
                    reading = true
                    firstSent = true
                    schedule.started()
                    let document = assembly.document()
                    group.addTask {
                        .reading { if let part = try? read(document, .hackerNewsItems, url: rootURL) { parts(part) } }
                    }
                }
            }
        }
        if let outcome { throw outcome }
        return try read(assembly.document(everything: true), .hackerNewsItems, url: rootURL)
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
        let missing = stream.prefix(client.limits.maximumItems).filter { !have.contains($0) }
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
        var done = present.count
        let total = present.count + missing.count
        progress?(done, total)
        var schedule = PartSchedule()
        if let parts, !batches.isEmpty, let part = try? read(first, .discourse, url: topicURL).addressed(page) {
            schedule.started()
            parts(part)
        }
        var bodies = [[UInt8]?](repeating: nil, count: batches.count)
        // Batches in without a gap, and how many of them the last part held.
        var ready = 0
        var sent = 0
        let window = max(1, client.limits.connectionsPerSite) * 2
        let client = client
        let outcome = await withTaskGroup(of: Answer<Int>.self) { group -> FetchError? in
            var next = 0
            var running = 0
            var ticking = false
            var reading = false
            var firstError: FetchError?
            while true {
                if Task.isCancelled, firstError == nil { firstError = FetchError(url: topicURL, kind: .stopped) }
                while firstError == nil, running < window, next < batches.count {
                    let index = next
                    next += 1
                    running += 1
                    group.addTask {
                        .body(index, await client.result(SiteAPI.discoursePosts(forum, id, postIDs: batches[index])))
                    }
                }
                if parts != nil, ready > sent, !ticking, !reading, running > 0, firstError == nil {
                    ticking = true
                    let wait = schedule.remaining(firstReady: true)
                    group.addTask { await .tick(after: wait) }
                }
                guard running > 0, let answer = await group.next() else {
                    group.cancelAll()
                    return firstError
                }
                switch answer {
                case .tick:
                    ticking = false
                case .read(let cost):
                    reading = false
                    schedule.finished(cost: cost)
                case .body(_, .failure(let error)):
                    running -= 1
                    if firstError == nil { firstError = error }
                case .body(let index, .success(let body)):
                    running -= 1
                    var posts: [UInt8] = []
                    let batchPeek = JSONPeek(body)
                    if let span = batchPeek.value(at: ["post_stream", "posts"]),
                        let elements = batchPeek.elements(of: span)
                    {
                        for element in elements {
                            posts.append(UInt8(ascii: ","))
                            posts += body[element]
                        }
                    }
                    bodies[index] = posts
                    done += batches[index].count
                    progress?(min(done, total), total)
                    while ready < bodies.count, bodies[ready] != nil { ready += 1 }
                }
                if let parts, !reading, firstError == nil, ready > sent, ready < bodies.count,
                    schedule.due(firstReady: true)
                {
                    sent = ready
                    reading = true
                    schedule.started()
                    let document = spliced(bodies[..<ready].lazy.compactMap { $0 })
                    group.addTask {
                        .reading {
                            if let part = try? read(document, .discourse, url: topicURL).addressed(page) { parts(part) }
                        }
                    }
                }
            }
        }
        if let outcome { throw outcome }
        return try read(spliced(bodies.lazy.compactMap { $0 }), .discourse, url: topicURL).addressed(page)
    }
}

/// What a fetch's task group hands back: a response, or the moment a held-back part is due.
private enum Answer<Key: Sendable>: Sendable {
    case body(Key, Result<[UInt8], FetchError>)
    case tick
    /// A part was read (and handed on); what it cost.
    case read(Duration)

    /// Runs `work` (reading a part) and says what it cost.
    static func reading(_ work: () -> Void) -> Answer {
        .read(ContinuousClock().measure(work))
    }

    /// A tick after `wait` (at once when cancelled).
    static func tick(after wait: Duration) async -> Answer {
        try? await Task.sleep(for: wait)
        return .tick
    }
}
