import Foundation
import ThreadFetch
import ThreadModel

/// The most stub requests `convert --expand-more` makes, so a thread of endless stubs still ends.
let expandMoreLimit = 1000

/// `discussion` with every fetchable stub fetched and put in place, stubs the answers bring
/// included, up to `expandMoreLimit` stubs; a failure prints one line and exits 69 or 75 (78 for a bad
/// `TREAD_*_API`, as every fetch).
func expandingStubs(_ discussion: Discussion, address: ThreadAddress) -> Discussion {
    let fetcher = configuredFetcher()
    var current = discussion
    var fetched = 0
    // Every expansion removes its stub, so each round makes progress.
    while fetched < expandMoreLimit, let stub = current.fetchableStubs.first {
        let now = current
        let result = runBlocking { () async -> Result<DiscussionMerge, FetchError> in
            do throws(FetchError) {
                return .success(try await fetcher.expand(stub: stub, of: now))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let merge): current = merge.discussion
        case .failure(let error): fail(error)
        }
        fetched += 1
    }
    if fetched > 0 {
        writeError("tread: fetched \(fetched) stub\(fetched == 1 ? "" : "s") of \(address.displayAddress)")
    }
    return current
}
