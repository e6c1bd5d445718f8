import Foundation
import ThreadModel
import ThreadQuery
import ThreadTree

/// `TreadFilterBench FILE --kill [QUERY…]`: times marking the document with kill-file rules (what the
/// reader does once per document, beside it past a key's budget), each query alone as a hide rule, then
/// all of them together, and no rule at all (the common case, which must cost nothing).
struct KillFileTimes {
    let discussion: Discussion
    let tree: CommentTree
    let queries: [String]
    /// Only all the rules together, three runs or `TREAD_KILL_RUNS` (a kill-file of a thousand rules, too slow
    /// to time rule by rule).
    var togetherOnly = false

    func printTable() {
        print("| kill-file rules | hidden | median ms | max ms | ns a comment |")
        print("|---|---:|---:|---:|---:|")
        var all: [KillRule] = []
        var sets: [(String, [KillRule])] = [("no rule", [])]
        for text in queries {
            guard let rule = try? KillRule.parse(text, action: .hide, site: nil) else {
                print("| `\(text)` | parse error | | | |")
                continue
            }
            all.append(rule)
            if !togetherOnly { sets.append(("`\(text)`", [rule])) }
        }
        sets.append(("all \(all.count) together", all))
        // `TREAD_KILL_RUNS=1` times a slow kill-file once.
        let runs =
            togetherOnly ? max(1, ProcessInfo.processInfo.environment["TREAD_KILL_RUNS"].flatMap { Int($0) } ?? 3) : 5
        for (name, rules) in sets {
            let file = KillFile(rules: rules)
            var times: [Double] = []
            var hidden = 0
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                // The reader asks only when a rule holds on the thread: no rule, no pass.
                if !file.isEmpty { hidden = file.marks(discussion, tree: tree).hiddenCount }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            let median = times[runs / 2]
            let perComment = median * 1e6 / Double(max(1, discussion.count))
            print(
                "| \(name) | \(hidden) | \(String(format: "%.2f", median)) | \(String(format: "%.2f", times[runs - 1])) "
                    + "| \(String(format: "%.1f", perComment)) |")
        }
    }
}
