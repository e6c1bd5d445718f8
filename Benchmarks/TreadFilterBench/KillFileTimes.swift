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
            sets.append(("`\(text)`", [rule]))
        }
        sets.append(("all \(all.count) together", all))
        for (name, rules) in sets {
            let file = KillFile(rules: rules)
            var times: [Double] = []
            var hidden = 0
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                // The reader asks only when a rule holds on the thread: no rule, no pass.
                if !file.isEmpty { hidden = file.marks(discussion, tree: tree).hiddenCount }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            let perComment = times[2] * 1e6 / Double(max(1, discussion.count))
            print(
                "| \(name) | \(hidden) | \(String(format: "%.2f", times[2])) | \(String(format: "%.2f", times[4])) "
                    + "| \(String(format: "%.1f", perComment)) |")
        }
    }
}
