/// The map: a one-column strip at the right edge standing for the whole thread, one row for an
/// equal share of its comments, so each top-level thread is a block as tall as its share.
///
/// Drawn from arrays the reader already has (thread starts, the filter's matches, the search's
/// hits), each looked up by binary search: a row costs a few comparisons whatever the thread's size.
struct MapStrip {
    /// The first comment of each top-level thread, ascending.
    let threadStarts: [Int32]
    /// Comments in the thread (placeholders included: the map is by position).
    let count: Int
    let rows: Int

    /// The comments row `row` stands for: never empty while there are comments.
    func range(ofRow row: Int) -> Range<Int> {
        let low = row * count / max(1, rows)
        let high = (row + 1) * count / max(1, rows)
        return low..<max(low + 1, high)
    }

    /// The row that stands for comment `index`.
    func row(of index: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(rows - 1, index * rows / count)
    }

    /// How many of the ascending `values` lie in `range`.
    static func count(of values: [Int32], in range: Range<Int>) -> Int {
        lowerBound(values, range.upperBound) - lowerBound(values, range.lowerBound)
    }

    static func lowerBound(_ values: [Int32], _ value: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if Int(values[middle]) < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The top-level thread holding `index`: its number, counted from 0.
    func thread(of index: Int) -> Int { max(0, Self.lowerBound(threadStarts, index + 1) - 1) }

    /// The glyph and style of each row: threads shade in turn (░ ▒), a filter match or search hit
    /// is a dot, the selection a block; rows on screen are drawn reversed.
    func cells(selection: Int?, onScreen: ClosedRange<Int>?, matches: [Int32], hits: [Int32]) -> [(String, CellStyle)] {
        guard count > 0 else { return [] }
        var cells: [(String, CellStyle)] = []
        cells.reserveCapacity(rows)
        for row in 0..<rows {
            let range = range(ofRow: row)
            var glyph = thread(of: range.lowerBound) % 2 == 0 ? "░" : "▒"
            var style = CellStyle(tint: .muted)
            if Self.count(of: hits, in: range) > 0 {
                glyph = "◆"
                style = CellStyle(tint: .highlight, bold: true)
            }
            if Self.count(of: matches, in: range) > 0 {
                glyph = "•"
                style = CellStyle(tint: .accent, bold: true)
            }
            if let selection, range.contains(selection) {
                glyph = "█"
                style = CellStyle(tint: .accent, bold: true)
            }
            if let onScreen, range.lowerBound <= onScreen.upperBound, onScreen.lowerBound < range.upperBound {
                style.reverse = true
            }
            cells.append((glyph, style))
        }
        return cells
    }
}

extension ReaderState {
    /// The columns the page gets: all but the map's.
    var pageWidth: Int { map ? max(0, columns - 1) : columns }

    var mapStrip: MapStrip { MapStrip(threadStarts: mapThreadStarts, count: tree.count, rows: pageRows) }

    /// `M`: shows or hides the map. The thread starts are found once, in the threads' time.
    mutating func setMap(_ on: Bool, layout: LayoutCache) {
        let row = selectionRow(layout: layout)
        map = on
        if on && mapThreadStarts.isEmpty && !tree.isEmpty {
            var starts: [Int32] = []
            var index = 0
            while index < tree.count {
                starts.append(Int32(index))
                index = tree.subtreeEnd(of: index)
            }
            mapThreadStarts = starts
        }
        guard let selection, let row else { return }
        top = page(layout).move(PagePosition(.comment(selection)), by: -min(max(0, row), max(0, pageRows - 1)))
        clampTop(layout: layout)
    }

    /// Draws the map down the last column.
    func drawMap(into frame: inout Frame, layout: LayoutCache) {
        let shown = visibleLines(layout: layout).compactMap { $0.position.item.comment }
        let onScreen = shown.first.flatMap { first in shown.last.map { first...max(first, $0) } }
        let hits = search?.hits.compactMap { $0.comment.map(Int32.init) } ?? []
        let cells = mapStrip.cells(
            selection: selection, onScreen: onScreen, matches: filter?.result?.matches ?? [], hits: hits)
        for (row, cell) in cells.enumerated() { frame.put(cell.0, row: row, column: columns - 1, style: cell.1) }
    }

    /// A click on the map: the comment its row stands for, revealed and selected.
    mutating func jumpFromMap(row: Int, layout: LayoutCache) {
        guard !tree.isEmpty, row >= 0, row < pageRows else { return }
        let target = mapStrip.range(ofRow: row).lowerBound
        tree.reveal(target)
        let shown = page(layout).rowStart(target)
        selection = shown
        top = PagePosition(.comment(shown))
        clampTop(layout: layout)
        message = nil
    }
}
