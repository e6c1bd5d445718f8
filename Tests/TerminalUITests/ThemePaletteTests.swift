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
