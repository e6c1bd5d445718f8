/// The limits every request is made under.
public struct FetchLimits: Sendable {
    /// Seconds without an answer before a request is given up.
    public var timeout: Double = 20
    /// The most bytes of one response body, after decompression.
    public var maximumBytes: Int = 64 << 20
    /// Requests in flight at once to one site.
    public var connectionsPerSite: Int = 8
    /// Requests in flight at once to the official Hacker News API, which serves one item per
    /// request from Firebase, has no rate limit, and needs about 2,000 requests for a big thread:
    /// 2,000 answers of 50 ms each take 3.1 s of waiting 32 at a time, 1.6 s 64 at a time.
    public var hackerNewsItemConnections: Int = 64
    /// How many times a 429 or 5xx answer is retried.
    public var retries: Int = 2
    /// The longest `Retry-After` tread waits for; a longer one fails at once.
    public var longestWait: Int = 10
    /// Redirects followed for one request (within the same site only).
    public var redirects: Int = 5

    /// Most items fetched for one Hacker News thread, and posts for one Discourse topic: a
    /// server that keeps naming new ones cannot keep tread fetching forever.
    public var maximumItems: Int = 100_000

    /// Seconds one fetch of such a thread may take in all: the official Hacker News API fetches a
    /// thread level by level, so a deep chain takes one round trip per level.
    public var deadline: Double = 300

    public init() {}

    /// The defaults, with `TREAD_FETCH_TIMEOUT` (seconds), `TREAD_FETCH_MAX_BYTES` and
    /// `TREAD_FETCH_MAX_ITEMS` and `TREAD_FETCH_DEADLINE` (seconds) applied when they are numbers.
    public init(environment: [String: String]) {
        if let text = environment["TREAD_FETCH_TIMEOUT"], let seconds = Double(text), seconds > 0, seconds < 3600 {
            timeout = seconds
        }
        if let text = environment["TREAD_FETCH_MAX_BYTES"], let bytes = Int(text), bytes > 0 {
            maximumBytes = bytes
        }
        if let text = environment["TREAD_FETCH_MAX_ITEMS"], let items = Int(text), items > 0 {
            maximumItems = items
        }
        if let text = environment["TREAD_FETCH_DEADLINE"], let seconds = Double(text), seconds > 0, seconds <= 86_400 {
            deadline = seconds
        }
    }
}
