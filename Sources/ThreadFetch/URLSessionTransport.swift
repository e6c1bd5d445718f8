import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `HTTPTransport` over Foundation's URLSession (libcurl on Linux).
///
/// Bodies stream through a delegate so the size cap is enforced as bytes arrive (libcurl has
/// already decompressed them, so a gzip bomb stops at the cap too); redirects go through the
/// delegate so only those within the first request's site (scheme, host and port) are followed.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession
    private let delegate: SessionDelegate
    private let limits: FetchLimits

    public init(limits: FetchLimits, userAgent: String) {
        self.limits = limits
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.timeout
        configuration.timeoutIntervalForResource = limits.timeout * 4
        // The widest of the limits; each site's own is enforced by its PoliteClient's gate.
        configuration.httpMaximumConnectionsPerHost = max(limits.connectionsPerSite, limits.hackerNewsItemConnections)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpAdditionalHeaders = ["User-Agent": userAgent, "Accept": "application/json"]
        delegate = SessionDelegate(limits: limits)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    public func get(_ url: String) async throws(FetchError) -> HTTPResponse {
        guard let address = WebAddress(url), let foundationURL = URL(string: url) else {
            throw FetchError(url: url, kind: .unreachable("not an http or https address"))
        }
        var request = URLRequest(url: foundationURL)
        request.timeoutInterval = limits.timeout
        let result: Result<HTTPResponse, FetchError> = await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request)
            delegate.begin(task, url: url, origin: address.origin, continuation: continuation)
            task.resume()
            // URLSession on Linux does not enforce timeoutIntervalForResource: an answer that trickles in
            // (each part within the timeout) would hold the fetch for as long as the server likes.
            let whole = limits.timeout * 4
            DispatchQueue.global().asyncAfter(deadline: .now() + whole) { [delegate, weak task] in
                if let task { delegate.stopIfRunning(task, .tooSlow(seconds: whole)) }
            }
        }
        return try result.get()
    }
}

/// Collects each task's response and body, enforcing the limits; one for the session.
private final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Transfer {
        var url: String
        /// The first request's scheme, host and port: a redirect elsewhere, another port too, is refused.
        var origin: String
        var continuation: CheckedContinuation<Result<HTTPResponse, FetchError>, Never>
        var status = 0
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        var redirects = 0
        /// Set when tread itself stopped the transfer, so the cancellation is reported as this.
        var failure: FetchError.Kind?
    }

    private let limits: FetchLimits
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    init(limits: FetchLimits) {
        self.limits = limits
    }

    func begin(
        _ task: URLSessionTask, url: String, origin: String,
        continuation: CheckedContinuation<Result<HTTPResponse, FetchError>, Never>
    ) {
        lock.withLock {
            transfers[task.taskIdentifier] = Transfer(url: url, origin: origin, continuation: continuation)
        }
    }

    /// Stops a transfer still under way for `kind`; one that ended is left alone.
    func stopIfRunning(_ task: URLSessionTask, _ kind: FetchError.Kind) {
        let running = lock.withLock { () -> Bool in
            guard transfers[task.taskIdentifier] != nil else { return false }
            transfers[task.taskIdentifier]?.failure = kind
            return true
        }
        if running { task.cancel() }
    }

    /// Stops a transfer for `kind`; the completion callback reports it.
    private func stop(_ task: URLSessionTask, _ kind: FetchError.Kind) {
        lock.withLock { transfers[task.taskIdentifier]?.failure = kind }
        task.cancel()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        let tooLarge = (Int(headers["content-length"] ?? "") ?? 0) > limits.maximumBytes
        lock.withLock {
            transfers[dataTask.taskIdentifier]?.status = http?.statusCode ?? 0
            transfers[dataTask.taskIdentifier]?.headers = headers
            if tooLarge { transfers[dataTask.taskIdentifier]?.failure = .tooLarge(limit: limits.maximumBytes) }
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            guard var transfer = transfers[dataTask.taskIdentifier] else { return false }
            guard transfer.body.count + data.count <= limits.maximumBytes else { return true }
            transfers[dataTask.taskIdentifier] = nil
            // Through the raw bytes: appending `Data` itself goes byte by byte.
            data.withUnsafeBytes { transfer.body.append(contentsOf: $0) }
            transfers[dataTask.taskIdentifier] = transfer
            return false
        }
        if over { stop(dataTask, .tooLarge(limit: limits.maximumBytes)) }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let target = request.url?.absoluteString ?? ""
        // Foundation makes a `file:` Location a path on the same host: the header says where it was sent.
        let location = response.value(forHTTPHeaderField: "Location") ?? target
        let scheme = location.prefix { $0 != ":" && $0 != "/" }.lowercased()
        let notWeb = location.contains(":") && scheme != "http" && scheme != "https" && !location.hasPrefix("/")
        let refusal = lock.withLock { () -> FetchError.Kind? in
            guard var transfer = transfers[task.taskIdentifier] else { return nil }
            transfer.redirects += 1
            transfers[task.taskIdentifier] = transfer
            if notWeb { return .redirectNotWeb(to: location) }
            guard let address = WebAddress(target), address.origin == transfer.origin else {
                return .redirectElsewhere(to: target)
            }
            return transfer.redirects > limits.redirects ? .tooManyRedirects : nil
        }
        if let refusal {
            completionHandler(nil)
            stop(task, refusal)
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let failure = transfer.failure {
            transfer.continuation.resume(returning: .failure(FetchError(url: transfer.url, kind: failure)))
            return
        }
        if let error {
            var kind = kind(of: error)
            // The server answered and the body then failed (a chunked answer closed before its last
            // chunk, a body said to be gzip that is not): cut short, not a failure to connect.
            if transfer.status != 0, case .unreachable = kind { kind = .truncated }
            transfer.continuation.resume(returning: .failure(FetchError(url: transfer.url, kind: kind)))
            return
        }
        // A redirect Foundation did not follow (no Location) never reached `didReceive response`.
        let status = transfer.status != 0 ? transfer.status : (task.response as? HTTPURLResponse)?.statusCode ?? 0
        transfer.continuation.resume(
            returning: .success(HTTPResponse(status: status, headers: transfer.headers, body: transfer.body)))
    }

    /// What a URLSession error means to the user.
    private func kind(of error: any Error) -> FetchError.Kind {
        guard let urlError = error as? URLError else { return .unreachable(String(describing: error)) }
        switch urlError.code {
        case .timedOut: return .timedOut(seconds: limits.timeout)
        case .cannotFindHost, .dnsLookupFailed: return .unreachable("the host name does not resolve")
        case .cannotConnectToHost: return .unreachable("connection refused")
        case .networkConnectionLost: return .truncated
        case .notConnectedToInternet: return .unreachable("no network")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .unreachable("TLS failed: the site's certificate was not accepted")
        case .httpTooManyRedirects, .redirectToNonExistentLocation: return .tooManyRedirects
        case .cancelled: return .unreachable("cancelled")
        default: return .unreachable(urlError.localizedDescription)
        }
    }
}
