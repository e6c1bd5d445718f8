import Foundation
import ThreadFetch

extension Reading {
    /// This reading with a Lobsters comment link (`https://lobste.rs/c/SHORT`, which names no story)
    /// replaced by its story's address and the comment; nil for anything else. The story is asked of
    /// the site; a failure is one line and 69 or 75, as a thread's fetch.
    func resolvingCommentLink() -> Reading? {
        guard let file = document.file, let short = ThreadAddress.lobstersCommentLink(file) else { return nil }
        // Offline, the story cannot be known, so neither can its saved copy.
        if document.fetch.offline { fail(FetchError(url: file, kind: .notCached)) }
        let fetcher = configuredFetcher(ProcessInfo.processInfo.environment)
        switch runBlocking({ await fetcher.lobstersStoryResult(ofComment: short) }) {
        case .success(let story):
            var resolved = self
            resolved.document.file = story
            return resolved
        case .failure(let error): fail(error)
        }
    }
}
