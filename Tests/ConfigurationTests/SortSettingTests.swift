import Testing
import ThreadModel

@testable import Configuration

@Suite struct SortSettingTests {
    @Test func theSortSettingNamesAnOrder() throws {
        #expect(try parse("").sort == .best)
        #expect(try parse("sort = \"new\"").sort == .new)
        #expect(try parse("sort = \"top\"").sort == .top)
        #expect(try parse("sort = \"old\"").sort == .old)
        #expect(try parse("sort = \"best\"").sort == .best)
    }

    @Test func aBadSortNamesTheLineAndTheOrders() {
        #expect(problem("\nsort = \"hot\"") == #"config.toml:2: sort must be one of best, top, new, old, not "hot""#)
        #expect(problem("sort = \"controversial\"").hasPrefix("config.toml:1: sort must be one of best, top, new, old"))
        #expect(problem("sort = 1").hasPrefix("config.toml:1: "))
        #expect(problem("sort = \"New\"").hasPrefix("config.toml:1: sort must be"))
    }

    @Test func thePrintedConfigWritesTheSortAndReadsItBack() throws {
        var preferences = try parse("sort = \"old\"")
        let printed = preferences.toml(actions: actions)
        #expect(printed.contains("sort = \"old\""))
        #expect(try parse(printed).sort == .old)
        preferences.sort = .best
        #expect(preferences.toml(actions: actions).contains("sort = \"best\""))
    }
}

/// `[sort]`: an order per site (the document's `article.site`), and `default` for the others.
@Suite struct SiteSortSettingTests {
    static let table = """
        [sort]
        default = "new"
        hn = "best"
        reddit = "top"
        """

    @Test func aSortTableGivesEachNamedSiteItsOrder() throws {
        let preferences = try parse(Self.table)
        #expect(preferences.sort == .new)
        #expect(preferences.siteSorts == ["hn": .best, "reddit": .top])
        #expect(preferences.sort(forSite: "reddit") == .top)
        #expect(preferences.sort(forSite: "hn") == .best)
        #expect(preferences.sort(forSite: "lobsters") == .new)
        #expect(preferences.sort(forSite: nil) == .new)
        // Without default, the others open in the site's order.
        #expect(try parse("[sort]\nlobsters = \"old\"").sort == .best)
    }

    @Test func anUnknownSiteNamesItsLineAndTheSites() {
        #expect(
            problem("[sort]\ndefault = \"top\"\nslashdot = \"top\"")
                == #"config.toml:3: unknown site "slashdot" in [sort]; expected one of default, hn, reddit, lobsters, discourse, mastodon, lemmy, bluesky"#
        )
        // A site's name is the short one, lower-case, as article.site writes it.
        #expect(problem("[sort]\nReddit = \"top\"").hasPrefix(#"config.toml:2: unknown site "Reddit""#))
    }

    @Test func aBadOrderForASiteNamesItsLine() {
        #expect(
            problem("[sort]\nhn = \"best\"\nreddit = \"hot\"")
                == #"config.toml:3: sort.reddit must be one of best, top, new, old, not "hot""#)
        #expect(problem("[sort]\n\ndefault = 3").hasPrefix("config.toml:3: sort.default must be one of best"))
    }

    @Test func thePrintedConfigWritesTheTableAndReadsItBack() throws {
        let preferences = try parse(Self.table)
        let printed = preferences.toml(actions: actions)
        #expect(printed.contains("[sort]\ndefault = \"new\"\nhn = \"best\"\nreddit = \"top\"\n"))
        #expect(!printed.contains("\nsort = "))
        let again = try parse(printed)
        #expect(again.sort == .new && again.siteSorts == preferences.siteSorts)
        // With no site named, the one order as before, and the table as a commented example.
        let plain = try parse("sort = \"top\"").toml(actions: actions)
        #expect(plain.contains("\nsort = \"top\"\n") && plain.contains("# [sort]\n"))
    }
}
