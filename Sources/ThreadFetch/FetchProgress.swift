import ThreadModel

/// How far a fetch has come, in the unit it counts, said the way the reader's final line says it.
///
/// A thread's fetch counts comments, the same unit as the reader's "all 351 comments are in": every
/// comment that arrived (dead and deleted ones too, which are comments in the thread) against the
/// count the site announced for them, which may be smaller (Hacker News leaves dead and deleted items
/// out of `descendants`) or larger (Discourse counts its events, which are not comments). A fetch of
/// a known number of answers (Mastodon's two, Reddit's batches of replies) counts requests.
public struct FetchProgress: Sendable, Equatable {
    public enum Unit: Sendable, Equatable {
        /// Comments arrived, against the count the site announced (`total`), when it announced one.
        case comments
        /// Requests answered, of how many there will be.
        case requests
        /// Stories of a front page.
        case stories
    }

    public var done: Int
    /// For `.comments`, what the site announced; else how many there will be. Nil when unknown.
    public var total: Int?
    public var unit: Unit

    public init(_ done: Int, of total: Int?, _ unit: Unit) {
        self.done = done
        self.total = total
        self.unit = unit
    }

    /// "fetching 29 of 318 comments", "fetching 340 comments (the site announced 318)",
    /// "fetching 1 of 2 requests"; counts grouped as everywhere ("2,112").
    public var text: String {
        let noun: String
        switch unit {
        case .comments: noun = "comment"
        case .requests: noun = "request"
        case .stories: noun = "stor"
        }
        func plural(_ count: Int) -> String {
            unit == .stories ? noun + (count == 1 ? "y" : "ies") : noun + (count == 1 ? "" : "s")
        }
        let done = CountText.grouped(self.done)
        guard let total else { return "fetching \(done) \(plural(self.done))" }
        if unit == .comments, self.done > total {
            return "fetching \(done) \(plural(self.done)) (the site announced \(CountText.grouped(total)))"
        }
        return "fetching \(done) of \(CountText.grouped(total)) \(plural(total))"
    }
}
