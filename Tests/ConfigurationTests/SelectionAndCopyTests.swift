import Testing

@testable import Configuration

/// The `selection` theme role and the `[copy]` command (issue 13).
@Suite struct SelectionAndCopyTests {
    @Test func selectionDefaultsToReverseVideo() throws {
        #expect(try parse("").theme.selection == Style(reverse: true))
    }

    @Test func selectionTakesAColourAndAttributes() throws {
        let theme = try parse("[theme]\nselection = \"bright-yellow underline\"").theme
        #expect(theme.selection == Style(.indexed(11), underline: true))
        #expect(try parse("[theme]\nselection = \"#0000ff\"").theme.selection == Style(.indexed(21)))
    }

    @Test func aBadSelectionNamesTheLineAndTheWord() {
        #expect(
            problem("[theme]\nauthor = \"red\"\nselection = \"reversed\"")
                == "config.toml:3: no colour or attribute \"reversed\" in selection; expected \(Color.expectedForm), "
                + "or bold, underline, reverse, dim")
        #expect(
            problem("[theme]\nselection = 3")
                == "config.toml:2: selection must be a style such as \"cyan bold\", not 3")
        #expect(problem("[theme]\nselection = \"red 208\"").hasPrefix("config.toml:2: selection has two colours"))
    }

    @Test func tomlPrintsTheSelectionWithWhatItColours() throws {
        let text = try parse("[theme]\nselection = \"cyan bold\"").toml(actions: actions)
        #expect(
            text.contains(
                """
                # the selected comment: its header in this style, the bar beside its text in this colour
                selection = "cyan bold"

                """))
        #expect(Preferences(actions: actions).toml(actions: actions).contains("\nselection = \"reverse\"\n"))
    }

    @Test func copyCommandIsAListOfWords() throws {
        #expect(try parse("").copyCommand == nil)
        #expect(try parse("[copy]\ncommand = [\"wl-copy\"]").copyCommand == ["wl-copy"])
        let xclip = try parse("[copy]\ncommand = [\"xclip\", \"-selection\", \"clipboard\"]").copyCommand
        #expect(xclip == ["xclip", "-selection", "clipboard"])
        #expect(try parse("[copy]\ncommand = []").copyCommand == nil)
        #expect(try parse("copy.command = [\"pbcopy\"]").copyCommand == ["pbcopy"])
    }

    @Test func aShellStringIsNotACommand() {
        #expect(
            problem("[copy]\ncommand = \"wl-copy --trim\"")
                == "config.toml:2: command must be a list of the program and its arguments, such as [\"wl-copy\"] "
                + "(no shell runs it), not the string \"wl-copy --trim\"")
        #expect(problem("[copy]\ncommand = [\"xclip\", 1]").hasPrefix("config.toml:2: command must be a list"))
        #expect(problem("copy = [\"xclip\"]") == "config.toml:1: copy must be a table ([copy]), not a list")
    }

    @Test func aCommandNeedsAProgramAndNoControls() {
        #expect(
            problem("[copy]\n\ncommand = [\"\", \"x\"]")
                == "config.toml:3: command's first word must name the program, not be empty")
        #expect(
            problem("[copy]\ncommand = [\"xclip\", \"a\\nb\"]")
                == "config.toml:2: a word of command holds a control character (a newline?): \"a?b\"")
        let long = String(repeating: "x", count: 5000)
        #expect(problem("[copy]\ncommand = [\"\(long)\"]").hasPrefix("config.toml:2: a word of command is over 4,096"))
        let many = (0..<65).map { "\"w\($0)\"" }.joined(separator: ", ")
        #expect(problem("[copy]\ncommand = [\(many)]") == "config.toml:2: command has 65 words; at most 64")
    }

    @Test func anUnknownCopySetting() {
        #expect(
            problem("[copy]\ncommand = [\"wl-copy\"]\ntimeout = 3")
                == "config.toml:3: unknown setting \"timeout\" in [copy]; expected command")
    }

    @Test func printedCopyCommandReadsBack() throws {
        var preferences = Preferences(actions: actions)
        preferences.copyCommand = ["my copy", "--label=\"a\\b\""]
        let text = preferences.toml(actions: actions)
        #expect(text.contains("[copy]\ncommand = [\"my copy\", \"--label=\\\"a\\\\b\\\"\"]\n"))
        #expect(try parse(text) == preferences)
        #expect(Preferences(actions: actions).toml(actions: actions).contains("[copy]\ncommand = []\n"))
    }
}
