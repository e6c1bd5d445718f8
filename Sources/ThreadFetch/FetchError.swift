import ThreadModel

/// Why a thread could not be fetched, as one line that names the address and what to do.
public struct FetchError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The name did not resolve, the connection was refused or dropped, TLS failed.
        case unreachable(String)
        case timedOut(seconds: Double)
        /// The answer was still arriving (a trickle, each part within the timeout) when its whole time ran out.
        case tooSlow(seconds: Double)
        /// 429 or 5xx, still so after the retries allowed; the wait the site asked for, if any.
        case busy(status: Int, retryAfter: Int?)
        case notFound
        /// 410: the site says the thread was there and is no more.
        case gone
        /// The official Hacker News API's `null`: a 200 saying it has no such item.
        case noSuchItem
        case forbidden(status: Int)
        /// Another status tread does not expect.
        case status(Int)
        /// A web page (a login wall, a block page) where the API's JSON was expected.
        case notJSON(contentType: String)
        case truncated
        case tooLarge(limit: Int)
        case redirectElsewhere(to: String)
        /// A redirect to an address that is not http or https (`file:`, say).
        case redirectNotWeb(to: String)
        /// A redirect status with no `Location` to go to.
        case redirectNowhere(status: Int)
        case tooManyRedirects
        /// The response is JSON but not the thread (an importer's error).
        case unreadable(String)
        /// `--offline` and no copy in the cache.
        case notCached
        /// The user stopped the fetch (Esc, ctrl-C in the reader).
        case stopped
        /// The thread names more items than `FetchLimits.maximumItems`: the fetch stopped there.
        case itemLimit(Int)
        /// The whole thread did not arrive within `FetchLimits.deadline`: the fetch stopped there.
        case deadline(seconds: Double)
    }

    /// The address that failed, for the message.
    public var url: String
    public var kind: Kind
    /// Whether a saved copy of the thread opens with `--offline`, so a connection failure's line may say so.
    public var copySaved = true

    public init(url: String, kind: Kind) {
        self.url = url
        self.kind = kind
    }

    /// The sysexits status: 75 (EX_TEMPFAIL) when trying again later may work, 69 (EX_UNAVAILABLE) otherwise.
    public var exitStatus: Int32 {
        switch kind {
        case .unreachable, .timedOut, .tooSlow, .busy, .truncated, .deadline: return 75
        default: return 69
        }
    }

    /// Whether the fetch stopped at a limit with part of the thread in (handed on as a part).
    public var isCut: Bool {
        switch kind {
        case .itemLimit, .deadline: return true
        default: return false
        }
    }

    /// Whether the failure says nothing about the thread itself, so a cached copy is worth showing.
    public var isTemporary: Bool { exitStatus == 75 }

    /// The advice ending a connection failure's line; left out where the saved copy is open already.
    public static let offlineAdvice = ", or add --offline to open the saved copy"

    /// The failure's line without the advice to add --offline: for when the saved copy is shown anyway.
    public var descriptionWithTheCopyOpen: String {
        description.replacingOccurrences(of: Self.offlineAdvice, with: "")
    }

    public var description: String {
        let shown = FetchError.shown(url)
        switch kind {
        case .unreachable(let reason):
            return "\(shown): cannot connect (\(reason)); check the network" + (copySaved ? Self.offlineAdvice : "")
        case .timedOut(let seconds):
            return "\(shown): no answer within \(formatted(seconds)) s; try again later"
        case .tooSlow(let seconds):
            return "\(shown): the answer was still arriving after \(formatted(seconds)) s; try again later"
        case .busy(let status, let retryAfter):
            let wait = retryAfter.map { ", asks to wait \($0) s" } ?? ""
            return "\(shown): the site is busy (HTTP \(status)\(wait)); try again later"
        case .notFound:
            return "\(shown): not found (HTTP 404); check the address"
        case .gone:
            return "\(shown): gone (HTTP 410); check the address"
        case .noSuchItem:
            return "\(shown): no such item (the site answered null); check the address"
        case .forbidden(let status):
            return "\(shown): refused (HTTP \(status)); the thread may be private, quarantined or removed"
        case .status(let status):
            return "\(shown): unexpected HTTP \(status); check the address"
        case .notJSON(let contentType):
            return "\(shown): got a web page (\(FetchError.shown(contentType))), not the thread's JSON; "
                + "the site may want a login or be blocking tread"
        case .truncated:
            return "\(shown): the response was cut short; try again"
        case .tooLarge(let limit):
            let size =
                limit >= 1 << 20 ? "\(CountText.grouped(limit / (1 << 20))) MiB" : CountText.counted(limit, "byte")
            return "\(shown): the response is larger than \(size) (after decompression); tread does not read it"
        case .redirectElsewhere(let target):
            return "\(shown): redirects to another site (\(FetchError.shown(target))); open that address instead"
        case .redirectNotWeb(let target):
            return "\(shown): redirects to \(FetchError.shown(target)), not an http or https address; "
                + "tread does not follow it"
        case .redirectNowhere(let status):
            return "\(shown): redirects (HTTP \(status)) without saying where (no Location); check the address"
        case .tooManyRedirects:
            return "\(shown): too many redirects; check the address"
        case .unreadable(let message):
            return "\(shown): \(message)"
        case .notCached:
            return "\(shown): no saved copy; run without --offline to fetch it"
        case .stopped:
            return "\(shown): stopped before the whole thread arrived"
        case .itemLimit(let limit):
            return
                "\(shown): the thread has more than \(CountText.grouped(limit)) items; tread stopped there and saved nothing "
                + "(TREAD_FETCH_MAX_ITEMS raises the limit)"
        case .deadline(let seconds):
            return "\(shown): the whole thread did not arrive within \(formatted(seconds)) s; tread stopped there "
                + "and saved nothing (TREAD_FETCH_DEADLINE gives it longer)"
        }
    }

    private func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// Cuts text from a server or the command line short and makes control characters visible.
    public static func shown(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(200) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
            {
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 200 ? shown + "…" : shown
    }
}
