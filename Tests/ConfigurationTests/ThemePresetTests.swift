import Testing

@testable import Configuration

/// `theme = "terminal" | "dark" | "light"`: a preset's roles and screen colours, and `[theme]` roles over them.
@Suite struct ThemePresetTests {
    @Test func withoutAPresetTheLookIsTheTerminalsAsBefore() throws {
        let theme = try parse("").theme
        #expect(theme == Theme())
        #expect(theme == Theme(preset: .terminal))
        #expect(theme.background == .terminalDefault && theme.foreground == .terminalDefault)
        #expect(try parse("theme = \"terminal\"").theme == Theme())
    }

    @Test func darkSetsLightTextOnADarkScreen() throws {
        let theme = try parse("theme = \"dark\"").theme
        #expect(theme.preset == .dark)
        #expect(theme.background == .indexed(234) && theme.foreground == .indexed(252))
        #expect(theme.guides.map(\.color) == [75, 176, 80, 114, 179, 203].map { Color.indexed($0) })
        #expect(theme.link == Style(.indexed(75), underline: true))
        #expect(theme.searchHit == Style(.indexed(220), reverse: true))
        #expect(theme.selection == Style(reverse: true))
    }

    @Test func lightSetsDarkTextOnALightScreen() throws {
        let theme = try parse("theme = \"light\"").theme
        #expect(theme.background == .indexed(255) && theme.foreground == .indexed(236))
        #expect(theme.guides.map(\.color) == [25, 90, 30, 28, 130, 124].map { Color.indexed($0) })
        #expect(theme.op == Style(.indexed(28), bold: true))
    }

    @Test func everyPresetColourHasABasicTwin() {
        for preset in [ThemePreset.dark, .light] {
            let theme = Theme(preset: preset)
            var colours = theme.guides.map(\.color) + [theme.background, theme.foreground]
            colours += [theme.author, theme.op, theme.code, theme.link, theme.searchHit, theme.new].map(\.color)
            for case .indexed(let index) in colours {
                #expect(theme.basicTwins[index].map { $0 < 8 } == true, "\(preset) \(index)")
            }
        }
    }

    @Test func aRoleTheConfigSetsOverridesThePresets() throws {
        let theme = try parse("[theme]\nlink = \"red\"\npreset = \"light\"").theme
        #expect(theme.link == Style(.indexed(1)))
        #expect(theme.background == .indexed(255))
        #expect(theme.op == Theme(preset: .light).op)
    }

    @Test func aBadPresetIsAConfigError() {
        #expect(
            problem("max-width = 70\ntheme = \"blue\"")
                == "config.toml:2: theme must be \"terminal\", \"dark\" or \"light\", not \"blue\"")
        #expect(
            problem("[theme]\npreset = \"Dark\"")
                == "config.toml:2: preset must be \"terminal\", \"dark\" or \"light\", not \"Dark\"")
        #expect(
            problem("theme = 3")
                == "config.toml:1: theme must be \"terminal\", \"dark\" or \"light\" or a table ([theme]), not 3")
    }

    @Test func tomlShowsThePresetAndReadsBackTheSameTheme() throws {
        let dark = try parse("theme = \"dark\"\n[keys]\nquit = \"Q\"")
        let text = dark.toml(actions: actions)
        #expect(text.contains("[theme]\npreset = \"dark\"\nguides = [\"75\", "))
        #expect(try parse(text) == dark)
        #expect(Preferences(actions: actions).toml(actions: actions).contains("[theme]\npreset = \"terminal\"\n"))
    }
}
