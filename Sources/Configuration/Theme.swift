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

/// How one role of the screen is drawn: a colour and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var color: Color = .terminalDefault
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(
        _ color: Color = .terminalDefault, bold: Bool = false, underline: Bool = false, reverse: Bool = false,
        dim: Bool = false
    ) {
        self.color = color
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let attributes = ["bold", "underline", "reverse", "dim"]

    /// Parses words such as `cyan bold` or `#ff8800 underline`; at most one colour. Nil with the
    /// offending word when a word is neither a colour nor an attribute.
    public static func parse(_ text: String) -> Result<Style, StyleWordError> {
        var style = Style()
        var sawColor = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init) {
            switch word.lowercased() {
            case "bold": style.bold = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "dim": style.dim = true
            default:
                guard let color = Color(parsing: word) else { return .failure(StyleWordError(word: word)) }
                guard !sawColor else { return .failure(StyleWordError(word: word, secondColor: true)) }
                style.color = color
                sawColor = true
            }
        }
        return .success(style)
    }

    /// The style as a config file writes it (`cyan bold`, `default`).
    public var description: String {
        var words = color == .terminalDefault && (bold || underline || reverse || dim) ? [] : [color.description]
        if bold { words.append("bold") }
        if underline { words.append("underline") }
        if reverse { words.append("reverse") }
        if dim { words.append("dim") }
        return words.joined(separator: " ")
    }
}

/// A word of a style that is neither a colour nor an attribute, or a second colour.
public struct StyleWordError: Error, Equatable {
    public var word: String
    public var secondColor = false
}

/// The colours of the screen by role. The defaults use the terminal's own palette.
public struct Theme: Equatable, Sendable {
    /// The thread guides' colours, by depth, repeating.
    public var guides: [Style] = [
        Palette16.blue, Palette16.magenta, Palette16.cyan, Palette16.green, Palette16.yellow, Palette16.red,
    ].map { Style(.indexed($0)) }
    public var author = Style(bold: true)
    public var op = Style(.indexed(Palette16.green), bold: true)
    public var quote = Style(dim: true)
    public var code = Style(.indexed(Palette16.cyan))
    public var link = Style(.indexed(Palette16.blue), underline: true)
    public var selection = Style(reverse: true)
    public var searchHit = Style(.indexed(Palette16.black), reverse: true)
    public var new = Style(.indexed(Palette16.yellow), bold: true)
    public var muted = Style(dim: true)

    public init() {}

    /// Roles as the `[theme]` table names them, `guides` apart (it is a list).
    public static let roleNames = [
        "author", "op", "quote", "code", "link", "selection", "search-hit", "new", "muted",
    ]

    public subscript(role name: String) -> Style? {
        get {
            switch name {
            case "author": return author
            case "op": return op
            case "quote": return quote
            case "code": return code
            case "link": return link
            case "selection": return selection
            case "search-hit": return searchHit
            case "new": return new
            case "muted": return muted
            default: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch name {
            case "author": author = newValue
            case "op": op = newValue
            case "quote": quote = newValue
            case "code": code = newValue
            case "link": link = newValue
            case "selection": selection = newValue
            case "search-hit": searchHit = newValue
            case "new": new = newValue
            case "muted": muted = newValue
            default: break
            }
        }
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
