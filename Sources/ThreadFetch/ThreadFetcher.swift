import SiteFormats
import ThreadModel

/// Fetches a whole thread from its site and reads it with ThreadModel's importers.
///
/// Sites that send a thread in one response (Hacker News through Algolia, Reddit, Lobsters)
/// are read as they come; the others are assembled into one document their importer reads: the
/// official Hacker News API's items into an array, a Discourse topic's later posts spliced into
/// its first page's `post_stream.posts`.
public struct ThreadFetcher: Sendable {
    /// Told how far the fetch has come: comments arrived of those announced, or requests answered.
    public typealias Progress = @Sendable (FetchProgress) -> Void
    /// Given the part of a thread that has arrived, while the rest is fetched.
    public typealias Parts = @Sendable (Discussion) -> Void

    public let api: SiteAPI
    let client: PoliteClient

    /// Discourse post ids asked for in one request (the size of Discourse's own pages).
    static let discourseBatch = 20

    public init(api: SiteAPI, client: PoliteClient) {
        self.api = api
        self.client = client
    }

    /// The thread at `address`, fetched whole.
    ///
    /// Where the site sends a thread in many answers (the official Hacker News API, a Discourse
    /// topic), `parts` is given the thread as it stands now and then, each a superset of the last:
    /// first the story and its first threads, then more (see `PartSchedule`). The whole thread is
    /// still what this returns; a fetch that fails or is cancelled throws, whatever parts went.
    public func fetch(
        _ address: ThreadAddress, progress: Progress? = nil, parts: Parts? = nil
    ) async throws(FetchError) -> Discussion {
        switch address.site {
        case .hackerNews:
            return try await fetchHackerNews(address.id, progress: progress, parts: parts, followingComment: true)
        case .reddit:
            let url = api.redditThread(address.id)
            return try read(try await client.json(url), .reddit, url: url)
        case .lobsters:
            let url = api.lobstersStory(address.id)
            return try read(try await client.json(url), .lobsters, url: url)
        case .discourse:
            guard let forum = address.forum else {
                throw FetchError(url: address.displayAddress, kind: .notFound)
            }
            return try await fetchDiscourse(forum, address.id, progress: progress, parts: parts)
        case .mastodon, .lemmy, .bluesky:
            return try await fetchFediverse(address, progress: progress, parts: parts)
        }
    }

    /// A Hacker News thread through Algolia, or the official API when that fails. `followingComment`:
    /// an item that is a comment brings its story's whole thread (once: the story's answer is not
    /// followed again, whatever it says).
    func fetchHackerNews(
        _ id: String, progress: Progress?, parts: Parts?, followingComment: Bool
    ) async throws(FetchError) -> Discussion {
        let url = api.algoliaItem(id)
        do {
            // No retries: when Algolia is busy the official API is the quicker way.
            let body = try await client.withoutRetries().json(url)
            // A comment's permalink: the whole story, when it can be had; else the comment's subtree.
            if followingComment, let story = Self.algoliaStory(ofComment: body), story != id,
                let whole = try? await fetchHackerNews(story, progress: progress, parts: parts, followingComment: false)
            {
                return whole
            }
            if let parts, let first = Self.firstThreads(ofAlgolia: body),
                let part = try? read(first, .hackerNewsAlgolia, url: url)
            {
                // Reading 2,000 comments takes longer than reading a screenful: the first threads go first.
                parts(part)
            }
            return try read(body, .hackerNewsAlgolia, url: url)
        } catch let algolia {
            // Algolia is down or does not have the item yet: the official API has every item.
            do throws(FetchError) {
                return try await fetchHackerNewsItems(id, progress: progress, parts: parts)
            } catch {
                // Where the official API has no such item, Algolia's refusal (too large, say) is the news.
                let missing = error.kind == .notFound || error.kind == .noSuchItem
                throw missing && algolia.kind != .notFound ? algolia : error
            }
        }
    }

    /// As `fetch`, with the failure as a value (for closures, which lose the error's type).
    public func result(
        _ address: ThreadAddress, progress: Progress? = nil, parts: Parts? = nil
    ) async -> Result<Discussion, FetchError> {
        do {
            return .success(try await fetch(address, progress: progress, parts: parts))
        } catch {
            return .failure(error)
        }
    }

    /// An Algolia item with only its first `firstThreads` top-level children (the first screen's
    /// worth, in the site's order); nil when it has no more than that.
    static func firstThreads(ofAlgolia body: [UInt8]) -> [UInt8]? {
        let peek = JSONPeek(body)
        guard let root = peek.root, body[root.lowerBound] == UInt8(ascii: "{"),
            let children = peek.member("children", of: root), let threads = peek.elements(of: children),
            threads.count > firstThreads
        else { return nil }
        var document = Array(body[..<children.lowerBound])
        document.append(UInt8(ascii: "["))
        for (index, thread) in threads.prefix(firstThreads).enumerated() {
            if index > 0 { document.append(UInt8(ascii: ",")) }
            document += body[thread]
        }
        document.append(UInt8(ascii: "]"))
        document += body[children.upperBound...]
        return document
    }

    /// Reads a response (or an assembled document) with the importer of `format`.
    func read(_ bytes: [UInt8], _ format: DocumentFormat, url: String) throws(FetchError) -> Discussion {
        do {
            return try Discussion.load(DocumentBytes(bytes), format: format)
        } catch {
            throw FetchError(url: url, kind: .unreadable("the response is not a thread tread can read: \(error)"))
        }
    }

    /// `https://forum/t/SLUG/ID`; the slug only when it is plain (a JSON string of letters, digits
    /// and `-`), else Discourse's own stand-in, `topic`, which the forum redirects from.
    static func discoursePage(_ forum: WebAddress, _ id: String, slug raw: String?) -> String {
        var slug = "topic"
        if let raw, raw.utf8.count >= 3, raw.utf8.count <= 202, raw.hasPrefix("\""), raw.hasSuffix("\"") {
            let inside = raw.utf8.dropFirst().dropLast()
            let plain = inside.allSatisfy {
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                    || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: "-")
            }
            if plain { slug = String(decoding: inside, as: UTF8.self) }
        }
        return "\(forum.origin)/t/\(slug)/\(id)"
    }
}

extension JSONPeek {
    /// The bytes of `span` as text (a number's digits, say).
    func text(_ span: Range<Int>) -> String {
        String(decoding: bytes[span], as: UTF8.self)
    }
}
