import ArgumentParser
import Foundation
import ReadingState

/// `tread recent`: the threads read lately, newest first, with where to open each again.
struct Recent: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the threads read lately: title, site, when, comments and how many were new.",
        discussion: "Open one again with `tread FILE`. `tread forget URL|FILE` removes one from the list.")

    @Option(name: .long, help: "How many threads to list (default 20).")
    var limit = 20

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try openStateStore()
        let threads: [RecentThread]
        do {
            threads = try store.recent(limit: limit)
        } catch {
            throw stateExit(error)
        }
        var output = OutputBuffer()
        output.write(RecentListing.text(threads, now: Date()))
        output.flush()
    }
}

/// How `tread recent` lays out its list; a pure function of the threads and the time, for tests.
enum RecentListing {
    static func text(_ threads: [RecentThread], now: Date) -> String {
        if threads.isEmpty { return "No threads read yet.\n" }
        var text = ""
        for (number, thread) in threads.enumerated() {
            let site = thread.site.map { " · \(oneLine($0))" } ?? ""
            let new = thread.newCount > 0 ? " · \(thread.newCount) new" : ""
            text += "\(number + 1). \(oneLine(thread.title))\n"
            text += "   \(ago(thread.opened, now: now)) · \(thread.commentCount) comments\(new)\(site)\n"
            if let place = thread.path ?? thread.url { text += "   \(oneLine(place))\n" }
        }
        return text
    }

    /// "just now", "12 min ago", "3 h ago", "5 days ago".
    static func ago(_ date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        case ..<172_800: return "yesterday"
        default: return "\(seconds / 86_400) days ago"
        }
    }
}
