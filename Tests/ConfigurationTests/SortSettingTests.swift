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
