import ArgumentParser
import Foundation
import Reader
import Samples
import SiteFormats
import ThreadModel
import ThreadQuery
import ThreadTree

#if canImport(Glibc)
    import Glibc
#endif

/// `tread-bench FILE`: times loading a document and the reader's keys on it, without a terminal.
///
/// Each key is timed as `update` + `render` (what the reader does between a key and drawing), on a
/// state and a layout cache made afresh for every run, so no run is timed against lines an earlier
/// run laid out. Before the timed action, the state is brought to the starting point the
/// row names and rendered once, untimed, as the screen a user would be looking at.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tread-bench",
        abstract: "Time loading a discussion and the reader's keys on it (for Benchmarks/benchmark.sh).",
        discussion: """
            Prints a Markdown table: for each key, the median and the maximum of --repeat runs of \
            update + render, in milliseconds; then the peak resident memory (getrusage ru_maxrss). \
            With no FILE, benchmarks the bundled sample.
            """,
    )

    @Argument(help: "The discussion to time: a tread document or a saved thread; the bundled sample when absent.")
    var file: String?

    @Option(name: .long, help: "Terminal rows.")
    var rows = 24

    @Option(name: .long, help: "Terminal columns.")
    var columns = 80

    @Option(name: .long, help: "Runs of each key.")
    var `repeat` = 7

    @Option(name: .long, help: "Runs of the load.")
    var loadRepeat = 3

    @Option(name: .long, help: "The word to search for (default: one picked from the document that occurs once).")
    var search: String?

    @Option(name: .long, help: "Time the front-page screen's keys on a list of this many stories instead.")
    var storyList: Int?

    @Flag(name: .long, help: "Time the load and sorting only (issue 23).")
    var sortOnly = false

    func validate() throws {
        if rows < ReaderState.minimumSize.rows || columns < ReaderState.minimumSize.columns {
            throw ValidationError(
                "--rows and --columns must be at least \(ReaderState.minimumSize.rows) and \(ReaderState.minimumSize.columns)"
            )
        }
        if `repeat` < 1 || loadRepeat < 1 { throw ValidationError("--repeat and --load-repeat must be at least 1") }
        if let search, search.isEmpty { throw ValidationError("--search must not be empty") }
    }

    func run() throws {
        if let storyList { return timeStoryList(storyList) }
        var report = BenchReport()
        let clock = ContinuousClock()

        // Each load is released before the next, so the peak stays that of one load.
        // The peak after the first load is that of one load: later ones can leave the heap larger.
        var loads: [Duration] = []
        var afterLoad = 0
        for _ in 1..<loadRepeat {
            let loadStart = clock.now
            let discussion = try loadOrExit(file)
            loads.append(clock.now - loadStart)
            if afterLoad == 0 { afterLoad = peakResidentKiB() }
            blackHole(discussion.count)
        }
        let loadStart = clock.now
        let discussion = try loadOrExit(file)
        loads.append(clock.now - loadStart)
        if afterLoad == 0 { afterLoad = peakResidentKiB() }
        report.add(
            "load (read + parse + thread arrays)", keys: "", from: "", samples: loads,
            note: loadRepeat > 1 ? "the first run may read the file from disk" : "")
        progress("loaded \(discussion.count) comments in \(milliseconds(loads.last!)) ms")

        let start = ReaderState(discussion: discussion, rows: rows, columns: columns)
        let bytes = discussion.bytes.count
        if sortOnly { return printSortReport(report, discussion: discussion) }

        // Starting points, found once on a throwaway state.
        // `j` until a reply is selected (the first presses scroll through the article).
        let fromReply = pressUntil(start, .nextComment) { state, selection in state.tree.depth(of: selection) > 0 }
        // That reply's next sibling: in a big thread its parent is far above.
        let fromSibling = fromReply + [.nextSibling]
        let resizeFrom: [Message] = [.action(.bottom)]

        report.add("reader state (comment tree)", keys: "", from: "", samples: timeInit(discussion))
        report.add("first frame", keys: "", from: "open", samples: time(setup: nil, [], start: start))
        report.add("fold all", keys: "z", from: "open", samples: time(setup: [], [.foldAll], start: start))
        report.add("unfold all", keys: "Z", from: "z", samples: time(setup: [.foldAll], [.unfoldAll], start: start))
        report.add("last comment", keys: "G", from: "open", samples: time(setup: [], [.bottom], start: start))
        report.add("next thread", keys: "]", from: "open", samples: time(setup: [], [.nextThread], start: start))
        report.add(
            "parent", keys: "u", from: keyNames(fromSibling),
            samples: time(setup: fromSibling, [.parent], start: start),
            note: parentNote(start, from: fromSibling))
        report.add(
            "next sibling", keys: "J", from: keyNames(fromReply),
            samples: time(setup: fromReply, [.nextSibling], start: start),
            note: siblingNote(start, from: fromReply))
        report.add("page down", keys: "PgDn", from: "open", samples: time(setup: [], [.pageDown], start: start))
        let wide = Message.resize(rows: rows + 6, columns: columns + 20)
        report.add(
            "resize \(columns)x\(rows)→\(columns + 20)x\(rows + 6)", keys: "", from: "G",
            samples: time(messages: resizeFrom, [wide], start: start))
        report.add(
            "resize back →\(columns)x\(rows)", keys: "", from: "G, resize",
            samples: time(messages: resizeFrom + [wide], [.resize(rows: rows, columns: columns)], start: start))
        let afterKeys = peakResidentKiB()

        let word = search ?? pickSearchWord(discussion)
        if let word {
            progress("searching for “\(word)”")
            var hits: [Int] = []
            let typing: [Message] = [.action(.startSearch)] + word.map { .key(.character($0)) }
            let samples = time(messages: typing, [.key(.enter)], start: start) {
                hits.append($0.search?.hits.count ?? 0)
            }
            let counts = Set(hits).sorted().map(String.init).joined(separator: "/")
            report.add(
                "search (whole document)", keys: "/\(word)⏎", from: "open", samples: samples,
                note:
                    "\(counts) hit\(hits.allSatisfy { $0 == 1 } ? "" : "s")\(hits.allSatisfy { $0 == 1 } ? "" : " (not 1)")"
            )
        } else {
            report.add(
                "search (whole document)", keys: "", from: "", samples: [],
                note: "no word occurring once found; pass --search")
        }
        addFilterRows(to: &report, start: start, word: word)
        addSortRows(to: &report, discussion: discussion)
        let afterSearch = peakResidentKiB()

        var output = ""
        output +=
            ("""
            file: \(file ?? "(bundled sample)")  \(bytes) bytes (\(mebibytes(bytes)) MiB)  \
            \(discussion.count) comments  terminal \(columns)x\(rows)  runs per key: \(`repeat`), of the load: \(loadRepeat)

            | what | keys | from | runs | median ms | max ms | note |
            |---|---|---|---:|---:|---:|---|

            """)
        for row in report.rows { output += row + "\n" }
        output +=
            ("""

            peak RSS after one load: \(afterLoad / 1024) MiB (\(ratio(afterLoad * 1024, bytes))× file)
            peak RSS after every load and the keys: \(afterKeys / 1024) MiB (\(ratio(afterKeys * 1024, bytes))× file)
            peak RSS at the end (search, word picking): \(afterSearch / 1024) MiB (\(ratio(afterSearch * 1024, bytes))× file)

            """)
        print(output, terminator: "")
    }

    // MARK: - Filter, overview, map (issue 14)

    /// Keys of the live filter, the overview and the map: each field-filter keystroke re-evaluates
    /// the whole thread, so the row to watch is "filter key" against the 50 ms goal. The author
    /// index is built by the setup's `author:a`, before the timed key.
    private func addFilterRows(to report: inout BenchReport, start: ReaderState, word: String?) {
        func typing(_ text: String) -> [Message] { [.action(.startFilter)] + text.map { .key(.character($0)) } }
        progress("timing the filter, the overview and the map")
        report.add(
            "first author filter (+ index)", keys: "--filter author:a", from: "open",
            samples: time(setup: [], [.applyFilter("author:a")], start: start),
            note: "the first author: query hashes every author once")
        report.add(
            "first author filter (index built after the load)", keys: "--filter author:a", from: "open, indexed",
            samples: time(
                setup: [], [.applyFilter("author:a")], start: start,
                prepared: [.authorsIndexed(AuthorIndex(start.discussion))]),
            note: "the reader hashes a big thread's authors beside its loop once the load is done")
        report.add(
            "filter key (field)", keys: "0", from: "&depth<2",
            samples: time(messages: typing("depth<2"), [.key(.character("0"))], start: start))
        report.add(
            "filter key (author)", keys: "x", from: "&author:a",
            samples: time(messages: typing("author:a"), [.key(.character("x"))], start: start))
        report.add(
            "filter key (score)", keys: "0", from: "&score>5",
            samples: time(messages: typing("score>5"), [.key(.character("0"))], start: start))
        if let word {
            report.add(
                "word filter (whole document)", keys: "--filter \(word)", from: "open",
                samples: time(setup: [], [.applyFilter(word)], start: start), note: "every filterStep until done")
        }
        let filtered = typing("depth<3") + [.key(.enter)]
        report.add(
            "next match under a filter", keys: "n", from: "&depth<3⏎",
            samples: time(messages: filtered, [.action(.nextMatch)], start: start))
        report.add(
            "clear the filter", keys: "Esc", from: "&depth<3⏎",
            samples: time(messages: filtered, [.action(.cancel)], start: start))
        report.add("j", keys: "j", from: "c", samples: time(setup: [.firstComment], [.nextComment], start: start))
        report.add(
            "overview on", keys: "v", from: "c", samples: time(setup: [.firstComment], [.toggleOverview], start: start))
        report.add(
            "j in the overview", keys: "j", from: "c, o",
            samples: time(setup: [.firstComment, .toggleOverview], [.nextComment], start: start))
        report.add(
            "map on", keys: "M", from: "c", samples: time(setup: [.firstComment], [.toggleMap], start: start),
            note: "finds the thread starts once")
        report.add(
            "j with the map", keys: "j", from: "c, M",
            samples: time(setup: [.firstComment, .toggleMap], [.nextComment], start: start))
        report.add(
            "j with map, overview, filter", keys: "j", from: "c, M, o, &depth<3⏎",
            samples: time(
                messages: [.action(.firstComment), .action(.toggleMap), .action(.toggleOverview)] + filtered,
                [.action(.nextComment)], start: start))
    }

    // MARK: - Timing

    /// Times `ReaderState.init` (which builds the comment tree) `repeat` times.
    private func timeInit(_ discussion: Discussion) -> [Duration] {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<`repeat` {
            let start = clock.now
            let state = ReaderState(discussion: discussion, rows: rows, columns: columns)
            samples.append(clock.now - start)
            blackHole(state.selection)
        }
        return samples
    }

    /// Times `actions` + `render()` `repeat` times, each on a fresh state brought to the starting
    /// point by `setup` and drawn once untimed. With `setup` nil the fresh state is not drawn first
    /// (the first frame).
    private func time(
        setup: [Action]?, _ actions: [Action], start: ReaderState, prepared: [Message] = [],
        check: (ReaderState) -> Void = { _ in }
    ) -> [Duration] {
        time(
            messages: setup.map { $0.map(Message.action) }, actions.map(Message.action), start: start,
            prepared: prepared, check: check)
    }

    /// `time` for messages that are not actions: keys typed at a prompt, a resize.
    private func time(
        messages setup: [Message]?, _ messages: [Message], start: ReaderState, prepared: [Message] = [],
        check: (ReaderState) -> Void = { _ in }
    ) -> [Duration] {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<`repeat` {
            // A fresh state and layout cache, like the reader's after those keys.
            var state = ReaderState(discussion: start.discussion, rows: rows, columns: columns)
            let layout = LayoutCache()
            for message in prepared { state.update(message, layout: layout) }
            if let setup {
                for message in setup { state.update(message, layout: layout) }
                blackHole(state.render(layout: layout))
            }
            let begin = clock.now
            for message in messages { state.update(message, layout: layout) }
            // A search reads the thread in steps, as the event loop drives it: time all of them.
            while state.isSearching { state.update(.searchStep, layout: layout) }
            while state.isFiltering { state.update(.filterStep, layout: layout) }
            let frame = state.render(layout: layout)
            samples.append(clock.now - begin)
            blackHole(frame)
            check(state)
        }
        return samples
    }

    /// `start` after `setup`.
    private func replay(_ setup: [Action], from start: ReaderState) -> ReaderState {
        var state = start
        let layout = LayoutCache()
        for action in setup { state.update(.action(action), layout: layout) }
        return state
    }

    /// Where `u` starts: the selection and its parent, how many comments apart.
    private func parentNote(_ start: ReaderState, from setup: [Action]) -> String {
        let state = replay(setup, from: start)
        guard let selection = state.selection else { return "no comments" }
        guard let parent = state.tree.parent(of: selection) else { return "top-level: measures the message" }
        return "depth \(state.tree.depth(of: selection)), parent \(selection - parent) comments above"
    }

    /// Presses `action` (up to 200 times) until `done` holds for the selection.
    private func pressUntil(
        _ start: ReaderState, _ action: Action, _ done: (ReaderState, Int) -> Bool
    ) -> [Action] {
        var state = start
        let layout = LayoutCache()
        var actions: [Action] = []
        while actions.count < 200, let selection = state.selection, !done(state, selection) {
            state.update(.action(action), layout: layout)
            actions.append(action)
        }
        return actions
    }

    /// "3×j, J" for a setup.
    private func keyNames(_ actions: [Action]) -> String {
        var parts: [(name: String, count: Int)] = []
        for action in actions {
            let name: String
            switch action {
            case .nextComment: name = "j"
            case .nextSibling: name = "J"
            default: name = "\(action)"
            }
            if let last = parts.last, last.name == name {
                parts[parts.count - 1].count += 1
            } else {
                parts.append((name, 1))
            }
        }
        return parts.map { $0.count == 1 ? $0.name : "\($0.count)×\($0.name)" }.joined(separator: ", ")
    }

    private func siblingNote(_ start: ReaderState, from setup: [Action]) -> String {
        let state = replay(setup, from: start)
        guard let selection = state.selection else { return "no comments" }
        guard let next = state.tree.nextSibling(of: selection) else { return "no next sibling: measures the message" }
        return "skips \(next - selection - 1) replies"
    }

    private func progress(_ line: String) { writeError("bench: \(line)") }
}

