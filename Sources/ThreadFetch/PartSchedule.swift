/// When a thread that arrives in many answers shows its next part.
///
/// The first part goes as soon as it holds the first threads (or after a short wait, whatever
/// it holds); later ones no oftener than `gap`, and never more often than four times what the last
/// one cost to read, so reading parts stays a small share of the fetch however big the thread.
struct PartSchedule {
    /// How long the first part waits for the first threads before it goes with what it has.
    static let firstWait: Duration = .milliseconds(800)
    /// The shortest time between two parts.
    static let gap: Duration = .milliseconds(250)

    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var last: ContinuousClock.Instant?
    private var wait = PartSchedule.gap

    init() {
        start = clock.now
    }

    /// Whether a part should go now; `firstReady` says the first threads are in.
    func due(firstReady: Bool) -> Bool {
        guard let last else { return firstReady || clock.now - start >= Self.firstWait }
        return clock.now - last >= wait
    }

    /// How long until a part is due (`due` then says yes, if the first threads are in by then).
    func remaining(firstReady: Bool) -> Duration {
        let since = clock.now - (last ?? start)
        let wanted = last == nil ? (firstReady ? .zero : Self.firstWait) : wait
        return max(.zero, wanted - since)
    }

    /// A part is being read now.
    mutating func started() {
        last = clock.now
    }

    /// The part took `cost` to read: the next waits at least four times that.
    mutating func finished(cost: Duration) {
        wait = max(Self.gap, cost * 4)
    }
}
