/// How far one fetch of a thread that arrives in many answers may go: how many items, and for
/// how long.
///
/// A server that keeps naming new items, or a chain of replies fetched one level at a time (a
/// 100,000-level chain is 80 minutes of round trips), cannot keep tread fetching forever; a fetch
/// that reaches either limit is cut, says which, and is never saved as whole.
struct FetchBudget {
    private let limits: FetchLimits
    private let clock = ContinuousClock()
    private let deadline: ContinuousClock.Instant

    init(_ limits: FetchLimits) {
        self.limits = limits
        deadline = clock.now + .milliseconds(Int64(limits.deadline * 1000))
    }

    /// Why a fetch holding `items` items (the story or topic counted) may not ask for one more.
    func refusesItem(after items: Int) -> FetchError.Kind? {
        items >= limits.maximumItems ? .itemLimit(limits.maximumItems) : nil
    }

    /// Why the fetch must stop now: its time is up.
    var overdue: FetchError.Kind? {
        clock.now >= deadline ? .deadline(seconds: limits.deadline) : nil
    }

    /// How long until the time is up (zero once it is).
    var timeLeft: Duration {
        max(.zero, deadline - clock.now)
    }
}
