import Foundation
import ReadingState
import Testing

@testable import Reader

@Suite struct RecentPickerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Threads titled as given, opened a minute apart (the first most recently), each with 10 comments.
    func threads(_ titles: String...) -> [RecentThread] {
        titles.enumerated().map { number, title in
            RecentThread(
                key: "k\(number + 1)", title: title, site: number == 0 ? "Hacker News" : nil,
                path: "/t/\(number + 1).json", opened: now.addingTimeInterval(Double(-60 * (number + 1))),
                commentCount: 10, newCount: number == 0 ? 3 : 0)
        }
    }

    @Test func theListShowsEachThreadWithWhenAndHowManyComments() {
        let picker = RecentPicker(threads: threads("First", "Second"), rows: 7, columns: 50, now: now)
        #expect(
            picker.render().plainText == """
                Recent threads · 2 threads
                > 1. First
                     1 min ago · 10 comments · 3 new · Hacker News
                  2. Second
                     2 min ago · 10 comments

                Enter opens · j/k move · x forgets · q quits
                """)
    }

    @Test func enterOpensTheSelectedThread() {
        var picker = RecentPicker(threads: threads("First", "Second"), rows: 7, columns: 50, now: now)
        #expect(picker.handle(.character("j")) == .stay)
        #expect(picker.handle(.enter) == .open(picker.threads[1]))
    }

    @Test func aCountThenEnterOpensThatThread() {
        var picker = RecentPicker(threads: threads("a", "b", "c"), rows: 10, columns: 40, now: now)
        _ = picker.handle(.character("3"))
        #expect(picker.render().plainText.hasSuffix("3 (Enter opens thread 3, Esc cancels)"))
        #expect(picker.handle(.enter) == .open(picker.threads[2]))
    }

    @Test func aCountBeyondTheListSaysSoAndOpensNothing() {
        var picker = RecentPicker(threads: threads("a", "b"), rows: 10, columns: 40, now: now)
        _ = picker.handle(.character("9"))
        #expect(picker.handle(.enter) == .stay)
        #expect(picker.notice == "No thread 9: the list has 2.")
        #expect(picker.selected == 0)
    }

    @Test func movingStopsAtBothEnds() {
        var picker = RecentPicker(threads: threads("a", "b", "c"), rows: 10, columns: 40, now: now)
        _ = picker.handle(.up)
        #expect(picker.selected == 0)
        _ = picker.handle(.character("G"))
        #expect(picker.selected == 2)
        _ = picker.handle(.down)
        #expect(picker.selected == 2)
        _ = picker.handle(.character("g"))
        #expect(picker.selected == 0)
        _ = picker.handle(.character("2"))
        _ = picker.handle(.character("j"))
        #expect(picker.selected == 2)
    }

    @Test func pagesScrollTheListToKeepTheSelectionOnScreen() {
        // 6 rows: a title row, 4 list rows (two threads), a status row.
        var picker = RecentPicker(threads: threads("a", "b", "c", "d", "e"), rows: 6, columns: 30, now: now)
        _ = picker.handle(.pageDown)
        #expect(picker.selected == 2)
        #expect(picker.top == 1)
        _ = picker.handle(.end)
        #expect(picker.top == 3)
        #expect(
            picker.render().plainText == """
                Recent threads · 5 threads
                  4. d
                     4 min ago · 10 comments
                > 5. e
                     5 min ago · 10 comments
                Enter opens · j/k move · x fo…
                """)
        _ = picker.handle(.pageUp)
        #expect(picker.selected == 2)
        #expect(picker.top == 2)
    }

    @Test func qAndEscapeQuitWithoutOpening() {
        var picker = RecentPicker(threads: threads("a"), rows: 10, columns: 40, now: now)
        #expect(picker.handle(.character("q")) == .quit)
        #expect(picker.handle(.escape) == .quit)
    }

    @Test func escapeFirstCancelsATypedCount() {
        var picker = RecentPicker(threads: threads("a"), rows: 10, columns: 40, now: now)
        _ = picker.handle(.character("2"))
        #expect(picker.handle(.escape) == .stay)
        #expect(picker.count == nil)
        #expect(picker.handle(.escape) == .quit)
    }

    @Test func forgettingAsksFirstAndOnlyYForgets() {
        var picker = RecentPicker(threads: threads("a", "b"), rows: 10, columns: 40, now: now)
        _ = picker.handle(.character("x"))
        #expect(picker.notice == "Forget \u{201C}a\u{201D}? y/n")
        #expect(picker.handle(.character("n")) == .stay)
        #expect(picker.notice == "Kept.")
        #expect(picker.threads.count == 2)
        _ = picker.handle(.character("j"))
        _ = picker.handle(.character("d"))
        let second = picker.threads[1]
        #expect(picker.handle(.character("y")) == .forget(second))
        picker.forgot(second)
        #expect(picker.threads.map(\.title) == ["a"])
        #expect(picker.selected == 0)
        #expect(picker.notice == "Forgot \u{201C}b\u{201D}.")
    }

    @Test func forgettingTheLastThreadLeavesAnEmptyListThatQuits() {
        var picker = RecentPicker(threads: threads("only"), rows: 5, columns: 40, now: now)
        _ = picker.handle(.character("x"))
        let only = picker.threads[0]
        #expect(picker.handle(.character("y")) == .forget(only))
        picker.forgot(only)
        #expect(picker.handle(.enter) == .stay)
        #expect(picker.render().plainText.contains("No threads read yet."))
        #expect(picker.handle(.character("q")) == .quit)
    }

    @Test func titlesAreOneSafeLineCutToTheWindow() {
        let hostile = "Evil\u{1B}[2J\ntitle that is much too long for the window"
        let picker = RecentPicker(threads: threads(hostile), rows: 4, columns: 24, now: now)
        let lines = picker.render().plainText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "> 1. Evil␛[2J␊title tha…")
        #expect(!picker.render().plainText.contains("\u{1B}"))
    }

    @Test func aTinyWindowShowsOneLineAThreadAndNoChrome() {
        var picker = RecentPicker(threads: threads("a", "b", "c"), rows: 1, columns: 12, now: now)
        #expect(picker.render().plainText == "> 1. a")
        _ = picker.handle(.down)
        #expect(picker.render().plainText == "> 2. b")
        picker.resize(rows: 3, columns: 12)
        #expect(
            picker.render().plainText == """
                > 2. b
                     2 min…

                """)
        picker.resize(rows: 0, columns: 0)
        #expect(picker.render().plainText == "")
    }

    @Test func aClickSelectsTheThreadUnderIt() {
        var picker = RecentPicker(threads: threads("a", "b", "c"), rows: 10, columns: 40, now: now)
        _ = picker.handle(MouseEvent(.click, row: 4, column: 3))
        #expect(picker.selected == 1)
        _ = picker.handle(MouseEvent(.click, row: 9, column: 3))
        #expect(picker.selected == 1)
        _ = picker.handle(MouseEvent(.wheelDown, row: 0, column: 0))
        #expect(picker.selected == 2)
    }

    @Test func aHeldDigitKeyCannotOverflowTheCount() {
        var picker = RecentPicker(threads: threads("a"), rows: 10, columns: 40, now: now)
        for _ in 0..<40 { _ = picker.handle(.character("9")) }
        #expect(picker.count == RecentPicker.countLimit)
        _ = picker.handle(.character("0"))
        #expect(picker.count == RecentPicker.countLimit)
    }

    @Test func agoSaysHowLongBeforeInWords() {
        #expect(RecentPicker.ago(now.addingTimeInterval(-30), now: now) == "just now")
        #expect(RecentPicker.ago(now.addingTimeInterval(-720), now: now) == "12 min ago")
        #expect(RecentPicker.ago(now.addingTimeInterval(-3 * 3600), now: now) == "3 h ago")
        #expect(RecentPicker.ago(now.addingTimeInterval(-100_000), now: now) == "yesterday")
        #expect(RecentPicker.ago(now.addingTimeInterval(-5 * 86_400), now: now) == "5 days ago")
        #expect(RecentPicker.ago(now.addingTimeInterval(60), now: now) == "just now")
    }
}
