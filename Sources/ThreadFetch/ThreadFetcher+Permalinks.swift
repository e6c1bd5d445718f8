import Foundation

/// A Hacker News item that is a comment: its story is found, and the whole thread is fetched
/// (the reader then selects the comment, from the address).
extension ThreadFetcher {
    /// Parents followed up from a comment before giving up on finding its story.
    static let maximumParentSteps = 200

    /// The story id an Algolia item names when the item is a comment (`story_id`); nil for a story.
    static func algoliaStory(ofComment body: [UInt8]) -> String? {
        guard let value = commentMember("story_id", of: body), ThreadAddress.isHackerNewsID(value[...]) else {
            return nil
        }
        return value
    }

    /// The parent an official API item names when the item is a comment; nil for a story, poll or job.
    static func hackerNewsParent(ofComment body: [UInt8]) -> Int64? {
        commentMember("parent", of: body).flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The official API's item at `id`, or, when it is a comment, its story's: parents followed up
    /// one request at a time (never more than `maximumParentSteps`).
    func hackerNewsStoryItem(_ id: Int64) async throws(FetchError) -> (id: Int64, body: [UInt8]) {
        var current = id
        var body = try await client.json(api.hackerNewsItem(current))
        var steps = 0
        while steps < Self.maximumParentSteps, let parent = Self.hackerNewsParent(ofComment: body) {
            steps += 1
            current = parent
            body = try await client.json(api.hackerNewsItem(current))
        }
        return (current, body)
    }

    /// A member's plain text (a number, or a string without its quotes) of an object whose `type`
    /// is "comment".
    private static func commentMember(_ key: String, of body: [UInt8]) -> String? {
        let peek = JSONPeek(body)
        guard let root = peek.root, body[root.lowerBound] == UInt8(ascii: "{"),
            let type = peek.member("type", of: root), String(decoding: body[type], as: UTF8.self) == "\"comment\"",
            let value = peek.member(key, of: root)
        else { return nil }
        let text = String(decoding: body[value], as: UTF8.self)
        return text.count <= 20 && text.allSatisfy(\.isASCIIDigit) ? text : nil
    }
}

/// A Lobsters comment's own link, `https://lobste.rs/c/SHORT`, names no story: the site's
/// `/c/SHORT.json` does (its `url`).
extension ThreadFetcher {
    /// The story's address with the comment's fragment (`https://lobste.rs/s/ID#c_SHORT`), built
    /// from validated parts of the comment's `url`.
    public func lobstersStory(ofComment short: String) async throws(FetchError) -> String {
        let url = SiteAPI.join(api.lobsters, ["c", "\(short).json"])
        let body = try await client.json(url)
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        guard let link = object?["url"] as? String, let story = ThreadAddress(link), story.site == .lobsters else {
            throw FetchError(url: url, kind: .unreadable("the answer names no Lobsters story (url)"))
        }
        return "https://lobste.rs/s/\(story.id)#c_\(short)"
    }

    /// As `lobstersStory(ofComment:)`, with the failure as a value.
    public func lobstersStoryResult(ofComment short: String) async -> Result<String, FetchError> {
        do {
            return .success(try await lobstersStory(ofComment: short))
        } catch {
            return .failure(error)
        }
    }
}

extension ThreadAddress {
    /// The comment's short id of a Lobsters comment link (`https://lobste.rs/c/SHORT`); nil otherwise.
    public static func lobstersCommentLink(_ text: String) -> String? {
        guard let address = WebAddress(text), address.host == "lobste.rs", address.segments.count == 2,
            address.segments[0] == "c"
        else { return nil }
        return lobstersID(address.segments[1])
    }
}
