import Foundation
import ThreadModel

/// Reads each site's answer for a list into stories. Every field is optional: a story without a
/// title or id is left out (and counted missing); a field of the wrong type is as if absent.
enum StoryListReader {
    static func object(_ bytes: [UInt8], url: String) throws(FetchError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw FetchError(url: url, kind: .unreadable("the response is not JSON tread can read"))
        }
    }

    static func hackerNewsIDs(_ bytes: [UInt8], url: String) throws(FetchError) -> [Int64] {
        guard let ids = try object(bytes, url: url) as? [Any] else {
            throw FetchError(url: url, kind: .unreadable("the response is not a list of story ids"))
        }
        return ids.compactMap { ($0 as? NSNumber)?.int64Value }.filter { $0 > 0 }
    }

    /// One item of the official API as a story; nil for null, a comment, or an item without a title.
    static func hackerNewsStory(_ bytes: [UInt8], rank: Int) -> Story? {
        guard
            let item = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
                as? [String: Any],
            let id = int(item["id"]), let title = item["title"] as? String,
            ["story", "job", "poll"].contains(item["type"] as? String ?? "story")
        else { return nil }
        var marks: [String] = []
        if item["type"] as? String == "job" { marks.append("job") }
        if item["dead"] as? Bool == true { marks.append("dead") }
        if item["deleted"] as? Bool == true { marks.append("deleted") }
        let link = item["url"] as? String
        return Story(
            rank: rank, id: String(id), source: "Hacker News", title: title, domain: link.flatMap(host),
            score: int(item["score"]), comments: int(item["descendants"]), author: item["by"] as? String,
            created: double(item["time"]), marks: marks, discussion: "https://news.ycombinator.com/item?id=\(id)",
            link: link)
    }

    static func reddit(_ bytes: [UInt8], name: String, url: String) throws(FetchError) -> StoryList {
        guard let root = try object(bytes, url: url) as? [String: Any], let data = root["data"] as? [String: Any],
            let children = data["children"] as? [Any]
        else { throw FetchError(url: url, kind: .unreadable("the response is not a Reddit listing (data.children)")) }
        var stories: [Story] = []
        var missing = 0
        for child in children {
            guard let post = (child as? [String: Any])?["data"] as? [String: Any], let id = post["id"] as? String,
                ThreadAddress.redditID(id) != nil, let title = post["title"] as? String
            else {
                missing += 1
                continue
            }
            var marks: [String] = []
            if post["stickied"] as? Bool == true { marks.append("stickied") }
            if post["over_18"] as? Bool == true { marks.append("NSFW") }
            if post["spoiler"] as? Bool == true { marks.append("spoiler") }
            if post["locked"] as? Bool == true { marks.append("locked") }
            if post["removed_by_category"] is String { marks.append("removed") }
            if let flair = post["link_flair_text"] as? String, !flair.isEmpty { marks.append(flair) }
            if let from = (post["crosspost_parent_list"] as? [Any])?.first as? [String: Any],
                let sub = from["subreddit_name_prefixed"] as? String
            {
                marks.append("from \(sub)")
            }
            let subreddit = post["subreddit"] as? String
            let isSelf = post["is_self"] as? Bool == true
            let link = post["url"] as? String
            stories.append(
                Story(
                    rank: stories.count + 1, id: id, source: subreddit.map { "Reddit r/\($0)" } ?? "Reddit",
                    title: title,
                    domain: isSelf ? nil : (post["domain"] as? String).flatMap { $0.isEmpty ? nil : $0 },
                    score: int(post["score"]), comments: int(post["num_comments"]), author: post["author"] as? String,
                    created: double(post["created_utc"]), marks: marks,
                    discussion: "https://www.reddit.com/comments/\(id)", link: isSelf ? nil : link))
        }
        let after = (data["after"] as? String).flatMap { SiteAPI.isRedditName($0) ? $0 : nil }
        return StoryList(name: name, stories: stories, next: stories.isEmpty ? nil : after, missing: missing)
    }

    static func lobsters(
        _ bytes: [UInt8], name: String, page: Int, url: String, site: WebAddress
    ) throws(FetchError) -> StoryList {
        guard let items = try object(bytes, url: url) as? [Any] else {
            throw FetchError(url: url, kind: .unreadable("the response is not a list of Lobsters stories"))
        }
        var stories: [Story] = []
        var missing = 0
        for item in items {
            guard let story = item as? [String: Any], let short = story["short_id"] as? String,
                let id = ThreadAddress.lobstersID(short), let title = story["title"] as? String
            else {
                missing += 1
                continue
            }
            let submitter = story["submitter_user"]
            let author = submitter as? String ?? (submitter as? [String: Any])?["username"] as? String
            let link = (story["url"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            stories.append(
                Story(
                    rank: stories.count + 1, id: id, source: "Lobsters", title: title, domain: link.flatMap(host),
                    score: int(story["score"]), comments: int(story["comment_count"]), author: author,
                    created: (story["created_at"] as? String).flatMap(ISOTime.epoch).map(Double.init),
                    marks: (story["tags"] as? [Any])?.compactMap { $0 as? String } ?? [],
                    discussion: "https://lobste.rs/s/\(id)", link: link))
        }
        // Lobsters pages hold 25 stories; a short page is the last.
        return StoryList(
            name: name, stories: stories, next: items.count >= 25 ? String(page + 1) : nil, missing: missing)
    }

    static func discourse(
        _ bytes: [UInt8], name: String, forum: WebAddress, page: Int, url: String
    ) throws(FetchError) -> StoryList {
        guard let root = try object(bytes, url: url) as? [String: Any], let list = root["topic_list"] as? [String: Any],
            let topics = list["topics"] as? [Any]
        else {
            throw FetchError(url: url, kind: .unreadable("the response is not a Discourse topic list (topic_list)"))
        }
        var users: [Int: String] = [:]
        for user in root["users"] as? [Any] ?? [] {
            if let user = user as? [String: Any], let id = int(user["id"]), let name = user["username"] as? String {
                users[id] = name
            }
        }
        var categories: [Int: String] = [:]
        for category in (root["categories"] as? [Any] ?? []) + (list["categories"] as? [Any] ?? []) {
            if let category = category as? [String: Any], let id = int(category["id"]),
                let name = category["name"] as? String
            {
                categories[id] = name
            }
        }
        var stories: [Story] = []
        var missing = 0
        for topic in topics {
            guard let topic = topic as? [String: Any], let id = int(topic["id"]), id > 0,
                let title = topic["title"] as? String
            else {
                missing += 1
                continue
            }
            var marks: [String] = []
            if topic["pinned"] as? Bool == true { marks.append("pinned") }
            if topic["closed"] as? Bool == true { marks.append("closed") }
            if topic["archived"] as? Bool == true { marks.append("archived") }
            if let category = int(topic["category_id"]).flatMap({ categories[$0] }) { marks.append(category) }
            let poster = (topic["posters"] as? [Any])?.first as? [String: Any]
            let slug = (topic["slug"] as? String).flatMap { StoryListAddress.isSlug($0) ? $0 : nil } ?? "topic"
            stories.append(
                Story(
                    rank: stories.count + 1, id: String(id), source: "Discourse", title: title, domain: nil,
                    score: int(topic["like_count"]), comments: int(topic["posts_count"]).map { max(0, $0 - 1) },
                    author: int(poster?["user_id"]).flatMap { users[$0] } ?? topic["last_poster_username"] as? String,
                    created: (topic["created_at"] as? String).flatMap(ISOTime.epoch).map(Double.init), marks: marks,
                    discussion: "\(forum.origin)/t/\(slug)/\(id)", link: nil))
        }
        let more = list["more_topics_url"] is String && !topics.isEmpty
        return StoryList(name: name, stories: stories, next: more ? String(page + 1) : nil, missing: missing)
    }

    static func int(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, !isBool(number) else { return nil }
        let double = number.doubleValue
        guard double.isFinite, abs(double) < 1e15 else { return nil }
        return Int(double)
    }

    static func double(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber, !isBool(number), number.doubleValue.isFinite else { return nil }
        return number.doubleValue
    }

    /// Whether JSON said `true` or `false` here (`is Bool` holds for every 0 and 1 on Linux).
    static func isBool(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// The host of an http(s) link, without "www.".
    static func host(_ link: String) -> String? {
        guard let address = WebAddress(link) else { return nil }
        return address.host.hasPrefix("www.") ? String(address.host.dropFirst(4)) : address.host
    }
}
