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
        var breaker = LineBreaker(
            width: width, firstIndent: firstIndent, hangingIndent: hangingIndent)
        var clusters = ClusterCursor(text)
        while let cluster = clusters.next() {
            switch cluster {
            case .ascii(let byte): breaker.append(byte)
            case .simple(let width, let bytes): breaker.append(text.utf8[bytes], width: width)
            case .other(let character): breaker.append(character)
            }
        }
        return breaker.finish()
    }

    /// Cuts `text` between clusters into pieces of at most `width` columns, keeping spaces
    /// (for code, which must not be re-flowed); never returns an empty array.
    static func pieces(of text: some StringProtocol, width: Int, indent: Int) -> [Line] {
        var breaker = LineBreaker(width: width, firstIndent: indent, hangingIndent: indent)
        var clusters = ClusterCursor(text)
        while let cluster = clusters.next() {
            switch cluster {
            case .ascii(let byte):
                breaker.place(CollectionOfOne(byte), columns: 1)
            case .simple(let width, let bytes):
                breaker.place(text.utf8[bytes], columns: width)
            case .other(let character):
                guard let (prepared, columns) = prepared(character) else { continue }
                breaker.place(prepared.utf8, columns: columns)
            }
        }
        if !breaker.line.isEmpty || breaker.lines.isEmpty { breaker.endLine() }
        return breaker.lines
    }

    /// What a cluster that cannot fit even an empty line becomes (a wide character on a line
    /// one column wide): it says something was there without breaking the column count.
    static let tooWide = "\u{2026}"

    /// Bytes beyond which a cluster is laid out as what `Sanitizer.drawable` keeps of it.
    static let longCluster = 64

    /// The text and width to lay out for `character`, or nil to drop it (it draws nothing).
    ///
    /// A cluster that starts with a combining mark gets the dotted circle `drawable` would draw,
    /// so it cannot fuse with whatever ends up before it on the line.
    @inline(__always)
    static func prepared(_ character: Character) -> (String, Int)? {
        let columns = TextWidth.of(character)
        if columns == 0 { return nil }
        // A cluster can hold any number of marks (400k accents on one letter is an 800 KB cluster),
        // but only what `drawable` keeps is ever drawn: keep just that, so every later pass over the
        // line (measuring, clipping, printing) costs the drawn text, not the input.
        if character.utf8.count > Self.longCluster { return (Sanitizer.drawable(character), columns) }
        // Only Mn and Me: they always extend the circle, whereas a lone Hangul vowel would not.
        if character.asciiValue == nil, let first = character.unicodeScalars.first,
            WidthTable.kind(of: first) == .mark, !(0xFE00...0xFE0F).contains(first.value)
        {
            switch first.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: return ("\u{25CC}" + String(character), columns)
            default: break
            }
        }
        return (String(character), columns)
    }

    private let width: Int
    private let hangingIndent: Int
    private var lines: [Line] = []
    // Lines and words are built as UTF-8 bytes: appending a byte costs far less than a Character.
    private var line: [UInt8] = []
    private var lineWidth = 0
    private var indent: Int
    private var word: [UInt8] = []
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

    /// Adds a printable ASCII character.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if byte == 0x20 {
            placeWord()
            spaces += 1
            breakable = false
            return
        }
        if breakable && !word.isEmpty && !Self.closesASCII(byte) { placeWord() }
        word.append(byte)
        wordWidth += 1
        breakable = false
    }

    /// Adds a cluster from `ClusterCursor.simpleWidth`'s list: a letter or general punctuation,
    /// never a space, never wide punctuation.
    @inline(__always)
    mutating func append(_ bytes: some Collection<UInt8>, width: Int) {
        if !word.isEmpty && (breakable || width == 2) { placeWord() }
        word.append(contentsOf: bytes)
        wordWidth += width
        breakable = width == 2
    }

    /// Whether `byte` is ASCII punctuation that must not start a line after a wide character
    /// ("世界." keeps its full stop).
    @inline(__always)
    private static func closesASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
            UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"),
            UInt8(ascii: "}"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// Adds any other cluster.
    mutating func append(_ character: Character) {
        // A space reaches here when a non-ASCII byte follows it. Compared as bytes: comparing
        // Characters normalises them, which costs the whole of a huge cluster.
        if character.utf8.count == 1, let byte = character.utf8.first, byte == 0x20 || byte == 0x0A {
            append(0x20)
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
        if !word.isEmpty && !closing && (breakable || columns == 2) { placeWord() }
        word.append(contentsOf: cluster.utf8)
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
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
            spaces = 0
        }
        // Spaces before the first word of the text are kept as its indentation when they fit;
        // on a later empty line they follow a break (after an address too long for a line) and go.
        if line.isEmpty && !lines.isEmpty { spaces = 0 }
        if lineWidth + spaces + wordWidth <= available {
            line.append(contentsOf: repeatElement(0x20, count: spaces))
            line.append(contentsOf: word)
            lineWidth += spaces + wordWidth
            return
        }
        if wordWidth <= width - hangingIndent {
            if !line.isEmpty { endLine() }
            if wordWidth <= available {
                line.append(contentsOf: word)
                lineWidth = wordWidth
                return
            }
        }
        // A web address longer than a line is never cut (a terminal or `less` could not follow it):
        // it runs past the width on a line of its own.
        if Self.isWebAddress(word) {
            if !line.isEmpty { endLine() }
            line.append(contentsOf: word)
            lineWidth = wordWidth
            endLine()
            return
        }
        // Longer than a line: fill what is left of this one, then cut it between clusters.
        let text = String(decoding: word, as: UTF8.self)
        if !line.isEmpty {
            if let first = text.first, lineWidth + spaces + TextWidth.of(first) <= available {
                line.append(contentsOf: repeatElement(0x20, count: spaces))
                lineWidth += spaces
            } else {
                endLine()
            }
        }
        var clusters = ClusterCursor(text)
        while let cluster = clusters.next() {
            switch cluster {
            case .ascii(let byte): place(CollectionOfOne(byte), columns: 1)
            case .simple(let width, let bytes): place(text.utf8[bytes], columns: width)
            case .other(let character):
                place(String(character).utf8, columns: TextWidth.of(character))
            }
        }
    }

    /// Whether `word` starts with `http://` or `https://` (ASCII, any case of the scheme), after at
    /// most one `<`, `(` or quote: the importers write a link as `text <https://…>`.
    private static func isWebAddress(_ word: [UInt8]) -> Bool {
        let opens: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "'")]
        let address = word.first.map(opens.contains) == true ? word.dropFirst() : word[...]
        let lowered = address.prefix(8).map { $0 | 0x20 }
        return lowered.starts(with: Array("https://".utf8)) || lowered.starts(with: Array("http://".utf8))
    }

    /// Appends one cluster, starting a new line first when it does not fit on this one.
    private mutating func place(_ cluster: some Collection<UInt8>, columns: Int) {
        if lineWidth + columns > available && !line.isEmpty { endLine() }
        if columns > available {
            line.append(contentsOf: Self.tooWide.utf8)
            lineWidth += 1
        } else {
            line.append(contentsOf: cluster)
            lineWidth += columns
        }
    }

    private mutating func endLine() {
        // Measured again rather than trusted: joining clusters can only merge them, never widen.
        let text = String(decoding: line, as: UTF8.self)
        lines.append(Line(text: text, width: TextWidth.of(text), indent: indent))
        line.removeAll(keepingCapacity: true)
        lineWidth = 0
        indent = hangingIndent
    }
}
