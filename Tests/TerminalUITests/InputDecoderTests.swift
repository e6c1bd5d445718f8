import CNcursesw
import Reader
import Testing

@testable import TerminalUI

/// The decoding table, without a screen.
struct InputDecoderTests {
    @Test(arguments: [
        (UInt32(0x61), Key.character("a")), (0x20, .character(" ")), (0x7E, .character("~")),
        (0xE9, .character("é")), (0x4E16, .character("世")), (0x1F30D, .character("🌍")),
        (0x01, .control("a")), (0x0E, .control("n")), (0x10, .control("p")), (0x1A, .control("z")),
        (0x09, .tab), (0x0A, .enter), (0x0D, .enter), (0x08, .backspace), (0x7F, .backspace),
        (0x1B, .escape),
    ])
    func characters(code: UInt32, key: Key) {
        #expect(InputDecoder.key(status: OK, code: code) == key)
    }

    @Test(arguments: [UInt32(0x00), 0x1C, 0x1F, 0x85, 0x9B, 0xD800, 0x110000])
    func controlAndInvalidCodesAreSkipped(code: UInt32) {
        #expect(InputDecoder.key(status: OK, code: code) == nil)
    }

    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
        (KEY_HOME, .home), (KEY_FIND, .home), (KEY_END, .end), (KEY_SELECT, .end),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace),
        (KEY_F0 + 1, .function(1)), (KEY_F0 + 5, .function(5)), (KEY_F0 + 12, .function(12)),
        (KEY_F0 + 63, .function(63)),
    ])
    func keyCodes(code: Int32, key: Key) {
        #expect(InputDecoder.key(status: KEY_CODE_YES, code: UInt32(bitPattern: code)) == key)
    }

    @Test func unknownKeyCodesAndErrorsAreSkipped() {
        #expect(InputDecoder.key(status: KEY_CODE_YES, code: UInt32(KEY_DC)) == nil)
        #expect(InputDecoder.key(status: KEY_CODE_YES, code: UInt32(KEY_F0)) == nil)
        #expect(InputDecoder.key(status: ERR, code: 0x61) == nil)
    }

    @Test func wheelScrollsAndButtonOneClicks() {
        #expect(
            InputDecoder.mouse(buttons: nc_button4_pressed(), row: 3, column: 9)
                == MouseEvent(.wheelUp, row: 3, column: 9))
        #expect(
            InputDecoder.mouse(buttons: nc_button5_pressed(), row: 4, column: 1)
                == MouseEvent(.wheelDown, row: 4, column: 1))
        #expect(
            InputDecoder.mouse(buttons: nc_button1_pressed(), row: 0, column: 2)
                == MouseEvent(.click, row: 0, column: 2))
        #expect(
            InputDecoder.mouse(buttons: nc_button1_clicked(), row: 0, column: 2)
                == MouseEvent(.click, row: 0, column: 2))
    }

    @Test func releasesAndMotionAreSkipped() {
        // A click is a press then a release: only the press counts.
        #expect(InputDecoder.mouse(buttons: nc_button1_released(), row: 0, column: 0) == nil)
        #expect(InputDecoder.mouse(buttons: nc_report_mouse_position(), row: 0, column: 0) == nil)
    }
}
