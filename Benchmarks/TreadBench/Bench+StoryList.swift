import Foundation
import Reader
import ThreadModel

extension Bench {
    /// `--story-list N`: every key of the front-page screen (handle + render) on a list of N made-up
    /// stories, `repeat` runs from each starting point, as a Markdown table like the reader's.
    func timeStoryList(_ count: Int) {
        let stories = (1...max(1, count)).map { n in
            Story(
                rank: n, id: "s\(n)", source: "Lobsters",
                title: "A made-up story number \(n) with a title of some length",
                domain: "example.com", score: n, comments: n * 3, author: "user\(n % 97)", created: 1_700_000_000,
                marks: n % 5 == 0 ? ["rust", "performance"] : [], discussion: "https://lobste.rs/s/s\(n)",
                link: "https://example.com/\(n)")
        }
        let start = StoryListScreen(
            list: StoryList(name: "lobsters", stories: stories), rows: rows, columns: columns,
            now: Date(timeIntervalSince1970: 1_700_003_600))
        let keys: [(String, [Key])] = [
            ("j", [.character("j")]), ("k", [.character("k")]), ("PgDn", [.pageDown]), ("PgUp", [.pageUp]),
            ("G", [.character("G")]), ("g", [.character("g")]), ("n (search next)", [.character("n")]),
        ]
        var report = BenchReport()
        let clock = ContinuousClock()
        for (name, key) in keys {
            for from in ["top", "middle"] {
                var samples: [Duration] = []
                for _ in 0..<`repeat` {
                    var screen = start
                    if from == "middle" { for _ in 0..<(count / 2) { _ = screen.handle(.character("j")) } }
                    _ = screen.handle(.character("/"))
                    for character in "number 4" { _ = screen.handle(.character(character)) }
                    _ = screen.handle(.enter)
                    if from == "top" { _ = screen.handle(.character("g")) }
                    blackHole(screen.render())
                    let before = clock.now
                    for key in key { _ = screen.handle(key) }
                    blackHole(screen.render())
                    samples.append(clock.now - before)
                }
                report.add("front page, \(count) stories", keys: name, from: from, samples: samples)
            }
        }
        print("| what | keys | from | runs | median ms | max ms | note |")
        print("|---|---|---|---|---|---|---|")
        for row in report.rows { print(row) }
    }
}
