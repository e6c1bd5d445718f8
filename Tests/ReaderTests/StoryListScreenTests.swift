import Foundation
import Testing
import ThreadModel

@testable import Reader

/// Stories numbered from 1, every tenth without a link, with a fixed age.
private func stories(_ count: Int, from first: Int = 1) -> [Story] {
    (first..<(first + count)).map { n in
        Story(
            rank: n, id: "s\(n)", source: "Lobsters", title: "Story number \(n)",
            domain: n % 10 == 0 ? nil : "example.com",
            score: n, comments: n * 2, author: "ann", created: 1_000_000 - 7200, marks: n == 1 ? ["rust"] : [],
            discussion: "https://lobste.rs/s/s\(n)", link: n % 10 == 0 ? nil : "https://example.com/\(n)")
    }
}

private let now = Date(timeIntervalSince1970: 1_000_000)

private func screen(_ count: Int = 3, rows: Int = 8, columns: Int = 60, next: String? = nil) -> StoryListScreen {
    StoryListScreen(
        list: StoryList(name: "lobsters", stories: stories(count), next: next), rows: rows, columns: columns, now: now)
}

@Suite struct StoryListScreenTests {
    @Test func linesShowRankTitleDomainAndFacts() {
        #expect(
            screen().render().plainText == """
                lobsters · 3 stories
                > 1. Story number 1 (example.com)
                     1 point · 2 comments · ann · 2 h ago · rust
                  2. Story number 2 (example.com)
                     2 points · 4 comments · ann · 2 h ago
                  3. Story number 3 (example.com)
                     3 points · 6 comments · ann · 2 h ago
                1/3 · Enter opens · ? help
                """)
    }

    @Test func aStoryReadShowsHowManyCommentsArrivedSince() {
        var list = screen()
        let second = list.list.stories[1]
        list.read(second, comments: 1)
        _ = list.handle(.character("j"))
        let text = list.render().plainText
        #expect(text.contains("> 2. Story number 2 (example.com)\n     2 points · 4 comments · 3 added · ann"))
        list.read(second, comments: 4)
        #expect(list.render().plainText.contains("4 comments · read · ann"))
    }

    /// Issue 23, bug 8: the list tells the comments added since the story was read from those left
    /// unread then (which the store now keeps), instead of one "new" count.
    @Test func aStoryReadShowsAddedAndUnreadApart() {
        var list = screen()
        let second = list.list.stories[1]
        list.read(second, comments: 3, unread: 2)
        _ = list.handle(.character("j"))
        #expect(list.render().plainText.contains("2 points · 4 comments · 1 added · 3 unread · ann"))
        list.read(second, comments: 4, unread: 2)
        #expect(list.render().plainText.contains("4 comments · 0 added · 2 unread · ann"))
        list.read(second, comments: 4, unread: 0)
        #expect(list.render().plainText.contains("4 comments · read · ann"))
    }

    @Test func aStoryReadCountsTheCommentsTheReaderShowsNotTheSitesEvents() {
        // The second story's list says 4: a Discourse topic's posts after the first, 1 of them an event
        // ("closed the topic") that the reader shows as a one-line event. Read, it held 3 comments.
        var list = screen()
        let second = list.list.stories[1]
        list.read(second, comments: 3, unread: 0, events: 1)
        _ = list.handle(.character("j"))
        #expect(list.render().plainText.contains("2 points · 3 comments · read · ann"))
        #expect(list.newComments(second) == 0)
        // A comment posted since: the list says 5, one added.
        var grown = list.list
        grown.stories[1].comments = 5
        list.refreshed(grown, now: Date(timeIntervalSince1970: 0))
        #expect(list.newComments(list.list.stories[1]) == 1)
    }

    @Test func aHackerNewsStoryReadCountsTheDeadAndDeletedCommentsItsSiteLeavesOut() {
        // HN's list says 318 (`descendants`); the reader showed 351, 33 of them dead or deleted.
        let story = Story(
            rank: 1, id: "43727727", source: "Hacker News", title: "IBM", score: 189, comments: 318,
            discussion: "https://news.ycombinator.com/item?id=43727727")
        var list = StoryListScreen(
            list: StoryList(name: "hn", stories: [story], next: nil), rows: 8, columns: 60, now: now)
        #expect(list.commentCount(story) == 318)
        list.read(story, comments: 351, unread: 0, events: 33)
        #expect(list.commentCount(story) == 351)
        #expect(list.newComments(story) == 0)
        #expect(list.render().plainText.contains("351 comments · read"))
        // Seven comments posted since: HN says 325, the row 358, seven added.
        var grown = list.list
        grown.stories[0].comments = 325
        list.refreshed(grown, now: now)
        #expect(list.commentCount(list.list.stories[0]) == 358)
        #expect(list.newComments(list.list.stories[0]) == 7)
    }

    @Test func enterOpensTheSelectedDiscussionAndLItsLink() {
        var list = screen(12)
        #expect(list.handle(.character("j")) == .stay)
        #expect(list.handle(.enter) == .open(list.list.stories[1]))
        #expect(list.handle(.character("L")) == .openLink("https://example.com/2"))
        _ = list.handle(.character("G"))
        _ = list.handle(.character("k"))
        _ = list.handle(.character("k"))
        #expect(list.selectedStory?.rank == 10)
        #expect(list.handle(.character("L")) == .stay)
        #expect(list.render().plainText.contains("no link of its own"))
    }

    @Test func reachingTheEndAsksForTheNextPageOnceAndEscStopsIt() {
        var list = screen(3, next: "2")
        #expect(list.handle(.character("j")) == .stay)
        #expect(list.handle(.character("j")) == .fetchNext)
        #expect(list.render().plainText.contains("fetching the next page… (Esc stops)"))
        #expect(list.handle(.character("j")) == .stay)
        #expect(list.handle(.escape) == .stopFetch)
        list.pageFailed("lobsters: stopped")
        #expect(list.handle(.character("G")) == .fetchNext)
        list.pageArrived(StoryList(name: "lobsters", stories: stories(2, from: 1), next: nil))
        #expect(list.list.stories.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(list.handle(.character("G")) == .stay)
        #expect(list.selectedStory?.rank == 5)
    }

    @Test func searchSelectsTheNextTitleHoldingTheQuery() {
        var list = screen(30)
        _ = list.handle(.character("/"))
        for character in "ER 2" { _ = list.handle(.character(character)) }
        #expect(list.render().plainText.hasSuffix("/ER 2"))
        _ = list.handle(.enter)
        #expect(list.selectedStory?.rank == 2)
        _ = list.handle(.character("n"))
        #expect(list.selectedStory?.rank == 20)
        _ = list.handle(.character("N"))
        #expect(list.selectedStory?.rank == 2)
    }

    @Test func hostileTitlesDomainsAndMarksAreSanitised() {
        let story = Story(
            rank: 1, id: "x", source: "Reddit r/x", title: "a\u{1B}[2Jb\u{202E}c", domain: "ev\u{07}il.com",
            marks: ["fl\u{1B}]8;;x\u{07}air"], discussion: "https://www.reddit.com/comments/x")
        let list = StoryListScreen(list: StoryList(name: "r/x", stories: [story]), rows: 5, columns: 60, now: now)
        let text = list.render().plainText
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0 == "\u{202E}" })
    }

    @Test func theHelpNamesTheKeysFromTheKeymap() {
        var list = screen()
        _ = list.handle(.character("?"))
        let text = list.render().plainText
        #expect(text.contains("j ↓") && text.contains("next story"))
        #expect(list.handle(.character("x")) == .stay)
        #expect(!list.render().plainText.contains("next story"))
    }

    @Test func aClickSelectsAndASecondClickOpens() {
        var list = screen()
        #expect(list.handle(MouseEvent(.click, row: 3, column: 5)) == .stay)
        #expect(list.selectedStory?.rank == 2)
        #expect(list.handle(MouseEvent(.click, row: 4, column: 5)) == .open(list.list.stories[1]))
    }

    @Test func refreshingKeepsTheSelectedStory() {
        var list = screen(5)
        _ = list.handle(.character("j"))
        _ = list.handle(.character("j"))
        #expect(list.handle(.character("R")) == .refresh)
        list.refreshed(StoryList(name: "lobsters", stories: Array(stories(5).reversed())), now: now)
        #expect(list.selectedStory?.id == "s3")
        #expect(list.selected == 2)
    }

    @Test func tenThousandStoriesMoveByPages() {
        var list = screen(10_000, rows: 24, columns: 80)
        _ = list.handle(.character("G"))
        #expect(list.selectedStory?.rank == 10_000)
        #expect(list.render().plainText.contains("> 10000. Story number 10000"))
        _ = list.handle(.pageUp)
        #expect(list.selectedStory?.rank == 10_000 - 11)
    }

    @Test func tinyScreensDrawWithoutTrouble() {
        for (rows, columns) in [(0, 0), (1, 1), (3, 5), (4, 3), (2, 80)] {
            var list = screen(40, rows: rows, columns: columns, next: "2")
            _ = list.handle(.character("j"))
            _ = list.handle(.character("?"))
            #expect(list.render().height == rows)
            _ = list.handle(.character("x"))
            _ = list.handle(MouseEvent(.click, row: 0, column: 0))
            #expect(list.render().width == columns)
        }
    }
}
