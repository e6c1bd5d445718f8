import CNcursesw
import Reader
import Testing

@testable import TerminalUI

/// The config's theme decides each role's colour pair and attributes (issue 13).
struct ThemePaletteTests {
    static let theme = TerminalTheme(
        guides: [TerminalTheme.Role(color: 4), TerminalTheme.Role(color: 5)],
        author: TerminalTheme.Role(color: 1, bold: true), op: TerminalTheme.Role(color: 208, bold: true),
        quote: TerminalTheme.Role(dim: true), code: TerminalTheme.Role(color: 6),
        link: TerminalTheme.Role(color: 4, underline: true), searchHit: TerminalTheme.Role(color: 0, reverse: true),
        new: TerminalTheme.Role(color: 3), muted: TerminalTheme.Role(dim: true))

    @Test func eachRoleGetsItsColourAndAttributes() {
        let palette = Palette(depth: .extended, theme: Self.theme)
        let author = palette.attributes(for: CellStyle(tint: .author))
        #expect(palette.pairColors[Int(author.pair) - 1].foreground == 1)
        #expect(author.attributes & nc_a_bold() != 0)
        let op = palette.attributes(for: CellStyle(tint: .op))
        #expect(palette.pairColors[Int(op.pair) - 1].foreground == 208)
        let link = palette.attributes(for: CellStyle(tint: .link))
        #expect(link.attributes & nc_a_underline() != 0)
    }

    @Test func guidesCycleThroughTheThemesList() {
        let palette = Palette(depth: .extended, theme: Self.theme)
        let pairs = (0..<4).map { palette.attributes(for: CellStyle(tint: .level($0))).pair }
        #expect(pairs[0] == pairs[2] && pairs[1] == pairs[3] && pairs[0] != pairs[1])
        #expect(palette.pairColors[Int(pairs[1]) - 1].foreground == 5)
    }

    @Test func theTerminalsOwnColourNeedsNoPair() {
        let palette = Palette(depth: .extended, theme: Self.theme)
        #expect(palette.attributes(for: CellStyle(tint: .quote)).pair == 0)
        #expect(palette.attributes(for: CellStyle(tint: .quote)).attributes & nc_a_dim() != 0)
    }

    @Test func eightColoursLoseThe256ColourOnes() {
        let palette = Palette(depth: .basic, theme: Self.theme)
        let op = palette.attributes(for: CellStyle(tint: .op))
        #expect(palette.pairColors[Int(op.pair) - 1].foreground == -1)
        #expect(palette.pairColors.allSatisfy { $0.foreground < 8 })
    }

    @Test func withoutColourAHitStillStandsOut() {
        let palette = Palette(depth: .none, theme: Self.theme)
        #expect(palette.pairColors.isEmpty)
        let hit = palette.attributes(for: CellStyle(tint: .highlight))
        #expect(hit.pair == 0 && hit.attributes & nc_a_reverse() != 0)
    }
}

/// A preset's screen colours: every pair on its background, and on eight colours the twins it names.
@Suite struct ThemePresetPaletteTests {
    /// The dark preset as `tread` hands it over: roles, screen colours and basic twins.
    static let dark: TerminalTheme = {
        var theme = TerminalTheme(
            guides: [75, 176].map { TerminalTheme.Role(color: $0) }, author: TerminalTheme.Role(color: 255, bold: true),
            op: TerminalTheme.Role(color: 114, bold: true), quote: TerminalTheme.Role(color: 246),
            code: TerminalTheme.Role(color: 109), link: TerminalTheme.Role(color: 75, underline: true),
            searchHit: TerminalTheme.Role(color: 220, reverse: true), new: TerminalTheme.Role(color: 214),
            muted: TerminalTheme.Role(color: 244))
        theme.foreground = 252
        theme.background = 234
        theme.basicTwins = [234: 0, 252: 7, 255: 7, 75: 4, 176: 5, 114: 2, 109: 6, 220: 3, 214: 3]
        return theme
    }()

    @Test func everyPairIsDrawnOnThePresetsBackground() {
        let palette = Palette(depth: .extended, theme: Self.dark)
        #expect(palette.pairColors.allSatisfy { $0.background == 234 })
        let guide = palette.attributes(for: CellStyle(tint: .level(1)))
        #expect(palette.pairColors[Int(guide.pair) - 1].foreground == 176)
        #expect(palette.fitted(Self.dark.foreground) == 252)
    }

    @Test func eightColoursTakeThePresetsTwins() {
        let palette = Palette(depth: .basic, theme: Self.dark)
        #expect(palette.pairColors.allSatisfy { $0.background == 0 && $0.foreground < 8 })
        let link = palette.attributes(for: CellStyle(tint: .link))
        #expect(palette.pairColors[Int(link.pair) - 1].foreground == 4)
        // A grey without a twin takes the screen's text colour.
        #expect(palette.pairColors[Int(palette.attributes(for: CellStyle(tint: .muted)).pair) - 1].foreground == -1)
        #expect(palette.fitted(Self.dark.foreground) == 7)
    }

    @Test func withoutColourAPresetIsAttributesOnly() {
        let palette = Palette(depth: .none, theme: Self.dark)
        #expect(palette.pairColors.isEmpty)
        #expect(palette.attributes(for: CellStyle(tint: .author)).attributes & nc_a_bold() != 0)
    }

    @Test func theTerminalsOwnLookForcesNoBackground() {
        let palette = Palette(depth: .extended, theme: ThemePaletteTests.theme)
        #expect(palette.pairColors.allSatisfy { $0.background == -1 })
    }
}
