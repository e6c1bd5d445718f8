import ArgumentParser
import Foundation
import Reader
import ReadingState
import ThreadFetch
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

extension DocumentOptions {
    /// The front page the user named instead of a file or a thread (`hn`, `r/swift`, a forum's
    /// `/latest`); a file of that name wins, so `tread hn` still opens a file called hn.
    var list: StoryListAddress? {
        guard let file, file != "-", ThreadAddress(file) == nil, !FileManager.default.fileExists(atPath: file) else {
            return nil
        }
        return StoryListAddress(file)
    }

    /// With nothing named to read, the list the config's `start` names (nil: the bundled sample);
    /// a `start` that names no list is an error naming the setting, exit 78.
    func startList(_ preferences: ReaderPreferences) throws -> StoryListAddress? {
        guard file == nil, let start = preferences.preferences.start else { return nil }
        guard let list = StoryListAddress(start) else {
            writeError(
                "tread: config: start = \"\(start)\" names no list; use hn, r/SUB, lobsters or a forum's /latest")
            throw ExitCode(78)
        }
        return list
    }
}

/// Fetches a front page's pages and keeps the list fetched so far in the cache, as threads are.
struct StoryListSource: Sendable {
    let address: StoryListAddress
    let fetcher: ThreadFetcher?
    let cache: ThreadCache?

    /// The fetcher for the sites (with the environment's `TREAD_*_API` overrides), or exit 78 naming the variable.
    static func make(_ address: StoryListAddress, options: FetchOptions) -> StoryListSource {
        let environment = ProcessInfo.processInfo.environment
        let cache = ThreadCache(environment: environment)
        if options.offline { return StoryListSource(address: address, fetcher: nil, cache: cache) }
        return StoryListSource(address: address, fetcher: configuredFetcher(environment), cache: cache)
    }

    /// The list's saved copy and its age, when there is one that reads.
    func copy() -> (list: StoryList, age: Double)? {
        guard let saved = cache?.read(named: address.cacheName),
            let list = try? JSONDecoder().decode(StoryList.self, from: Data(saved.bytes.buffer))
        else { return nil }
        return (list, saved.age)
    }

    /// Keeps `list` as the saved copy; a failure is one line on standard error.
    func save(_ list: StoryList) {
        guard let cache, let bytes = try? JSONEncoder().encode(list) else { return }
        do {
            try cache.write(Array(bytes), named: address.cacheName)
        } catch {
            writeError("tread: \(error)")
        }
    }

    /// The first page: fetched and saved; or the saved copy with `--offline` or when the network
    /// fails for a while (`note` then says how old); or one line and exit 69 or 75.
    func first(refresh: Bool) -> (list: StoryList, note: String?) {
        let copy = refresh ? nil : copy()
        guard let fetcher else {
            guard let copy else { fail(FetchError(url: address.name, kind: .notCached)) }
            return (copy.list, "the copy saved \(ThreadCache.ageText(copy.age)) ago")
        }
        let address = address
        switch runBlocking({ await fetcher.pageResult(of: address) }) {
        case .success(let list):
            save(list)
            if list.missing > 0, list.stories.isEmpty == false {
                writeError("tread: \(address.name): \(StoryListScreen.missing(list.missing)) of the first page")
            }
            return (list, nil)
        case .failure(var error):
            guard error.isTemporary, let copy else {
                // `--offline` opens only a copy that reads: without one it would only say there is none.
                error.copySaved = (copy ?? self.copy()) != nil
                fail(error)
            }
            // The copy opens: no advice to add --offline to open it.
            writeError("tread: \(error.descriptionWithTheCopyOpen)")
            return (copy.list, "the copy saved \(ThreadCache.ageText(copy.age)) ago (the network failed)")
        }
    }
}

/// `tread --print LIST`: one story a line (rank, score, comments, title, domain, discussion's address).
func printStoryList(_ list: StoryList) {
    var output = OutputBuffer()
    output.write(StoryListText.lines(list))
    output.flush()
}

/// How `--print` writes a list; a pure function, for tests.
enum StoryListText {
    static func lines(_ list: StoryList) -> String {
        var text = ""
        for story in list.stories {
            var parts = ["\(story.rank).", story.score.map { CountText.counted($0, "point") } ?? "- points"]
            parts.append(story.comments.map { CountText.counted($0, "comment") } ?? "- comments")
            var title = Blocks.oneLine(story.title)
            if let domain = story.domain { title += " (\(Blocks.oneLine(domain)))" }
            parts.append(title)
            parts.append(Blocks.oneLine(story.discussion))
            text += parts.joined(separator: "\t") + "\n"
        }
        if list.missing > 0 { text += "# \(StoryListScreen.missing(list.missing))\n" }
        return text
    }
}

extension Reading {
    /// `tread LIST`: the list screen; `tread --print LIST` (or output that is not a terminal): the
    /// list as text, never the reader.
    func runList(_ address: StoryListAddress, printing: Bool) throws {
        let source = StoryListSource.make(address, options: document.fetch)
        let (list, note) = source.first(refresh: document.fetch.refresh)
        if let note { writeError("tread: \(address.name): showing \(note)") }
        if printing {
            printStoryList(list)
            return
        }
        try browseStoryList(source, first: list, note: note, read: self)
    }
}
