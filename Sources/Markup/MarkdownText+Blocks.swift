extension MarkdownText {
    /// The deepest quote level written out: deeper `>` count as this one, so a line of 20,000 `>`
    /// cannot make every wrapped line of a long paragraph repeat a 40 KB prefix. The same cap as
    /// `HTMLText.maximumQuoteDepth` on the html branch: one body grammar for every importer.
    static let maxQuoteLevel = 16

    /// Reads Markdown line by line and writes the body grammar: a state machine over the open
    /// paragraph, list items, code fence and table, so nesting never recurses.
    struct BlockParser {
        /// A paragraph being gathered: its text joined with spaces, or "\n" at hard breaks.
        struct Paragraph {
            enum Kind {
                case plain
                case item(marker: [UInt8], depth: Int)
            }
            var level: Int
            var kind: Kind
            var text: [UInt8]
            var lines = 1
            var hardBreak = false
            var backslashBreak = false
            /// Whether a blank line came before it: only items with none between them stay tight.
            var afterBlank = false
        }

        struct Fence {
            var marker: UInt8
            var length: Int
            var level: Int
            var indent: Int
        }

        let references: References
        private var output: [UInt8] = []
        private var wroteLine = false
        private var paragraph: Paragraph?
        /// The content columns of the open list items, innermost last, and their quote level.
        private var lists: [Int] = []
        private var listLevel = 0
        private var fence: Fence?
        private var table: Table?
        private var inCode = false
        /// Blank lines met inside the open code block, written if more code follows.
        private var codeBlanks = 0
        private var needsSeparator = false
        private var lastLevel = 0
        private var lastWasItem = false
        private var blankBefore = false

        init(references: References) {
            self.references = references
        }

        /// Reads one line (without its "\n").
        mutating func add(_ raw: ArraySlice<UInt8>) {
            var line = raw
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if let open = fence {
                let (level, rest) = MarkdownText.quotes(line, upTo: open.level)
                if level == open.level {
                    let (indent, content) = MarkdownText.leading(rest)
                    if indent < 4, MarkdownText.closes(open, content) {
                        fence = nil
                        endCode()
                    } else {
                        emitCode(level: level, MarkdownText.dropColumns(rest, open.indent))
                    }
                    return
                }
                // A quote that ends ends its fence too.
                fence = nil
                endCode()
            }
            let (level, rest) = MarkdownText.quotes(line, upTo: Int.max)
            let (indent, content) = MarkdownText.leading(rest)
            if content.isEmpty {
                endBlock()
                blankBefore = true
                return
            }
            let afterBlank = blankBefore
            blankBefore = false
            if level != listLevel {
                lists = []
                listLevel = level
            }
            let marker = MarkdownText.listMarker(content, indent: indent)
            if paragraph == nil || marker != nil {
                while let column = lists.last, indent < column { lists.removeLast() }
            }
            let base = lists.last ?? 0
            let relative = indent - base
            if relative >= 4, paragraph == nil, table == nil {
                emitCode(level: level, MarkdownText.dropColumns(rest, base + 4))
                return
            }
            endCode()
            if relative < 4, let opened = MarkdownText.fenceOpening(content) {
                endBlock()
                fence = Fence(marker: opened.marker, length: opened.length, level: level, indent: indent)
                return
            }
            if paragraph == nil, relative < 4, !references.isEmpty, MarkdownText.definition(content) != nil {
                // A definition shows nothing where it stands; its links show its address.
                endBlock()
                return
            }
            if let tableLevel = table?.level {
                if level == tableLevel, content.contains(UInt8(ascii: "|")) {
                    table?.add(content)
                    return
                }
                endBlock()
            }
            if let open = paragraph, case .plain = open.kind, open.level == level, relative < 4 {
                if open.lines == 1,
                    let started = Table(header: open.text, delimiter: content, level: level, references: references)
                {
                    paragraph = nil
                    table = started
                    return
                }
                if let heading = MarkdownText.setextLevel(content) {
                    paragraph = nil
                    emitHeading(level: level, open.text, rank: heading)
                    return
                }
            }
            if relative < 4, MarkdownText.isRule(content) {
                endBlock()
                emitBlock(level: level, [MarkdownText.ruleLine])
                needsSeparator = true
                return
            }
            if relative < 4, let (rank, text) = MarkdownText.atxHeading(content) {
                endBlock()
                emitHeading(level: level, text, rank: rank)
                return
            }
            if relative < 4, let marker, mayStartItem(marker, level: level) {
                flush()
                lists.append(marker.contentColumn)
                let depth = lists.count - 1
                paragraph = Paragraph(
                    level: level, kind: .item(marker: marker.normalized, depth: depth), text: [],
                    afterBlank: afterBlank)
                appendText(marker.rest)
                return
            }
            if let openLevel = paragraph?.level, level <= openLevel {
                // Same level, or a lazy continuation line of a quoted paragraph.
                appendText(content)
                return
            }
            flush()
            paragraph = Paragraph(level: level, kind: .plain, text: [])
            appendText(content)
        }

        /// Ends the input and returns the text.
        mutating func finish() -> String {
            endBlock()
            return String(decoding: output, as: UTF8.self)
        }

        /// A list item may interrupt a plain paragraph only when it cannot be ordinary text:
        /// non-empty, and numbered from 1 (so "the year\n1984. was" stays a paragraph).
        private func mayStartItem(_ marker: ListMarker, level: Int) -> Bool {
            guard let open = paragraph, case .plain = open.kind, open.level == level else { return true }
            return !marker.rest.isEmpty && (marker.number == nil || marker.number == 1)
        }

        private mutating func appendText(_ content: ArraySlice<UInt8>) {
            guard let wasEmpty = paragraph?.text.isEmpty, let lineBreak = paragraph?.hardBreak,
                let backslash = paragraph?.backslashBreak
            else { return }
            var text = content
            var hardBreak = false
            var backslashBreak = false
            if text.count >= 2, text.suffix(2).allSatisfy({ $0 == MarkdownText.space }) {
                hardBreak = true
            } else if text.reversed().prefix(while: { $0 == UInt8(ascii: "\\") }).count % 2 == 1 {
                // Kept until a next line comes: at the end of the paragraph it is only a backslash.
                hardBreak = true
                backslashBreak = true
            }
            while let last = text.last, last == MarkdownText.space || last == MarkdownText.tab { text.removeLast() }
            // Mutated in place: a copy of the paragraph would copy its text for every line.
            if !wasEmpty {
                if backslash { paragraph?.text.removeLast() }
                paragraph?.text.append(lineBreak ? MarkdownText.newline : MarkdownText.space)
                paragraph?.lines += 1
            }
            paragraph?.text.append(contentsOf: text)
            paragraph?.hardBreak = hardBreak
            paragraph?.backslashBreak = backslashBreak
        }

        /// Ends whatever block is open: a blank line, a fence, a rule or the end of the input.
        private mutating func endBlock() {
            flush()
            endCode()
            if let open = table {
                table = nil
                emitBlock(level: open.level, open.lines())
                needsSeparator = true
            }
        }

        /// Writes the open paragraph, if any.
        private mutating func flush() {
            guard let open = paragraph else { return }
            paragraph = nil
            let rendered = MarkdownText.renderInline(open.text, references: references)
            var lines: [[UInt8]] = []
            for piece in rendered.split(separator: MarkdownText.newline) {
                let text = piece.drop { $0 == MarkdownText.space || $0 == MarkdownText.tab }
                guard !MarkdownText.isInvisible(text) else { continue }
                lines.append(Array(text))
            }
            guard !lines.isEmpty else { return }
            let isItem: Bool
            if case .item = open.kind { isItem = true } else { isItem = false }
            for index in lines.indices where !(isItem && index == 0) {
                lines[index] = MarkdownText.literalStart(lines[index])
            }
            if case .item(let marker, let depth) = open.kind {
                // Nested items go two spaces in and no further: four would read as code.
                lines[0] = (depth > 0 ? [MarkdownText.space, MarkdownText.space] : []) + marker + lines[0]
                emitBlock(level: open.level, lines, isItem: true, tight: !open.afterBlank)
            } else {
                emitBlock(level: open.level, lines)
            }
            needsSeparator = true
        }

        private mutating func emitHeading(level: Int, _ text: [UInt8], rank: Int) {
            let rendered = MarkdownText.renderInline(text, references: references)
            let line = rendered.map { $0 == MarkdownText.newline ? MarkdownText.space : $0 }
            guard !MarkdownText.isInvisible(line[...]) else { return }
            // The top two ranks stand out by case, the rest are a paragraph of their own.
            let shown = rank <= 2 ? Array(String(decoding: line, as: UTF8.self).uppercased().utf8) : line
            emitBlock(level: level, [MarkdownText.literalStart(shown)])
            needsSeparator = true
        }

        private mutating func emitCode(level: Int, _ code: [UInt8]) {
            // Blank code lines are written only between code lines: never first, never last.
            if code.allSatisfy({ $0 == MarkdownText.space || $0 == MarkdownText.tab }) {
                if inCode { codeBlanks += 1 }
                return
            }
            if !inCode {
                emitBlock(level: level, [])
                inCode = true
            }
            // One blank stands for any number: two in a row would read as the end of the block.
            if codeBlanks > 0 { writeLine(MarkdownText.separator(level)) }
            codeBlanks = 0
            writeLine(MarkdownText.quotePrefix(min(level, MarkdownText.maxQuoteLevel)) + Array("    ".utf8) + code)
        }

        private mutating func endCode() {
            guard inCode else { return }
            inCode = false
            codeBlanks = 0
            needsSeparator = true
            lastWasItem = false
        }

        /// Writes a block's lines at `level`, after the separator the previous block asked for.
        private mutating func emitBlock(level: Int, _ lines: [[UInt8]], isItem: Bool = false, tight: Bool = false) {
            let tightList = tight && lastWasItem && level == lastLevel
            if needsSeparator, wroteLine, !tightList {
                writeLine(MarkdownText.separator(min(level, lastLevel)))
            }
            needsSeparator = false
            lastLevel = level
            lastWasItem = isItem
            let prefix = MarkdownText.quotePrefix(min(level, MarkdownText.maxQuoteLevel))
            for line in lines { writeLine(prefix + line) }
        }

        private mutating func writeLine(_ line: [UInt8]) {
            if wroteLine { output.append(MarkdownText.newline) }
            output.append(contentsOf: line)
            wroteLine = true
        }
    }

    /// The line between two blocks: blank, or the quote markers the two blocks share.
    static func separator(_ level: Int) -> [UInt8] {
        var prefix = quotePrefix(min(level, maxQuoteLevel))
        if prefix.last == space { prefix.removeLast() }
        return prefix
    }

    /// A line of text that the body grammar would read as a quote or a list item (`\>`, `&gt;`,
    /// `\-` or `1\.` in the Markdown), kept as text: a no-break space before the `>`, or in
    /// place of the space after the marker. The grammar has no escape, and this looks the same.
    static func literalStart(_ line: [UInt8]) -> [UInt8] {
        let noBreakSpace: [UInt8] = [0xC2, 0xA0]
        guard let first = line.first else { return line }
        if first == UInt8(ascii: ">") { return noBreakSpace + line }
        var marker = 0
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            marker = 1
        } else {
            let digits = line.prefix { (0x30...0x39).contains($0) }.count
            if digits > 0, digits < line.count, line[digits] == UInt8(ascii: ".") { marker = digits + 1 }
        }
        guard marker > 0, marker < line.count, line[marker] == space else { return line }
        var kept = line
        kept.replaceSubrange(marker..<(marker + 1), with: noBreakSpace)
        return kept
    }

    /// What a horizontal rule becomes.
    static let ruleLine = Array(String(repeating: "─", count: 20).utf8)

    /// Whether the text shows nothing: spaces, and the zero-width characters Reddit users type as
    /// `&#x200B;` to make an empty paragraph.
    static func isInvisible(_ text: ArraySlice<UInt8>) -> Bool {
        String(decoding: text, as: UTF8.self).unicodeScalars.allSatisfy { scalar in
            scalar.properties.isWhitespace || [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF].contains(scalar.value)
        }
    }
}
