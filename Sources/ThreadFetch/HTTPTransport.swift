/// One HTTP response: the status, the headers tread looks at, and the (decompressed) body.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends GET requests; the fetcher's only way to the network, so tests can stand in for it.
public protocol HTTPTransport: Sendable {
    /// GETs `url` (an http or https address built by `SiteAPI`), following redirects only within
    /// its host, and returns whatever status came back; throws for failures below HTTP.
    func get(_ url: String) async throws(FetchError) -> HTTPResponse
}
