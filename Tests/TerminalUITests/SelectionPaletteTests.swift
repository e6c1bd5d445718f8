import CNcursesw
import Reader
import Testing

@testable import TerminalUI

/// The `selection` role: how the selected comment's header and bar look at each colour depth (issue 13).
struct SelectionPaletteTests {
    static func theme(selection: TerminalTheme.Role) -> TerminalTheme {
        var theme = ThemePaletteTests.theme
        theme.selection = selection
        return theme
    }

    static let header = CellStyle(tint: .level(1), selected: true)
    static let bar = CellStyle(tint: .selection, bold: true)

    /// Reverse video over each cell's own colour: the look tread had before the role, at every depth.
    @Test(arguments: [Palette.Depth.extended, .basic, .none])
    func theDefaultIsReverseVideoOverTheCellsOwnColour(depth: Palette.Depth) {
        let themed = Palette(depth: depth, theme: Self.theme(selection: TerminalTheme.Role(reverse: true)))
        let plain = Palette(depth: depth)
        for palette in [themed, plain] {
            let own = palette.attributes(for: CellStyle(tint: .level(1)))
            let selected = palette.attributes(for: Self.header)
            #expect(selected.pair == own.pair)
            #expect(selected.attributes == own.attributes | nc_a_reverse())
        }
    }

    @Test func aColourAndAttributesReplaceTheCellsColour() {
        let theme = Self.theme(selection: TerminalTheme.Role(color: 208, bold: true))
        let palette = Palette(depth: .extended, theme: theme)
        let selected = palette.attributes(for: Self.header)
        #expect(palette.pairColors[Int(selected.pair) - 1].foreground == 208)
        #expect(selected.attributes & nc_a_bold() != 0 && selected.attributes & nc_a_reverse() == 0)
        let bar = palette.attributes(for: Self.bar)
        #expect(bar.pair == selected.pair && bar.attributes & nc_a_reverse() == 0)
    }

    @Test func eightColoursTakeTheBasicTwinOfABrightColour() {
        let palette = Palette(depth: .basic, theme: Self.theme(selection: TerminalTheme.Role(color: 11)))
        let selected = palette.attributes(for: Self.header)
        #expect(palette.pairColors[Int(selected.pair) - 1].foreground == 3)
    }

    /// A colour the terminal cannot show and no attribute would leave the selection unmarked.
    @Test func aSelectionThatWouldVanishIsReversed() {
        let onlyColour = Self.theme(selection: TerminalTheme.Role(color: 208))
        for palette in [Palette(depth: .basic, theme: onlyColour), Palette(depth: .none, theme: onlyColour)] {
            let selected = palette.attributes(for: Self.header)
            #expect(selected.attributes & nc_a_reverse() != 0)
        }
        let none = Palette(depth: .none, theme: Self.theme(selection: TerminalTheme.Role(underline: true)))
        let underlined = none.attributes(for: Self.header)
        #expect(underlined.pair == 0 && underlined.attributes & nc_a_underline() != 0)
        #expect(underlined.attributes & nc_a_reverse() == 0)
    }

    /// Without a selection colour the bar keeps the accent: bold in the terminal's own colour with a
    /// theme (never another role's pair), tread's accent colour without one.
    @Test func theBarKeepsTheAccentWithoutASelectionColour() {
        let theme = Self.theme(selection: TerminalTheme.Role(reverse: true))
        for depth in [Palette.Depth.extended, .basic, .none] {
            let bar = Palette(depth: depth, theme: theme).attributes(for: Self.bar)
            #expect(bar.pair == 0 && bar.attributes == nc_a_bold(), "\(depth)")
            let accent = Palette(depth: depth, theme: theme).attributes(for: CellStyle(tint: .accent))
            #expect(accent.pair == 0 && accent.attributes == nc_a_bold(), "\(depth)")
        }
        let builtIn = Palette(depth: .extended).attributes(for: Self.bar)
        #expect(builtIn.pair == Palette.accentPair && builtIn.attributes == nc_a_bold())
    }
}
