import Testing
import ThreadQuery

@testable import Configuration

@Suite struct KillFileConfigTests {
    @Test func rulesAreReadInOrderWithTheirActionAndSite() throws {
        let preferences = try parse(
            """
            mouse = true

            [[kill]]
            query = "author:spammer"
            site = "reddit"

            [[kill]]
            query = "crypto or /nft/"
            action = "dim"

            [[kill]]
            query = "author:troll"
            action = "hide-thread"
            """)
        let rules = preferences.killFile.rules
        #expect(rules.map(\.query.text) == ["author:spammer", "crypto or /nft/", "author:troll"])
        #expect(rules.map(\.action) == [.hide, .dim, .hideThread])
        #expect(rules.map(\.site) == ["reddit", nil, nil])
    }

    @Test func noRulesByDefault() throws {
        #expect(try parse("").killFile.isEmpty)
    }

    @Test func aBadQueryNamesTheRuleItsLineAndTheError() {
        let text = """
            [[kill]]
            query = "author:ok"

            [[kill]]
            action = "dim"
            query = "author: or ("
            """
        #expect(problem(text).hasPrefix("config.toml:6: kill rule 2 (\"author: or (\"): "))
        #expect(problem(text).contains("at column"))
    }

    @Test func badRulesAreRefusedWithTheirLine() {
        #expect(
            problem("[[kill]]\naction = \"hide\"")
                == "config.toml:1: kill rule 1 has no query; write query = \"author:NAME\" (the filter's language)")
        #expect(
            problem("[[kill]]\nquery = \"x\"\naction = \"drop\"").hasPrefix(
                "config.toml:3: kill rule 1's action must be \"hide\", \"hide-thread\" or \"dim\""))
        #expect(
            problem("[[kill]]\nquery = \"x\"\nsite = \"\"").hasPrefix(
                "config.toml:3: kill rule 1's site must name one site"))
        #expect(
            problem("[[kill]]\nquery = \"x\"\nwho = 1").hasPrefix(
                "config.toml:3: unknown setting \"who\" in kill rule 1"))
        #expect(problem("[[kill]]\nquery = 3").hasPrefix("config.toml:2: kill rule 1's query must be a string"))
        #expect(problem("[[kill]]\nquery = \"\"").contains("the query is empty"))
        #expect(problem("[[kill]]\nquery = \"new\"").contains("`new` depends on the visit"))
        #expect(
            problem("kill = \"author:x\"").hasPrefix("config.toml:1: kill must be rules written as [[kill]] tables"))
    }

    @Test func theConfigListsTheRulesAndReadsBackTheSame() throws {
        let preferences = try parse(
            """
            [[kill]]
            query = "author:\\"odd\\" name"
            action = "dim"
            site = "meta.discourse.org"
            """)
        let printed = preferences.toml(actions: actions)
        #expect(
            printed.contains(
                "[[kill]]\nquery = \"author:\\\"odd\\\" name\"\naction = \"dim\"\nsite = \"meta.discourse.org\"\n"))
        #expect(try parse(printed) == preferences)
        let none = Preferences(actions: actions).toml(actions: actions)
        #expect(none.contains("# [[kill]]\n# query = \"author:spammer\""))
        #expect(try parse(none) == Preferences(actions: actions))
    }
}
