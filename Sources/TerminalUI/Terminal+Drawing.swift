import CNcursesw
import Glibc
import Reader
import TextLayout

extension Terminal {
    /// Puts `frame` on the screen: only the cells that differ from the last frame drawn
    /// (everything the first time, after a resize, or when the frame's size changes), in one `doupdate`.
    ///
    /// A frame larger than the screen is clipped; the screen outside a smaller one is blank.
    public func draw(_ frame: Frame) {
        let screen = size
        let previous = lastFrame.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
        if previous == nil { werase(window) }
        let rows = min(screen.rows, frame.height)
        let columns = min(screen.columns, frame.width)
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = frame[row, column]
                let width = cellWidth(frame, row: row, column: column)
                if let previous, previous[row, column] == cell,
                    cellWidth(previous, row: row, column: column) == width
                {
                    continue
                }
                if cell.isContinuation {
                    // The right half of a wide character is drawn with its left half; an orphan is a blank.
                    if column > 0, cellWidth(frame, row: row, column: column - 1) == 2 { continue }
                    put(Cell(" ", style: cell.style), row: row, column: column, width: 1)
                } else if column + width > columns {
                    // A wide character cut by the screen's right edge.
                    put(Cell(" ", style: cell.style), row: row, column: column, width: 1)
                } else {
                    put(cell, row: row, column: column, width: width)
                }
            }
            #if DEBUG
                if crashesInDraw {
                    wnoutrefresh(window)
                    doupdate()
                    fatalError("debug crash in draw")
                }
            #endif
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = frame
    }

    /// Forgets what is on the screen, so the next `draw` clears and repaints it all (ctrl-L).
    public func invalidate() {
        lastFrame = nil
        clearok(window, true)
    }

    /// The scalars ncurses gets for a cell: what glibc's wcwidth sizes as TextWidth does.
    static func drawable(_ text: String) -> String {
        text.first.map { Sanitizer.drawable($0) } ?? text
    }

    /// Columns the cell at (row, column) covers in `frame`: 2 when the next cell continues it.
    private func cellWidth(_ frame: Frame, row: Int, column: Int) -> Int {
        if frame[row, column].isContinuation { return 0 }
        return column + 1 < frame.width && frame[row, column + 1].isContinuation ? 2 : 1
    }

    /// Draws one cell of `width` columns, so that ncurses' idea of the line never drifts from the frame's.
    ///
    /// The drawable scalars are split into spacing characters, each with at most
    /// CCHARW_MAX - 1 zero-width ones after it (extra marks are dropped). Anything ncurses
    /// would size differently from `width`, or a control character that slipped through,
    /// becomes U+FFFD padded with blanks.
    private func put(_ cell: Cell, row: Int, column: Int, width: Int) {
        let (attributes, pair) = palette.attributes(for: cell.style)
        var groups = Self.spacingGroups(Self.drawable(cell.text))
        if groups.isEmpty || groups.reduce(0, { $0 + $1.width }) != width {
            groups = [(["\u{FFFD}"], 1)] + Array(repeating: ([" "], 1), count: max(0, width - 1))
        }
        var x = column
        for group in groups {
            for (index, scalar) in group.scalars.enumerated() {
                cellScalars[index] = wchar_t(bitPattern: scalar.value)
            }
            cellScalars[group.scalars.count] = 0
            var character = cchar_t()
            setcchar(&character, cellScalars, attributes, pair, nil)
            // ERR in the bottom-right cell (the cursor cannot advance) is expected; the cell is set.
            mvwadd_wch(window, Int32(row), Int32(x), &character)
            x += group.width
        }
    }

    /// `text` as spacing characters with their zero-width followers; empty if any scalar is
    /// unprintable (wcwidth -1) or the text starts with a zero-width one.
    static func spacingGroups(_ text: String) -> [(scalars: [Unicode.Scalar], width: Int)] {
        var groups: [(scalars: [Unicode.Scalar], width: Int)] = []
        for scalar in text.unicodeScalars {
            let width = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
            if width < 0 { return [] }
            if width > 0 {
                groups.append(([scalar], width))
            } else if groups.isEmpty {
                return []
            } else if groups[groups.count - 1].scalars.count < Int(CCHARW_MAX) {
                groups[groups.count - 1].scalars.append(scalar)
            }
        }
        return groups
    }
}
