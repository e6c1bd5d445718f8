/// The map: a one-column strip at the right edge standing for the whole thread, one row for an
/// equal share of its comments, so each top-level thread is a block as tall as its share.
///
/// Drawn from ascending arrays of comment indices (thread starts, the filter's matches, the
/// search's hits, the visit's new comments), each found once when it changes and looked up by
/// binary search: a row costs a few comparisons whatever the thread's size.
///
/// A row that stands for several kinds of comment shows the one that matters most, in this order
/// (the help and docs/READING.md say it too): the selection `█`, a filter match `•`, a search hit `◆`,
/// a new comment `+`, else the thread's shade `░` / `▒`. Each glyph differs in shape, so the map
/// reads the same without colours.
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

    /// The glyph of a row holding a new comment: a `+`, as in a diff (the page's `●` would read as
    /// the filter's `•` without colours).
    static let newGlyph = "+"

    /// The glyph and style of each row, by the order above; rows on screen are drawn reversed. `new` holds
    /// the new comments the page marks, so none the kill-file hides.
    func cells(
        selection: Int?, onScreen: ClosedRange<Int>?, matches: [Int32], hits: [Int32], new: [Int32] = []
    ) -> [(String, CellStyle)] {
        guard count > 0 else { return [] }
        var cells: [(String, CellStyle)] = []
        cells.reserveCapacity(rows)
        for row in 0..<rows {
            let range = range(ofRow: row)
            var glyph = thread(of: range.lowerBound) % 2 == 0 ? "░" : "▒"
            var style = CellStyle(tint: .muted)
            if Self.count(of: new, in: range) > 0 {
                glyph = Self.newGlyph
                style = CellStyle(tint: .new, bold: true)
            }
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

/// Whether the reader has a map (`map` in config.toml): shown on opening, hidden until `M`, or off.
public enum MapPreference: String, Sendable, CaseIterable {
    case shown
    case hidden
    /// `M` does nothing: the last column stays the page's.
    case off
}

extension ReaderState {
    /// The columns the page gets: all but the map's and one blank column between the text and the map.
    var pageWidth: Int { map ? max(0, columns - 2) : columns }

    var mapStrip: MapStrip { MapStrip(threadStarts: mapThreadStarts, count: tree.count, rows: pageRows) }

    /// `M`: shows or hides the map. The thread starts are found once, in the threads' time.
    mutating func setMap(_ on: Bool, layout: LayoutCache) {
        if on && options.map == .off {
            message = "the map is off in the config (map = \"off\")"
            return
        }
        let row = selectionRow(layout: layout)
        map = on
        findMapFacts()
        guard let selection, let row else { return }
        viewport.place(.comment(selection), atRow: row, rows: pageRows, on: page(layout))
        clampTop(layout: layout)
    }

    /// Finds what the map draws from that is not found already: the thread starts (once per
    /// document) and the new comments (once per visit). Linear in the comments, so it runs when
    /// the map is shown or its facts change, never on a key that only moves.
    mutating func findMapFacts() {
        guard map else { return }
        if mapThreadStarts.isEmpty && !tree.isEmpty {
            var starts: [Int32] = []
            var index = 0
            while index < tree.count {
                starts.append(Int32(index))
                index = tree.subtreeEnd(of: index)
            }
            mapThreadStarts = starts
        }
        if mapNew == nil, let visit = visits.visit {
            let new = visit.newCount > 0 ? visit.newIndices() : []
            // As the page: a comment the kill-file hides is one line without the new marker, so its row
            // is not marked either (a dimmed one is read like any other, and keeps its mark).
            let hides = !showKilled && (killMarks?.hiddenCount ?? 0) > 0
            mapNew = hides ? new.filter { !isKilled(Int($0)) } : new
        }
    }

    /// The visit's new comments changed (a new visit, a reload), or which of them the kill-file hides:
    /// the map finds them again.
    mutating func forgetMapNew() {
        mapNew = nil
        findMapFacts()
    }

    /// Comments in `range` were marked read: their rows lose the new glyph, in the time of a
    /// binary search and a move, not of a pass over the thread.
    mutating func mapMarkedRead(_ range: Range<Int>) {
        guard var new = mapNew else { return }
        mapNew = nil
        new.removeSubrange(new.partitionIndex(range.lowerBound)..<new.partitionIndex(range.upperBound))
        mapNew = new
    }

    /// Draws the map down the last column.
    func drawMap(into frame: inout Frame, layout: LayoutCache) {
        let shown = visibleLines(layout: layout).compactMap { $0.position.item.comment }
        let onScreen = shown.first.flatMap { first in shown.last.map { first...max(first, $0) } }
        let hits = search?.hits.compactMap { $0.comment.map(Int32.init) } ?? []
        let cells = mapStrip.cells(
            selection: selection, onScreen: onScreen, matches: filter?.result?.matches ?? [], hits: hits,
            new: mapNew ?? [])
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
