/// A terminal colour as a config file names it.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground.
    case terminalDefault
    /// 0–7 the basic ANSI colours, 8–15 their bright twins, 16–255 the 256-colour palette.
    case indexed(UInt8)

    public static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta",
        "bright-cyan", "bright-white",
    ]

    public static let expectedForm =
        "a colour name (black red green yellow blue magenta cyan white, bright-<name>, "
        + "default), a number 0–255 or #rrggbb"

    /// Parses `blue`, `bright-red`, `default`, `208` or `#ff8800` (mapped to the nearest of the 256 colours).
    public init?(parsing text: String) {
        let lower = text.lowercased()
        if lower == "default" {
            self = .terminalDefault
        } else if let k = Self.names.firstIndex(of: lower) {
            self = .indexed(UInt8(k))
        } else if lower.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }), let n = UInt8(lower) {
            self = .indexed(n)
        } else if lower.hasPrefix("#"), lower.count == 7, let rgb = UInt32(lower.dropFirst(), radix: 16),
            lower.dropFirst().allSatisfy(\.isHexDigit)
        {
            self = .indexed(Self.nearest(red: Int(rgb >> 16), green: Int(rgb >> 8 & 255), blue: Int(rgb & 255)))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .terminalDefault: return "default"
        case .indexed(let n): return n < 16 ? Self.names[Int(n)] : String(n)
        }
    }

    /// The 256-colour index nearest to an RGB colour: the 6×6×6 cube or the 24-step grey ramp.
    static func nearest(red: Int, green: Int, blue: Int) -> UInt8 {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeStep(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) } ?? 0 }
        let (r, g, b) = (cubeStep(red), cubeStep(green), cubeStep(blue))
        func distance(_ x: (Int, Int, Int)) -> Int {
            (x.0 - red) * (x.0 - red) + (x.1 - green) * (x.1 - green) + (x.2 - blue) * (x.2 - blue)
        }
        let cube = (levels[r], levels[g], levels[b])
        let average = (red + green + blue) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + 10 * greyStep
        if distance((grey, grey, grey)) < distance(cube) { return UInt8(232 + greyStep) }
        return UInt8(16 + 36 * r + 6 * g + b)
    }
}

/// The basic ANSI colour numbers.
enum Palette16 {
    static let black: UInt8 = 0
    static let red: UInt8 = 1
    static let green: UInt8 = 2
    static let yellow: UInt8 = 3
    static let blue: UInt8 = 4
    static let magenta: UInt8 = 5
    static let cyan: UInt8 = 6
}
