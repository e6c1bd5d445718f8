import CNcursesw
import Reader
import Testing

@testable import TerminalUI

struct PaletteTests {
    @Test(arguments: [Palette.Depth.basic, .extended])
    func levelsCycleThroughSixDistinctColours(depth: Palette.Depth) {
        let palette = Palette(depth: depth)
        let pairs = (0..<6).map { palette.attributes(for: CellStyle(tint: .level($0))).pair }
        #expect(Set(pairs).count == 6)
        let foregrounds = pairs.map { palette.pairColors[Int($0) - 1].foreground }
        #expect(Set(foregrounds).count == 6)
        #expect(palette.attributes(for: CellStyle(tint: .level(6))).pair == pairs[0])
        #expect(palette.attributes(for: CellStyle(tint: .level(-1))).pair == pairs[5])
    }

    @Test func extendedLevelsUseThe256ColourPalette() {
        #expect(Palette(depth: .extended).pairColors.prefix(6).allSatisfy { $0.foreground >= 16 })
        #expect(Palette(depth: .basic).pairColors.allSatisfy { $0.foreground < 8 && $0.background < 8 })
    }

    @Test(arguments: [Tint.plain, .level(0), .level(4), .accent, .muted, .highlight])
    func withoutColourEveryTintIsPairZero(tint: Tint) {
        #expect(Palette(depth: .none).attributes(for: CellStyle(tint: tint)).pair == 0)
        #expect(Palette(depth: .none).pairColors.isEmpty)
    }

    @Test func withoutColourRolesBecomeAttributes() {
        let palette = Palette(depth: .none)
        #expect(palette.attributes(for: CellStyle(tint: .highlight)).attributes & nc_a_reverse() != 0)
        #expect(palette.attributes(for: CellStyle(tint: .muted)).attributes & nc_a_dim() != 0)
        #expect(palette.attributes(for: CellStyle(tint: .accent)).attributes & nc_a_bold() != 0)
    }

    /// A hit as the reader draws it: its own background where there are colours, reverse video
    /// where there are none; never reverse over the highlight colour (that made it yellow on black).
    @Test(arguments: [Palette.Depth.none, .basic, .extended])
    func aSearchHitStandsOut(depth: Palette.Depth) {
        let palette = Palette(depth: depth)
        let hit = palette.attributes(for: CellStyle(tint: .highlight, bold: true, underline: true))
        if depth == .none {
            #expect(hit.attributes & nc_a_reverse() != 0)
        } else {
            #expect(hit.attributes & nc_a_reverse() == 0)
            #expect(palette.pairColors[Int(hit.pair) - 1].background >= 0)
        }
    }

    @Test func styleFlagsBecomeAttributes() {
        let style = CellStyle(bold: true, dim: true, reverse: true, underline: true, italic: true)
        let all = nc_a_bold() | nc_a_dim() | nc_a_reverse() | nc_a_underline() | nc_a_italic()
        #expect(Palette(depth: .extended).attributes(for: style).attributes == all)
    }

    @Test func automaticFollowsTheTerminalAndNoColor() {
        #expect(ColorMode.automatic.depth(noColor: false, hasColors: true, colors: 256, pairs: 65536) == .extended)
        #expect(ColorMode.automatic.depth(noColor: false, hasColors: true, colors: 8, pairs: 64) == .basic)
        #expect(ColorMode.automatic.depth(noColor: false, hasColors: false, colors: 0, pairs: 0) == Palette.Depth.none)
        #expect(
            ColorMode.automatic.depth(noColor: true, hasColors: true, colors: 256, pairs: 65536) == Palette.Depth.none)
        #expect(ColorMode.off.depth(noColor: false, hasColors: true, colors: 256, pairs: 65536) == Palette.Depth.none)
        #expect(ColorMode.basic.depth(noColor: false, hasColors: true, colors: 256, pairs: 65536) == .basic)
        #expect(ColorMode.palette256.depth(noColor: false, hasColors: true, colors: 8, pairs: 64) == .basic)
    }

    @Test func noColorCountsWhenSetAndNotEmpty() {
        #expect(ColorMode.noColorRequested("1"))
        #expect(ColorMode.noColorRequested("0"))
        #expect(!ColorMode.noColorRequested(""))
        #expect(!ColorMode.noColorRequested(nil))
    }
}
