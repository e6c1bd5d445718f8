import ThreadModel

/// A thread fetched in many answers, as the multi-part driver sees it: what to ask for next, what to do
/// with each answer, and the document a part is read from. The site's own state lives in the value.
protocol PartAssembly {
    associatedtype Key: Sendable

    /// How many requests may run at once; `firstSent` says whether the first part has gone.
    func window(firstSent: Bool) -> Int
    /// The next request to start (a key for its answer, and the URL), or nil when none is due now.
    mutating func nextRequest() -> (key: Key, url: String)?
    /// Takes one answer; an error that stops the whole fetch, or nil.
    mutating func take(_ key: Key, _ answer: Result<[UInt8], FetchError>) -> FetchError?
    /// Whether something arrived that no part has shown yet (a held-back part is then timed).
    var hasUnsent: Bool { get }
    /// Whether the first part's own requests are all in (the schedule sends it sooner).
    var firstReady: Bool { get }
    /// The document of the part to send now, marking what it holds as sent; nil when no part is due.
    mutating func takePart() -> [UInt8]?
    /// Why no more may be asked for (the item limit reached), once `nextRequest` has refused one.
    var cut: FetchError.Kind? { get }
}

extension PartAssembly {
    var cut: FetchError.Kind? { nil }
}

extension ThreadFetcher {
    /// Runs `assembly`'s requests through `client` in a task group, at most its window at a time; hands a
    /// part (read by `read`, beside the loop) to `parts` when `schedule` says one is due, and when
    /// something waits longer than that, after a tick. Stops at the first error, when cancelled
    /// (`stopped`, naming `url`), when `budget`'s time is up, or when the assembly reaches the item limit
    /// (its `cut`). One state machine for every site that sends a thread in parts.
    func driveParts<Assembly: PartAssembly>(
        _ assembly: inout Assembly, client: PoliteClient, url: String, parts: Parts?,
        schedule: PartSchedule = PartSchedule(), budget: FetchBudget,
        read: @escaping @Sendable ([UInt8]) -> Discussion?
    ) async -> FetchError? {
        var schedule = schedule
        return await withTaskGroup(of: PartAnswer<Assembly.Key>.self) { group -> FetchError? in
            // Wakes the loop when the time is up, even while every request is still waiting.
            group.addTask { await .tick(after: budget.timeLeft) }
            var running = 0
            var ticking = false
            var reading = false
            var firstSent = false
            var firstError: FetchError?
            while true {
                if Task.isCancelled, firstError == nil { firstError = FetchError(url: url, kind: .stopped) }
                if firstError == nil, let late = budget.overdue { firstError = FetchError(url: url, kind: late) }
                while firstError == nil, running < assembly.window(firstSent: parts == nil || firstSent),
                    let request = assembly.nextRequest()
                {
                    running += 1
                    group.addTask { .body(request.key, await client.result(request.url)) }
                }
                if firstError == nil, let cut = assembly.cut { firstError = FetchError(url: url, kind: cut) }
                // What arrived since the last part goes when due, even if nothing more arrives for a while.
                if parts != nil, assembly.hasUnsent, !ticking, !reading, running > 0, firstError == nil {
                    ticking = true
                    let wait = schedule.remaining(firstReady: assembly.firstReady)
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
                case .body(let key, let result):
                    running -= 1
                    if let error = assembly.take(key, result), firstError == nil { firstError = error }
                }
                // Read beside the loop, which goes on asking meanwhile.
                if let parts, !reading, firstError == nil, assembly.hasUnsent,
                    schedule.due(firstReady: assembly.firstReady), let document = assembly.takePart()
                {
                    reading = true
                    firstSent = true
                    schedule.started()
                    group.addTask { .reading { if let part = read(document) { parts(part) } } }
                }
            }
        }
    }
}

/// What a fetch's task group hands back: a response, or the moment a held-back part is due.
private enum PartAnswer<Key: Sendable>: Sendable {
    case body(Key, Result<[UInt8], FetchError>)
    case tick
    /// A part was read (and handed on); what it cost.
    case read(Duration)

    /// Runs `work` (reading a part) and says what it cost.
    static func reading(_ work: () -> Void) -> PartAnswer {
        .read(ContinuousClock().measure(work))
    }

    /// A tick after `wait` (at once when cancelled).
    static func tick(after wait: Duration) async -> PartAnswer {
        try? await Task.sleep(for: wait)
        return .tick
    }
}
