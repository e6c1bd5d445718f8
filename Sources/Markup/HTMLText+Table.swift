extension HTMLText {
    /// An HTML table gathered cell by cell, shown as Reddit's Markdown tables are: code lines, cells
    /// padded to their column and two spaces apart, `─` under a header row. A cell is one line of its
    /// text (line breaks and paragraphs in it become spaces); a table inside a cell is part of its text.
    struct Table {
        /// The rows, each a list of cells' text, and whether each row is all header cells (`th`).
        private var rows: [[String]] = []
        private var headers: [Bool] = []
        /// Whether the current cell is open (text goes to the last cell of the last row).
        private var cellOpen = false

        /// Starts a row (`tr`).
        mutating func startRow() {
            rows.append([])
            headers.append(true)
            cellOpen = false
        }

        /// Starts a cell (`td`, or `th` when `header`), in a row of its own if none is open.
        mutating func startCell(header: Bool) {
            if rows.isEmpty { startRow() }
            rows[rows.count - 1].append("")
            if !header { headers[headers.count - 1] = false }
            cellOpen = true
        }

        /// Adds text to the open cell (a cell of its own when text comes outside any, as browsers show it).
        mutating func add(_ text: String) {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            guard !words.isEmpty else { return }
            if !cellOpen { startCell(header: false) }
            let row = rows.count - 1
            let cell = rows[row].count - 1
            rows[row][cell] += rows[row][cell].isEmpty ? words : " " + words
        }

        /// The table as code lines, without the code indent: empty rows left out.
        func lines() -> [String] {
            let shown = rows.indices.filter { rows[$0].contains { !$0.isEmpty } }
            guard let first = shown.first else { return [] }
            var widths: [Int] = []
            var cellWidths: [[Int]] = []
            for row in rows {
                let measured = row.map { MarkdownText.displayWidth(Array($0.utf8)) }
                for (column, width) in measured.enumerated() {
                    let capped = min(width, MarkdownText.Table.widestPadding)
                    if column < widths.count {
                        widths[column] = max(widths[column], capped)
                    } else {
                        widths.append(capped)
                    }
                }
                cellWidths.append(measured)
            }
            var lines: [String] = []
            for index in shown {
                var line = ""
                for (column, cell) in rows[index].enumerated() {
                    if column > 0 { line += "  " }
                    line += cell + String(repeating: " ", count: max(0, widths[column] - cellWidths[index][column]))
                }
                while line.last == " " { line.removeLast() }
                lines.append(line)
                if index == first, headers[index], shown.count > 1 {
                    lines.append(widths.map { String(repeating: "─", count: max(1, $0)) }.joined(separator: "  "))
                }
            }
            return lines
        }
    }
}
