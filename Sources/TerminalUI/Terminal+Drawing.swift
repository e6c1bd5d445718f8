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
                // The whole screen was just erased to blanks of the default look: a blank of it is there already.
                if previous == nil, width == 1, cell.text == " ", palette.isErased(cell.style) { continue }
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

    /// Makes each link number on screen an OSC 8 hyperlink, after `draw`.
    ///
    /// ncurses cannot carry OSC 8 in its cells, so the number is written again over itself
    /// inside the sequence, between DECSC and DECRC (cursor and attributes saved and restored),
    /// and only where the frame shows exactly that text in the plain style: ncurses' picture of
    /// the screen and of the cursor stays true. Written every frame, so a cell that shows another
    /// link's number after scrolling gets that link.
    public func emitHyperlinks(_ links: [ScreenLink], in frame: Frame) {
        guard hyperlinks else { return }
        let sequence = Self.hyperlinkSequence(links, in: frame)
        if !sequence.isEmpty { emit(sequence) }
    }

    /// The bytes `emitHyperlinks` writes: per link, save, move, the number inside OSC 8, restore.
    static func hyperlinkSequence(_ links: [ScreenLink], in frame: Frame) -> String {
        var out = ""
        for link in links {
            guard link.row >= 0, link.row < frame.height, link.column >= 0,
                link.column + link.text.count <= frame.width,
                let start = Hyperlink.start(link.url)
            else { continue }
            let cells = (0..<link.text.count).map { frame[link.row, link.column + $0] }
            guard cells.map(\.text).joined() == link.text, cells.allSatisfy({ $0.style == .plain }) else { continue }
            out += "\u{1B}7\u{1B}[\(link.row + 1);\(link.column + 1)H\u{1B}[0m" + start + link.text + Hyperlink.end
            out += "\u{1B}8"
        }
        return out
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
        // Most cells are one printable ASCII character, which the general way below draws as it is (its
        // own drawable form, one column wide): drawn so without building its groups (issue 25, first frame).
        if width == 1, cell.text.utf8.count == 1, let byte = cell.text.utf8.first, byte >= 0x20, byte < 0x7F {
            cellScalars[0] = wchar_t(byte)
            cellScalars[1] = 0
            var character = cchar_t()
            setcchar(&character, cellScalars, attributes, pair, nil)
            mvwadd_wch(window, Int32(row), Int32(column), &character)
            return
        }
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
