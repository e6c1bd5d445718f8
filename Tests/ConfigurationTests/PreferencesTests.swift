import Testing

@testable import Configuration

/// A small action table like the reader's.
let actions = [
    BindableAction(name: "next-comment", defaultKeys: [.character("j"), .down], help: "next comment"),
    BindableAction(name: "previous-comment", defaultKeys: [.character("k"), .up]),
    BindableAction(name: "half-page-down", defaultKeys: [.control("d")]),
    BindableAction(name: "toggle-fold", defaultKeys: [.character(" "), .enter]),
    BindableAction(name: "quit", defaultKeys: [.character("q")]),
]

func parse(_ text: String) throws(ConfigurationError) -> Preferences {
    try Preferences.parse(text, path: "config.toml", actions: actions)
}

/// The message a config gives, or "loaded".
func problem(_ text: String) -> String {
    do {
        _ = try parse(text)
        return "loaded"
    } catch {
        return error.description
    }
}

@Suite struct PreferencesTests {
    @Test func emptyFileGivesTheDefaults() throws {
        let preferences = try parse("")
        #expect(preferences == Preferences(actions: actions))
        #expect(preferences.maximumWidth == 80)
        #expect(preferences.keys["next-comment"] == [.character("j"), .down])
    }

    @Test func everySettingIsRead() throws {
        let preferences = try parse(
            """
            max-width = 70
            indent = 3
            fold = "depth 2"
            dates = "absolute"
            mouse = false
            map = "shown"
            hyperlinks = false

            [keys]
            next-comment = ["n", "Down", "ctrl-n"]
            quit = "Esc"

            [theme]
            guides = ["red", "#00ff00 bold"]
            op = "bright-green underline"
            search-hit = "208 reverse"
            """)
        #expect(preferences.maximumWidth == 70)
        #expect(preferences.indentWidth == 3)
        #expect(preferences.foldOnOpen == .depth(2))
        #expect(preferences.dates == .absolute)
        #expect(preferences.mouse == false)
        #expect(preferences.map == .shown)
        #expect(preferences.hyperlinks == false)
        #expect(preferences.keys["next-comment"] == [.character("n"), .down, .control("n")])
        #expect(preferences.keys["quit"] == [.escape])
        #expect(preferences.keys["previous-comment"] == [.character("k"), .up])
        #expect(preferences.theme.guides == [Style(.indexed(1)), Style(.indexed(46), bold: true)])
        #expect(preferences.theme.op == Style(.indexed(10), underline: true))
        #expect(preferences.theme.searchHit == Style(.indexed(208), reverse: true))
    }

    @Test func aKeyGivenToAnActionLeavesItsDefaultAction() throws {
        let preferences = try parse(
            """
            [keys]
            quit = "j"
            """)
        #expect(preferences.keys["quit"] == [.character("j")])
        #expect(preferences.keys["next-comment"] == [.down])
    }

    @Test func mapValues() throws {
        #expect(try parse("").map == .hidden)
        #expect(try parse("map = \"off\"").map == .off)
        #expect(try parse("map = \"shown\"").map == .shown)
        #expect(try parse("map = false").map == .off)
        #expect(try parse("map = true").map == .shown)
        #expect(
            problem("map = \"no\"")
                == #"config.toml:1: map must be "shown", "hidden" or "off" (true is "shown", false "off"), not "no""#)
        #expect(problem("\nmap = 1").hasPrefix("config.toml:2: map must be \"shown\""))
    }

    @Test func foldValues() throws {
        #expect(try parse("fold = \"open\"").foldOnOpen == .open)
        #expect(try parse("fold = \"top-level\"").foldOnOpen == .topLevel)
        #expect(problem("fold = \"depth 0\"").hasPrefix("config.toml:1: fold must be \"open\""))
    }

    @Test func badTOMLNamesTheLine() {
        let message = problem(
            """
            max-width = 70

            [keys
            quit = "q"
            """)
        #expect(message.hasPrefix("config.toml:3: not valid TOML: "))
    }

