import Foundation
import Reader
import ReadingState
import ThreadModel

/// `TreadFilterBench FILE --reader`: the keys the map, the overview and a filter on `new` add to
/// the reader, each timed as `update` + `render` on a fresh state brought to its starting point
/// (as `tread-bench` times keys), with a visit in which every tenth comment is new.
struct ReaderRows {
    let discussion: Discussion
    let rows = 24
    let columns = 80
    /// Runs of each row; `TREAD_BENCH_RUNS` sets another number (more, to profile one row).
    let runs = ProcessInfo.processInfo.environment["TREAD_BENCH_RUNS"].flatMap { Int($0) }.map { max(1, $0) } ?? 7
    /// Only the rows whose name holds `TREAD_BENCH_ONLY`, when set.
    let only = ProcessInfo.processInfo.environment["TREAD_BENCH_ONLY"]

    /// A visit in which every tenth comment is new: a first visit carried over a "reload" that
    /// brought those comments (only the new flags matter to the map and the filter).
    func visit() -> Visit {
        let first = Visit(
            discussion: discussion, identity: ThreadIdentity(key: "bench", site: nil), stored: nil, now: Date())
        let moved: [Int?] = (0..<discussion.count).map { $0 % 10 == 0 ? nil : $0 }
        return first.carried(to: discussion, oldToNew: moved)
    }

    /// Median and maximum milliseconds of `timed` after `setup`, each run on a fresh state.
    func time(_ setup: [Message], _ timed: [Message]) -> (median: Double, maximum: Double) {
        var samples: [Double] = []
        for _ in 0..<runs {
            var state = ReaderState(discussion: discussion, rows: rows, columns: columns)
            let layout = LayoutCache()
            for message in setup {
                state.update(message, layout: layout)
                while state.isFiltering { state.update(.filterStep, layout: layout) }
            }
            _ = state.render(layout: layout)
            let start = DispatchTime.now().uptimeNanoseconds
            for message in timed {
                state.update(message, layout: layout)
                while state.isFiltering { state.update(.filterStep, layout: layout) }
            }
            _ = state.render(layout: layout)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[samples.count - 1])
    }

    /// The answer of the sort that `setup` asks for (`s`), computed once: timed as it arrives.
    func sortAnswer(after setup: [Message]) -> [Message] {
        var state = ReaderState(discussion: discussion, rows: rows, columns: columns)
        var answers: [Message] = []
        for message in setup {
            for command in state.update(message, layout: LayoutCache()) {
                if case .sortComments(let request) = command { answers = [request.run()] }
            }
        }
        return answers
    }

    /// The keys of `text` typed at the filter prompt, opening it first when `open`.
    func typing(_ text: String, open: Bool = true) -> [Message] {
        (open ? [.action(.startFilter)] : []) + text.map { .key(.character($0)) }
    }

    func printTable() {
        let visit = visit()
        let new = visit.newCount
        let c: Message = .action(.firstComment)
        let map: Message = .action(.toggleMap)
        let ready: Message = .visitReady(visit)
        let j: Message = .action(.nextComment)
        let filterNew: Message = .action(.applyFilter("new"))
        let sort: Message = .action(.cycleSort)
        let sorted = sortAnswer(after: [c, ready, sort])
        let table: [(String, String, String, [Message], [Message])] = [
            ("j", "j", "c", [c], [j]),
            ("map on, no visit", "M", "c", [c], [map]),
            ("map on, 10% new", "M", "c, visit", [c, ready], [map]),
            ("j with the map, 10% new", "j", "c, visit, M", [c, ready, map], [j]),
            ("d with the map, 10% new", "d", "c, visit, M", [c, ready, map], [.key(.character("d"))]),
            ("visit arrives, map shown", "(visit)", "c, M", [c, map], [ready]),
            ("visit arrives, filter new on", "(visit)", "--filter new", [filterNew], [ready]),
            ("visit arrives, filter new on, map", "(visit)", "--filter new, M", [filterNew, map], [ready]),
            ("j with map, filter new", "j", "visit, M, --filter new", [ready, map, filterNew], [j]),
            (
                "filter key (field), for comparison", "0", "visit, &depth<2", [ready] + typing("depth<2"),
                typing("0", open: false)
            ),
            ("filter key new, 10% new", "w", "visit, &ne", [ready] + typing("ne"), typing("w", open: false)),
            (
                "--filter depth>5, for comparison", "--filter depth>5", "visit", [ready],
                [.action(.applyFilter("depth>5"))]
            ),
            ("--filter new, 10% new", "--filter new", "visit", [ready], [filterNew]),
            ("overview on", "v", "c", [c], [.action(.toggleOverview)]),
            ("sort key, 10% new", "s", "c, visit", [c, ready], [sort]),
            ("take the sorted thread (top), 10% new", "(sorted)", "c, visit, s", [c, ready, sort], sorted),
            ("j in the overview", "j", "c, v", [c, .action(.toggleOverview)], [j]),
            (
                "j with map, overview, filter new", "j", "visit, M, v, --filter new",
                [ready, map, .action(.toggleOverview), filterNew], [j]
            ),
        ]
        print("reader keys, \(discussion.count) comments, \(new) new, \(rows)×\(columns), \(runs) runs")
        print("")
        print("| what | key | from | median ms | max ms |")
        print("|---|---|---|---:|---:|")
        for (what, key, from, setup, timed) in table where only.map({ what.contains($0) }) ?? true {
            let (median, maximum) = time(setup, timed)
            print(
                "| \(what) | \(key) | \(from) | \(String(format: "%.2f", median)) | \(String(format: "%.2f", maximum)) |"
            )
        }
    }
}
