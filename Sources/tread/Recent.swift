import ArgumentParser
import Foundation
import Reader
import ReadingState
import ThreadFetch
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// `tread recent`: the threads read lately, newest first; on a terminal a list to pick one from and read it.
struct Recent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recent",
        abstract:
            "Pick a thread read lately and open it again, or list them: title, site, when, comments, added, unread.",
        discussion: """
            On a terminal, shows the list to pick from: j/k or the arrows move, Enter (or a number and \
            Enter) opens the thread in the reader, x forgets it after a y, q or Esc quits. With N, opens \
            the Nth thread at once. With --list, or when standard output is not a terminal, prints the list. \
            A fetched thread is fetched again by its address (the saved copy when the network fails or with \
            --offline); a file is read again from its path. `tread forget URL|FILE` removes one from the list.
            """)

    @Argument(help: "Open the Nth thread of the list at once (1 is the latest).")
    var number: Int?

    @Flag(name: .long, help: "Print the list instead of showing it to pick from.")
    var list = false

    @Option(name: .long, help: "How many threads to list (default 20).")
    var limit = 20

    @OptionGroup var fetchArguments: FetchArguments
    var fetch: FetchOptions { fetchArguments.options }

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let number, number < 1 { throw ValidationError("the thread's number must be at least 1") }
        if number != nil && list { throw ValidationError("--list and a thread's number contradict each other") }
    }

    func run() throws {
        let store = try openStateStore()
        let threads: [RecentThread]
        do {
            threads = try store.recent(limit: max(limit, number ?? 0))
        } catch {
            throw stateExit(error)
        }
        if let number {
            guard number <= threads.count else {
                let has = threads.isEmpty ? "no threads were read yet" : "the list has \(threads.count)"
                writeError("tread: no thread \(number) to open: \(has) (tread recent --list shows them)")
                throw ExitCode(66)
            }
            try open(threads[number - 1])
            return
        }
        if list || threads.isEmpty || isatty(STDOUT_FILENO) == 0 {
            var output = OutputBuffer()
            output.write(RecentListing.text(threads, now: Date()))
            output.flush()
            return
        }
        let preferences = try ReaderPreferences.loadOrExit()
        if let picked = try pickRecent(threads, store: store, preferences: preferences) { try open(picked) }
    }

    /// Reads `thread` again as `tread FILE` or `tread URL` would, with this command's fetch options.
    func open(_ thread: RecentThread) throws {
        let target: String
        switch RecentListing.place(of: thread) {
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                writeError(
                    "tread: \(path): the file is gone or was moved; open it by its new path "
                        + "(tread forget \(path) drops it from the list)")
                throw ExitCode(66)
            }
            target = path
        case .address(let address):
            target = address
        case nil:
            writeError(
                "tread: \u{201C}\(thread.title)\u{201D} was read from standard input (or is the sample), "
                    + "not from a file or an address: tread cannot read it again")
            throw ExitCode(66)
        }
        var arguments: [String] = []
        if fetch.offline { arguments.append("--offline") }
        if fetch.refresh { arguments.append("--refresh") }
        // After "--" a file named like an option is still a file.
        let read = try Read.parse(arguments + ["--", target])
        try read.run()
    }
}

/// How `tread recent` lays out its list and where it reopens a thread; pure functions, for tests.
enum RecentListing {
    static func text(_ threads: [RecentThread], now: Date) -> String {
        if threads.isEmpty { return "No threads read yet.\n" }
        var text = ""
        for (number, thread) in threads.enumerated() {
            let site = thread.site.map { " · \(Blocks.oneLine($0))" } ?? ""
            let new = RecentPicker.visitCounts(of: thread).map { " · \($0.text)" }.joined()
            text += "\(number + 1). \(Blocks.oneLine(thread.title))\n"
            text +=
                "   \(RecentPicker.ago(thread.opened, now: now)) · \(CountText.counted(thread.commentCount, "comment"))\(new)\(site)\n"
            switch place(of: thread) {
            case .file(let path): text += "   \(Blocks.oneLine(path))\n"
            case .address(let address): text += "   \(Blocks.oneLine(address))\n"
            case nil: if let url = thread.url { text += "   \(Blocks.oneLine(url))\n" }
            }
        }
        return text
    }

    /// Where a thread is read again from.
    enum Place: Equatable {
        case file(String)
        case address(String)
    }

    /// The file it was last read from; else the address it was fetched from; else, for threads saved before
    /// tread kept addresses, its article URL or its site and id when they are a thread's address; else nil.
    static func place(of thread: RecentThread) -> Place? {
        if let path = thread.path { return .file(path) }
        if let address = thread.address, let parsed = ThreadAddress(address) {
            return .address(parsed.displayAddress)
        }
        if let url = thread.url, let parsed = ThreadAddress(url) { return .address(parsed.displayAddress) }
        return siteAddress(key: thread.key).map { .address($0.displayAddress) }
    }

    /// The address a `site:NAME␟ID` key names, for the sites whose addresses need only the id.
    static func siteAddress(key: String) -> ThreadAddress? {
        guard key.hasPrefix("site:") else { return nil }
        let parts = key.dropFirst(5).split(separator: "\u{1F}", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let (site, id) = (parts[0], parts[1])
        if site == "Hacker News" { return ThreadAddress("hn:\(id)") }
        if site == "Lobsters" { return ThreadAddress("https://lobste.rs/s/\(id)") }
        if site == "Reddit" || site.hasPrefix("Reddit r/") {
            return ThreadAddress("https://www.reddit.com/comments/\(id)")
        }
        return nil
    }
}