    @Test func unknownSectionOrSetting() {
        #expect(
            problem("max-width = 70\n[colours]\nx = 1")
                == "config.toml:2: unknown setting \"colours\"; expected one of max-width, indent, fold, dates, mouse, map, hyperlinks, start, "
                + "sort, [keys], [theme], [copy], [pipe], [[kill]]")
        #expect(problem("\n\nwidth = 70").hasPrefix("config.toml:3: unknown setting \"width\""))
        #expect(
            problem("[theme]\nauthor = \"bold\"\nheader = \"red\"")
                == "config.toml:3: unknown theme role \"header\"; expected one of preset, guides, author, op, quote, code, "
                + "link, selection, search-hit, new, muted")
    }

    @Test func unknownActionAndKeyName() {
        #expect(
            problem("[keys]\nquit = \"q\"\nnext-commnet = \"j\"")
                == "config.toml:3: unknown action \"next-commnet\" in [keys]; did you mean next-comment?")
        #expect(
            problem("[keys]\n\nquit = [\"q\", \"ctrl-Q!\"]")
                == "config.toml:3: unknown key name \"ctrl-Q!\"; expected \(KeyName.expectedForm)")
    }

    @Test func aKeyBoundTwiceIsRefused() {
        #expect(
            problem("[keys]\nquit = \"x\"\nnext-comment = [\"j\", \"x\"]")
                == "config.toml:3: key \"x\" is bound to both quit and next-comment")
        #expect(problem("[keys]\nquit = [\"x\", \"x\"]") == "config.toml:2: key \"x\" is bound twice to quit")
    }

    @Test func aColourThatDoesNotExist() {
        #expect(
            problem("[theme]\nlink = \"blurple underline\"")
                == "config.toml:2: no colour or attribute \"blurple\" in link; expected \(Color.expectedForm), "
                + "or bold, underline, reverse, dim")
        #expect(problem("[theme]\nlink = \"256\"").hasPrefix("config.toml:2: no colour or attribute \"256\""))
        #expect(problem("[theme]\nlink = \"#12345\"").hasPrefix("config.toml:2: no colour or attribute \"#12345\""))
        #expect(problem("[theme]\nlink = \"red blue\"").hasPrefix("config.toml:2: link has two colours"))
    }

    @Test func wrongTypes() {
        #expect(
            problem("max-width = \"80\"")
                == "config.toml:1: max-width must be a whole number from 20 to 1000, not the string \"80\"")
        #expect(problem("indent = 80").hasPrefix("config.toml:1: indent must be a whole number from 1 to 8, not 80"))
        #expect(problem("mouse = \"no\"") == "config.toml:1: mouse must be true or false, not the string \"no\"")
        #expect(problem("hyperlinks = 1") == "config.toml:1: hyperlinks must be true or false, not 1")
        #expect(problem("keys = 3") == "config.toml:1: keys must be a table ([keys]), not 3")
        #expect(problem("[keys]\nquit = 1") == "config.toml:2: quit must be a key name or a list of them, not 1")
        #expect(problem("[theme]\nguides = []").hasPrefix("config.toml:2: guides must be a non-empty list"))
    }

    @Test func dottedKeysAtTheTopFindTheirLine() {
        #expect(problem("mouse = true\nkeys.quit = \"??\"").hasPrefix("config.toml:2: unknown key name \"??\""))
    }

    /// A table header with a dot (`[theme.x]`) names the setting it defines: the message names its line.
    @Test func dottedTableHeadersFindTheirLine() {
        #expect(problem("mouse = true\n[x.y]\na = 1").hasPrefix("config.toml:2: unknown setting \"x\""))
        #expect(
            problem("[theme]\nop = \"red\"\n\n[theme.x]\na = 1").hasPrefix("config.toml:4: unknown theme role \"x\""))
        #expect(problem("[keys]\nquit = \"q\"\n[keys.foo]").hasPrefix("config.toml:3: unknown action \"foo\""))
        #expect(problem("[theme]\nop = \"red\"\n[[theme.guides]]").hasPrefix("config.toml:3: guides must be"))
    }

    @Test func controlCharactersInMessagesAreMadeHarmless() {
        let message = problem("[keys]\nquit = \"\\u001b[2J\"")
        #expect(!message.unicodeScalars.contains { $0.value == 0x1B })
        #expect(message == "config.toml:2: unknown key name \"?[2J\"; expected \(KeyName.expectedForm)")
    }

    @Test func printedConfigReadsBackAsTheSame() throws {
        var preferences = try parse("[keys]\nquit = [\"Esc\", \"\\\"\"]\n[theme]\ncode = \"#ff8800 dim\"")
        preferences.foldOnOpen = .depth(3)
        let text = preferences.toml(actions: actions)
        #expect(try parse(text) == preferences)
        #expect(text.contains("quit = [\"Esc\", \"\\\"\"]\n"))
        #expect(text.contains("next-comment = [\"j\", \"Down\"]\n"))
        #expect(text.contains("toggle-fold = [\"Space\", \"Enter\"]\n"))
    }

    @Test func defaultConfigPrintsEveryDefault() throws {
        let text = Preferences(actions: actions).toml(actions: actions)
        #expect(try parse(text) == Preferences(actions: actions))
        for line in [
            "max-width = 80", "indent = 2", "fold = \"open\"", "dates = \"relative\"", "mouse = true",
            "map = \"hidden\"", "hyperlinks = true",
        ] {
            #expect(text.contains("\n" + line + "\n"), "\(line)")
        }
    }

    @Test func configPathFollowsXDG() {
        #expect(
            Preferences.configPath(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"])
                == "/x/cfg/tread/config.toml")
        #expect(
            Preferences.configPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/a"])
                == "/home/a/.config/tread/config.toml")
        #expect(Preferences.configPath(environment: [:]) == nil)
    }

    @Test func aHugeFileIsNotAConfig() {
        let text = "[keys]\n" + (0..<100_000).map { "a\($0) = \"x\"" }.joined(separator: "\n")
        #expect(problem(text) == "config.toml: is over 1,048,576 bytes; not a config")
    }

    @Test func deepNestingIsASyntaxErrorNotACrash() {
        let text = "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(problem(text).hasPrefix("config.toml: is over") || problem(text).contains("not valid TOML"))
        let small = "a = " + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        #expect(problem(small).hasPrefix("config.toml:1: not valid TOML"))
    }

    @Test func aMissingFileIsTheDefaults() throws {
        let preferences = try Preferences.load(path: "/nonexistent/tread/config.toml", actions: actions)
        #expect(preferences == Preferences(actions: actions))
    }
}

@Suite struct StartListSettingTests {
    @Test func startNamesAListAndPrintsBack() throws {
        let actions = [BindableAction]()
        let preferences = try Preferences.parse("start = \"r/swift\"\n", path: "config.toml", actions: actions)
        #expect(preferences.start == "r/swift")
        #expect(preferences.toml(actions: actions).contains("start = \"r/swift\""))
        #expect(Preferences(actions: actions).toml(actions: actions).contains("# start = \"hn\""))
    }
}
