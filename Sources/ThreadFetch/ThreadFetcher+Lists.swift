import Foundation
import ThreadModel

/// Fetches front pages: one page of stories at a time, through the same polite client as threads.
extension ThreadFetcher {
    /// The first page of `address`'s list, or the page after `list` (`list.next`).
    ///
    /// Hacker News sends a list as ids: the ids first (once, kept in the list), then the page's
    /// items, fetched concurrently a bounded number at a time; an item that fails or is not a
    /// story counts as missing, and the page still arrives unless every item failed.
    public func fetchPage(
        of address: StoryListAddress, after list: StoryList? = nil, progress: Progress? = nil
    ) async throws(FetchError) -> StoryList {
        var page = try await fetchedPage(of: address, after: list, progress: progress)
        // A page fetched by its number (Lobsters, Discourse) repeats a story that moved down since the
        // page before: it is shown once, where it was first.
        if let list {
            let shown = Set(list.stories.map(\.discussion))
            page.stories.removeAll { shown.contains($0.discussion) }
        }
        return page
    }

    private func fetchedPage(
        of address: StoryListAddress, after list: StoryList?, progress: Progress?
    ) async throws(FetchError) -> StoryList {
        let next = list?.next
        if list != nil && next == nil { return StoryList(name: address.name) }
        switch address.kind {
        case .hackerNews(let feed):
            var ids = list?.ids ?? []
            if ids.isEmpty {
                let url = api.hackerNewsList(feed)
                ids = try StoryListReader.hackerNewsIDs(try await client.json(url), url: url)
            }
            let start = next.flatMap { Int($0) } ?? 0
            return try await hackerNewsPage(ids: ids, from: start, name: address.name, progress: progress)
        case .reddit(let subreddit, let sort, let period):
            let url = api.redditList(subreddit: subreddit, sort: sort, period: period, after: next)
            return try StoryListReader.reddit(try await client.json(url), name: address.name, url: url)
        case .lobsters(let feed, let tag):
            let page = next.flatMap { Int($0) } ?? 1
            let url = api.lobstersList(feed: feed, tag: tag, page: page)
            return try StoryListReader.lobsters(
                try await client.json(url), name: address.name, page: page, url: url, site: api.lobsters)
        case .discourse(let forum, let path):
            let page = next.flatMap { Int($0) } ?? 0
            let url = SiteAPI.discourseList(forum, path: path, page: page)
            return try StoryListReader.discourse(
                try await client.json(url), name: address.name, forum: forum, page: page, url: url)
        }
    }

    /// As `fetchPage`, with the failure as a value.
    public func pageResult(
        of address: StoryListAddress, after list: StoryList? = nil, progress: Progress? = nil
    ) async -> Result<StoryList, FetchError> {
        do {
            return .success(try await fetchPage(of: address, after: list, progress: progress))
        } catch {
            return .failure(error)
        }
    }

    /// The stories of `ids[start..<start + page]`, in the list's order.
    private func hackerNewsPage(
        ids: [Int64], from start: Int, name: String, progress: Progress?
    ) async throws(FetchError) -> StoryList {
        let end = min(ids.count, max(0, start) + SiteAPI.storiesPerPage)
        let wanted = start < end ? Array(ids[max(0, start)..<end]) : []
        let client = self.client.withConnections(limitsForItems)
        let api = self.api
        var found: [Int: Result<[UInt8], FetchError>] = [:]
        await withTaskGroup(of: (Int, Result<[UInt8], FetchError>).self) { group in
            for (index, id) in wanted.enumerated() {
                group.addTask { (index, await client.result(api.hackerNewsItem(id))) }
            }
            for await (index, result) in group {
                found[index] = result
                progress?(FetchProgress(found.count, of: wanted.count, .stories))
            }
        }
        var stories: [Story] = []
        var firstError: FetchError?
        for index in wanted.indices {
            switch found[index] {
            case .success(let body)?:
                if let story = StoryListReader.hackerNewsStory(body, rank: start + stories.count + 1) {
                    stories.append(story)
                }
            case .failure(let error)?:
                if error.kind == .stopped || Task.isCancelled { throw FetchError(url: name, kind: .stopped) }
                firstError = firstError ?? error
            case nil:
                break
            }
        }
        if stories.isEmpty, let firstError { throw firstError }
        return StoryList(
            name: name, stories: stories, next: end < ids.count ? String(end) : nil, ids: ids,
            missing: wanted.count - stories.count)
    }

    /// Items fetched at once for a Hacker News page: a page's worth, within the limit for items.
    private var limitsForItems: Int {
        min(SiteAPI.storiesPerPage, client.limits.hackerNewsItemConnections)
    }
}