/// A word that occurs once: an author's name that appears on one comment and inside no other
/// name, the latest in thread order. The timed search reports how many hits it really got (the
/// bodies are not checked here).
func pickSearchWord(_ discussion: Discussion) -> String? {
    var counts: [String: Int] = [:]
    var latest: [String: Int] = [:]
    for index in 0..<discussion.count {
        guard let author = discussion.author(of: index)?.lowercased(), author.count >= 6,
            author.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { continue }
        counts[author, default: 0] += 1
        latest[author] = index
    }
    let names = Array(counts.keys)
    let article = ([discussion.article.title] + discussion.article.body).joined(separator: "\n").lowercased()
    let once = counts.filter { $0.value == 1 }.map(\.key).sorted { latest[$0, default: 0] > latest[$1, default: 0] }
    for candidate in once.prefix(20) {
        if article.contains(candidate) { continue }
        if names.contains(where: { $0 != candidate && $0.contains(candidate) }) { continue }
        return candidate
    }
    return pickBodyWord(discussion, article: article)
}

/// Without a usable author name: a word of six letters or more that occurs once in the bodies.
private func pickBodyWord(_ discussion: Discussion, article: String) -> String? {
    var counts: [String: Int] = [:]
    for index in 0..<discussion.count {
        for word in discussion.body(of: index).lowercased().split(whereSeparator: { !$0.isLetter })
        where word.count >= 6 {
            counts[String(word), default: 0] += 1
        }
    }
    let words = Array(counts.keys)
    for (candidate, count) in counts.sorted(by: { $0.key < $1.key }) where count == 1 {
        if article.contains(candidate) { continue }
        if words.contains(where: { $0 != candidate && $0.contains(candidate) }) { continue }
        return candidate
    }
    return nil
}

