/// Greedy line breaking over a stream of grapheme clusters: the engine under `Wrapper` and
/// `BodyLayout`.
///
/// One pass, O(n), no recursion: clusters go into the current word, a word goes onto the current
/// line when it fits and onto a new line when it doesn't, and a word wider than a whole line is
/// cut between clusters. Break opportunities are runs of spaces (dropped at a break) and the
/// boundaries around wide characters, so CJK text without spaces wraps too; a wide opening
/// bracket stays with what follows it and wide closing punctuation with what precedes it.
struct LineBreaker {
    /// One output line; `indent` columns of blank precede `text`.
    struct Line: Equatable {
        var text: String
        var width: Int
        var indent: Int
    }

    /// Breaks `text` (sanitised, one logical line; a "\n" counts as a space) into lines of at
    /// most `width` columns including indents; never returns an empty array.
    static func lines(
        of text: some StringProtocol, width: Int, firstIndent: Int = 0, hangingIndent: Int = 0
    ) -> [Line] {
        var breaker = LineBreaker(width: width, firstIndent: firstIndent, hangingIndent: hangingIndent)
        for character in text { breaker.append(character) }
        return breaker.finish()
    }

    /// Cuts `text` between clusters into pieces of at most `width` columns, keeping spaces
    /// (for code, which must not be re-flowed); never returns an empty array.
    static func pieces(of text: some StringProtocol, width: Int, indent: Int) -> [Line] {
        var breaker = LineBreaker(width: width, firstIndent: indent, hangingIndent: indent)
        for character in text {
            guard let (cluster, columns) = prepared(character) else { continue }
            breaker.place(cluster, columns: columns)
        }
        if !breaker.line.isEmpty || breaker.lines.isEmpty { breaker.endLine() }
        return breaker.lines
    }

    /// What a cluster that cannot fit even an empty line becomes (a wide character on a line
    /// one column wide): it says something was there without breaking the column count.
    static let tooWide = "\u{2026}"

    /// The text and width to lay out for `character`, or nil to drop it (it draws nothing).
    ///
    /// A cluster that starts with a combining mark gets the dotted circle `drawable` would draw,
    /// so it cannot fuse with whatever ends up before it on the line.
    @inline(__always)
    static func prepared(_ character: Character) -> (String, Int)? {
        let columns = TextWidth.of(character)
        if columns == 0 { return nil }
        if character.asciiValue == nil, let first = character.unicodeScalars.first,
            WidthTable.kind(of: first) == .mark, !(0xFE00...0xFE0F).contains(first.value)
        {
            return ("\u{25CC}" + String(character), columns)
        }
        return (String(character), columns)
    }

    private let width: Int
    private let hangingIndent: Int
    private var lines: [Line] = []
    private var line = ""
    private var lineWidth = 0
    private var indent: Int
    private var word = ""
    private var wordWidth = 0
    /// Spaces seen since the last word was placed; dropped if a break falls there.
    private var spaces = 0
    /// Whether a line may break between the word so far and the next cluster (after a wide one).
    private var breakable = false

    private var available: Int { width - indent }

    init(width: Int, firstIndent: Int, hangingIndent: Int) {
        self.width = max(1, width)
        // Leave at least one column of text on every line.
        self.indent = min(max(0, firstIndent), self.width - 1)
        self.hangingIndent = min(max(0, hangingIndent), self.width - 1)
    }

    mutating func append(_ character: Character) {
        if character == " " || character == "\n" {
            placeWord()
            spaces += 1
            breakable = false
            return
        }
        guard let (cluster, columns) = Self.prepared(character) else { return }
        var opening = false
        var closing = false
        if columns == 2, let first = character.unicodeScalars.first {
            switch first.properties.generalCategory {
            case .openPunctuation, .initialPunctuation: opening = true
            case .closePunctuation, .finalPunctuation, .otherPunctuation: closing = true
            default: break
            }
        }
        if !word.isEmpty && (breakable || (columns == 2 && !closing)) { placeWord() }
        word += cluster
        wordWidth += columns
        breakable = columns == 2 && !opening
    }

    mutating func finish() -> [Line] {
        placeWord()
        if !line.isEmpty || lines.isEmpty { endLine() }
        return lines
    }

    /// Puts the pending word (and the spaces before it, unless a break falls there) on a line.
    private mutating func placeWord() {
        guard !word.isEmpty else { return }
        defer {
            word = ""
            wordWidth = 0
            spaces = 0
        }
        // Spaces before the first word of the text are kept as its indentation when they fit;
        // nothing else can be pending on an empty line, as breaks drop spaces.
        if lineWidth + spaces + wordWidth <= available {
            line += String(repeating: " ", count: spaces)
            line += word
            lineWidth += spaces + wordWidth
            return
        }
        if wordWidth <= width - hangingIndent {
            if !line.isEmpty { endLine() }
            if wordWidth <= available {
                line = word
                lineWidth = wordWidth
                return
            }
        }
        // Longer than a line: fill what is left of this one, then cut it between clusters.
        if !line.isEmpty {
            if let first = word.first, lineWidth + spaces + TextWidth.of(first) <= available {
                line += String(repeating: " ", count: spaces)
                lineWidth += spaces
            } else {
                endLine()
            }
        }
        for character in word {
            place(String(character), columns: TextWidth.of(character))
        }
    }

    /// Appends one cluster, starting a new line first when it does not fit on this one.
    private mutating func place(_ cluster: String, columns: Int) {
        if lineWidth + columns > available && !line.isEmpty { endLine() }
        if columns > available {
            line += Self.tooWide
            lineWidth += 1
        } else {
            line += cluster
            lineWidth += columns
        }
    }

    private mutating func endLine() {
        // Measured again rather than trusted: joining clusters can only merge them, never widen.
        lines.append(Line(text: line, width: TextWidth.of(line), indent: indent))
        line = ""
        lineWidth = 0
        indent = hangingIndent
    }
}
