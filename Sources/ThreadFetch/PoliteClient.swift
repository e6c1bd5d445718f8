/// Fetches JSON from one site politely: a bounded number of requests at once, 429 and 5xx
/// answers retried after the wait the site asks for (a bounded number of times), and every other
/// answer that is not JSON turned into a `FetchError` the user can act on.
public struct PoliteClient: Sendable {
    let transport: any HTTPTransport
    let limits: FetchLimits
    private let gate: Gate

    public init(transport: any HTTPTransport, limits: FetchLimits) {
        self.init(transport: transport, limits: limits, connections: limits.connectionsPerSite)
    }

    init(transport: any HTTPTransport, limits: FetchLimits, connections: Int) {
        self.transport = transport
        self.limits = limits
        gate = Gate(connections)
    }

    private init(transport: any HTTPTransport, limits: FetchLimits, gate: Gate) {
        self.transport = transport
        self.limits = limits
        self.gate = gate
    }

    /// The same client (sharing its gate) that does not retry busy answers: for a request with
    /// somewhere else to turn.
    func withoutRetries() -> PoliteClient {
        var limits = limits
        limits.retries = 0
        return PoliteClient(transport: transport, limits: limits, gate: gate)
    }

    /// A client for the same transport with its own gate of `connections` requests at once.
    func withConnections(_ connections: Int) -> PoliteClient {
        PoliteClient(transport: transport, limits: limits, connections: connections)
    }

    /// The body of a successful JSON response from `url`.
    public func json(_ url: String) async throws(FetchError) -> [UInt8] {
        var attempt = 0
        while true {
            await gate.acquire()
            let result: Result<HTTPResponse, FetchError>
            do {
                result = .success(try await transport.get(url))
            } catch {
                result = .failure(error)
            }
            await gate.release()
            let response = try result.get()
            switch response.status {
            case 200..<300:
                try PoliteClient.checkJSON(response, url: url)
                return response.body
            case 429, 500...599:
                let asked = response.headers["retry-after"].flatMap { Int($0.trimmingSpaces) }
                let wait = asked ?? (1 << attempt)
                guard attempt < limits.retries, wait >= 0, wait <= limits.longestWait else {
                    throw FetchError(url: url, kind: .busy(status: response.status, retryAfter: asked))
                }
                attempt += 1
                try? await Task.sleep(nanoseconds: UInt64(wait) * 1_000_000_000)
                // Stopped while waiting (Esc in the reader): no more requests.
                if Task.isCancelled { throw FetchError(url: url, kind: .stopped) }
            case 300..<400:
                // A redirect the transport would have followed had it named where.
                throw FetchError(url: url, kind: .redirectNowhere(status: response.status))
            case 404:
                throw FetchError(url: url, kind: .notFound)
            case 410:
                throw FetchError(url: url, kind: .gone)
            case 401, 403, 451:
                // A web page with the refusal is a login wall or a bot check (Cloudflare's challenge), not a
                // private thread: said as the web page it is.
                if !response.body.isEmpty { try PoliteClient.checkJSON(response, url: url) }
                throw FetchError(url: url, kind: .forbidden(status: response.status))
            default:
                throw FetchError(url: url, kind: PoliteClient.refusal(response) ?? .status(response.status))
            }
        }
    }

    /// As `json`, with the failure as a value (for task groups, whose closures lose the error's type).
    public func result(_ url: String) async -> Result<[UInt8], FetchError> {
        do {
            return .success(try await json(url))
        } catch {
            return .failure(error)
        }
    }

    /// What an API said when it refused a request with a JSON error (Lemmy's `{"error": "couldnt_find_post"}`,
    /// Bluesky's `{"error": "NotFound", "message": "Post not found"}`), as one line; nil for anything else.
    static func refusal(_ response: HTTPResponse) -> FetchError.Kind? {
        let peek = JSONPeek(response.body)
        func text(_ key: String) -> String? {
            guard let span = peek.value(at: [key]), span.count >= 2,
                response.body[span.lowerBound] == UInt8(ascii: "\"")
            else { return nil }
            return String(decoding: response.body[(span.lowerBound + 1)..<(span.upperBound - 1)], as: UTF8.self)
        }
        guard let error = text("error") else { return nil }
        let message = text("message").map { ": " + $0 } ?? ""
        return .unreadable("the site refused (HTTP \(response.status)): " + FetchError.shown(error + message))
    }

    /// Refuses a web page where JSON was expected: an HTML content type, or a body that starts with '<'.
    static func checkJSON(_ response: HTTPResponse, url: String) throws(FetchError) {
        let contentType = response.headers["content-type"] ?? ""
        let first = response.body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if contentType.lowercased().contains("html") || first == UInt8(ascii: "<") {
            throw FetchError(
                url: url, kind: .notJSON(contentType: contentType.isEmpty ? "no content type" : contentType))
        }
        if first == nil { throw FetchError(url: url, kind: .truncated) }
    }
}

extension String {
    var trimmingSpaces: Substring {
        let trimmed = drop { $0 == " " || $0 == "\t" }
        return trimmed.prefix { $0 != " " && $0 != "\t" }
    }
}