/// Rows of the report table.
struct BenchReport {
    var rows: [String] = []

    mutating func add(_ what: String, keys: String, from: String, samples: [Duration], note: String = "") {
        let cells: [String]
        if samples.isEmpty {
            cells = [what, keys, from, "0", "–", "–", note]
        } else {
            let sorted = samples.sorted()
            let middle = sorted.count / 2
            let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            cells = [what, keys, from, String(samples.count), milliseconds(median), milliseconds(sorted.last!), note]
        }
        rows.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
    }
}

/// Milliseconds with two decimals.
private func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let hundredths = (Double(seconds) * 1000 + Double(attoseconds) / 1e15) * 100
    let rounded = Int64(hundredths.rounded())
    let fraction = rounded % 100
    return "\(rounded / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// The process's peak resident set size so far, in KiB (Linux reports ru_maxrss in KiB).
private func peakResidentKiB() -> Int {
    var usage = rusage()
    guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
    return Int(usage.ru_maxrss)
}

private func mebibytes(_ bytes: Int) -> String {
    let tenths = Int((Double(bytes) / 1_048_576 * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

private func ratio(_ numerator: Int, _ denominator: Int) -> String {
    guard denominator > 0 else { return "–" }
    let hundredths = Int((Double(numerator) / Double(denominator) * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

/// Keeps a value alive and observed so the optimiser cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Loads `file` (the bundled sample when nil) or exits with its one-line error and sysexits status.
private func loadOrExit(_ file: String?) throws -> Discussion {
    do throws(DocumentError) {
        guard let file else { return try Discussion.load(DocumentBytes(Array(SampleDocuments.defaultDocument.utf8))) }
        return try Discussion.load(path: file, format: nil)
    } catch {
        writeError("tread-bench: \(error.description)")
        throw ExitCode(error.exitStatus)
    }
}

private func writeError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var start = 0
    while start < bytes.count {
        let written = bytes[start...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        start += written
    }
}
