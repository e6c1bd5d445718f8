import ThreadModel

/// OSC 52: puts text on the terminal's clipboard (and tmux's buffer with `set-clipboard on`).
public enum ClipboardSequence {
    /// Terminals drop longer sequences (hterm at 100,000 bytes); 75,000 bytes of text
    /// encode to 100,000 of base64.
    public static let maximumBytes = 75_000

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tooLarge(bytes: Int)

        public var description: String {
            switch self {
            case .tooLarge(let bytes):
                return "\(CountText.grouped(bytes)) bytes is too much to copy through the terminal "
                    + "(at most \(CountText.grouped(maximumBytes))); "
                    + "set a copy command in the config"
            }
        }
    }

    /// The sequence that sets the clipboard to `text`; any bytes are safe inside base64.
    public static func copy(_ text: String) throws(Failure) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count) }
        return "\u{1B}]52;c;" + base64(bytes) + "\u{1B}\\"
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int((n >> UInt32(shift)) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
