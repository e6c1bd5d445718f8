/// Tables: a header row, a delimiter row (`|---|:--:|`), then rows, shown as aligned code lines.
extension MarkdownText {
    struct Table {
        enum Alignment {
            case left, center, right
        }

        /// Cells wider than this are not padded to: one long cell must not pad every row of a long table.
        static let widestPadding = 40

        let level: Int
        let alignments: [Alignment]
        /// The rendered cells of each row, the header first.
        private var rows: [[[UInt8]]]

        /// A table when `delimiter` is a delimiter row with as many cells as `header`.
        let references: References

        init?(header: [UInt8], delimiter: ArraySlice<UInt8>, level: Int, references: References) {
            guard delimiter.contains(UInt8(ascii: "|")) || header.contains(UInt8(ascii: "|")) else { return nil }
            var alignments: [Alignment] = []
            for cell in Table.cells(delimiter) {
                let trimmed = Table.trim(cell)
                let left = trimmed.first == UInt8(ascii: ":")
                let right = trimmed.count > 1 && trimmed.last == UInt8(ascii: ":")
                let dashes = trimmed.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
                guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
                alignments.append(left && right ? .center : right ? .right : .left)
            }
            let headerCells = Table.cells(header[...])
            guard !alignments.isEmpty, headerCells.count == alignments.count else { return nil }
            self.level = level
            self.alignments = alignments
            self.references = references
            rows = [headerCells.map { Table.render($0, references: references) }]
        }

        /// Adds a body row; cells past the header's count are dropped, as GFM does.
        mutating func add(_ line: ArraySlice<UInt8>) {
            rows.append(Table.cells(line).prefix(alignments.count).map { Table.render($0, references: references) })
        }

        /// The table as code lines: cells padded to their column, two spaces apart, `─` under the header.
        func lines() -> [[UInt8]] {
            var widths = [Int](repeating: 1, count: alignments.count)
            var cellWidths: [[Int]] = []
            for row in rows {
                let measured = row.map { MarkdownText.displayWidth($0) }
                for (column, width) in measured.enumerated() {
                    widths[column] = max(widths[column], min(width, Table.widestPadding))
                }
                cellWidths.append(measured)
            }
            var lines: [[UInt8]] = []
            for (index, row) in rows.enumerated() {
                var line = Array("    ".utf8)
                for (column, cell) in row.enumerated() {
                    if column > 0 { line += [space, space] }
                    let pad = max(0, widths[column] - cellWidths[index][column])
                    let before: Int
                    switch alignments[column] {
                    case .left: before = 0
                    case .right: before = pad
                    case .center: before = pad / 2
                    }
                    line += [UInt8](repeating: space, count: before) + cell
                    line += [UInt8](repeating: space, count: pad - before)
                }
                while line.last == space { line.removeLast() }
                // A row of empty cells shows nothing, and an empty line would end the code block.
                if line.count > 4 { lines.append(line) }
                if index == 0 {
                    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
                    lines.append(Array("    ".utf8) + Array(rule.utf8))
                }
            }
            return lines
        }

        /// The cells of a row: split at `|` not escaped by `\`, the outer pipes removed.
        static func cells(_ row: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
            var text = trim(row)
            if text.first == UInt8(ascii: "|") { text = text.dropFirst() }
            if text.last == UInt8(ascii: "|"), text.dropLast().last != UInt8(ascii: "\\") { text = text.dropLast() }
            var cells: [ArraySlice<UInt8>] = []
            var start = text.startIndex
            var index = text.startIndex
            while index < text.endIndex {
                if text[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if text[index] == UInt8(ascii: "|") {
                    cells.append(text[start..<index])
                    start = index + 1
                }
                index += 1
            }
            cells.append(text[start..<text.endIndex])
            return cells
        }

        private static func trim(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var text = text.drop { $0 == space || $0 == tab }
            while let last = text.last, last == space || last == tab { text.removeLast() }
            return text
        }

        /// A cell's inline Markdown, rendered; `\|` is a pipe inside the cell.
        private static func render(_ cell: ArraySlice<UInt8>, references: References) -> [UInt8] {
            var text: [UInt8] = []
            var index = cell.startIndex
            while index < cell.endIndex {
                if cell[index] == UInt8(ascii: "\\"), index + 1 < cell.endIndex, cell[index + 1] == UInt8(ascii: "|") {
                    index += 1
                }
                text.append(cell[index])
                index += 1
            }
            let rendered = renderInline(Array(trim(text[...])), references: references)
            return rendered.map { $0 == newline ? space : $0 }
        }
    }

    /// The columns `text` takes on a terminal, near enough to align table cells: East Asian wide
    /// characters and emoji count 2, combining marks 0. (TextLayout has the exact table; this
    /// module may not import it.)
    static func displayWidth(_ text: [UInt8]) -> Int {
        var width = 0
        for character in String(decoding: text, as: UTF8.self) {
            guard let first = character.unicodeScalars.first else { continue }
            let value = first.value
            if first.properties.isEmojiPresentation || character.unicodeScalars.contains(where: { $0.value == 0xFE0F })
                || (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            {
                width += 2
            } else if first.properties.generalCategory == .nonspacingMark || value == 0x200B {
                continue
            } else {
                width += 1
            }
        }
        return width
    }
}
