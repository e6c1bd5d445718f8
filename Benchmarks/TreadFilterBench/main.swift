import Foundation
import SiteFormats
import ThreadModel
import ThreadQuery
import ThreadTree

/// `TreadFilterBench FILE [QUERY…]`: loads FILE, then times each query's evaluation and filtered thread.
///
/// Prints a Markdown table of milliseconds (median and maximum of 5 runs) per query. With
/// `--reader` (after FILE), times the reader's keys for the map, the overview and a filter on `new`
/// instead (see `ReaderRows`); with `--kill`, marking the document with each query as a kill-file rule
/// (see `KillFileTimes`); `--kill-rules RULES` reads the rules from RULES, one query a line, and times
/// them all together only (a kill-file of a thousand rules).
var arguments = Array(CommandLine.arguments.dropFirst())
var rulesFile: String?
if let at = arguments.firstIndex(of: "--kill-rules"), at + 1 < arguments.count {
    rulesFile = arguments[at + 1]
    arguments.removeSubrange(at...at + 1)
}
let readerRows = arguments.contains("--reader")
arguments.removeAll { $0 == "--reader" }
let killRules = arguments.contains("--kill") || rulesFile != nil
arguments.removeAll { $0 == "--kill" }
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: TreadFilterBench FILE [--reader | --kill] [QUERY...]\n".utf8))
    exit(64)
}
var queries = Array(arguments.dropFirst())
if let rulesFile {
    guard let text = try? String(contentsOfFile: rulesFile, encoding: .utf8) else {
        FileHandle.standardError.write(Data("TreadFilterBench: cannot read \(rulesFile)\n".utf8))
        exit(66)
    }
    queries = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}
if queries.isEmpty {
    queries = [
        "author:user1", "depth>5", "score>50", "replies>3", "rust", "\"the project\"", "/wh[a-z]+ever/", "has:link",
    ]
}
func milliseconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}
var loaded: Discussion?
let loadTime = milliseconds {
    loaded = try? Discussion.load(path: path, format: nil)
}
guard let discussion = loaded else {
    FileHandle.standardError.write(Data("TreadFilterBench: cannot load \(path)\n".utf8))
    exit(66)
}
var tree: CommentTree?
let treeTime = milliseconds { tree = CommentTree(discussion: discussion) }
print(
    "load \(String(format: "%.0f", loadTime)) ms, tree \(String(format: "%.0f", treeTime)) ms, \(discussion.count) comments"
)
var authors: AuthorIndex?
let indexTime = milliseconds { authors = AuthorIndex(discussion) }
if readerRows {
    ReaderRows(discussion: discussion).printTable()
    exit(0)
}
if killRules, let tree {
    KillFileTimes(discussion: discussion, tree: tree, queries: queries, togetherOnly: rulesFile != nil).printTable()
    exit(0)
}
print("author index \(String(format: "%.0f", indexTime)) ms (built once per document)")
print("")
print("| query | matches | median ms | max ms | build ms |")
print("|---|---:|---:|---:|---:|")
for text in queries {
    guard let tree, let query = try? Query.parse(text) else {
        print("| `\(text)` | parse error | | | |")
        continue
    }
    let matcher = QueryMatcher(query: query, discussion: discussion, tree: tree, authors: authors)
    var times: [Double] = []
    var build: [Double] = []
    var matches = 0
    for _ in 0..<5 {
        var evaluation = FilterEvaluation(matcher: matcher)
        var filtered: FilteredThread?
        times.append(
            milliseconds {
                filtered = evaluation.finish()
            })
        matches = filtered?.matchCount ?? 0
        build.append(
            milliseconds {
                _ = FilteredThread(
                    isMatch: [Bool](repeating: false, count: tree.count), tree: tree, discussion: discussion)
            })
    }
    times.sort()
    build.sort()
    print(
        "| `\(text)` | \(matches) | \(String(format: "%.1f", times[2])) | \(String(format: "%.1f", times[4])) | \(String(format: "%.1f", build[2])) |"
    )
}
