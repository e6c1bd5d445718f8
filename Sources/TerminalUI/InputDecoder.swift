import CNcursesw
import Reader

/// Turns what `get_wch` and `getmouse` return into `Key`s and `MouseEvent`s; pure, so it is tested as a table.
enum InputDecoder {
    /// The key for one `get_wch` result: `status` is OK for a character, KEY_CODE_YES for a key code.
    ///
    /// Returns nil for input the reader has no use for (other control characters, unknown key codes).
    static func key(status: Int32, code: UInt32) -> Key? {
        switch status {
        case OK: return character(code)
        case KEY_CODE_YES: return keyCode(Int32(bitPattern: code))
        default: return nil
        }
    }

    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26:
            return Unicode.Scalar(UInt32(0x60) + code).map { .control(Character($0)) }
        case 0..<0x20, 0x80..<0xA0:
            return nil
        default:
            return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        // Some terminals send Find and Select for the Home and End of the editing keypad.
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// The mouse event for a `getmouse` report; nil for releases and motion.
    ///
    /// With `mouseinterval(0)` a click comes as a press and a release, never as a
    /// "clicked" too, so reporting presses and clicks never reports one click twice.
    static func mouse(buttons: mmask_t, row: Int, column: Int) -> MouseEvent? {
        if buttons & nc_button4_pressed() != 0 { return MouseEvent(.wheelUp, row: row, column: column) }
        if buttons & nc_button5_pressed() != 0 { return MouseEvent(.wheelDown, row: row, column: column) }
        let click =
            nc_button1_pressed() | nc_button1_clicked() | nc_button1_double_clicked() | nc_button1_triple_clicked()
        if buttons & click != 0 { return MouseEvent(.click, row: row, column: column) }
        return nil
    }
}
