import TextLayout

/// A colour role; the terminal decides what each one looks like (256, 8 or no colours).
public enum Tint: Hashable, Sendable {
    case plain
    /// The colour of nesting level `n` (guides and the author of a comment at that level).
    case level(Int)
    case accent
    case muted
    /// A search hit: drawn over a colour of its own, or reversed where there are no colours.
    case highlight
    /// Roles the user's theme colours (config.toml's `[theme]`); without a theme they fall back
    /// to the looks above.
    case author, op, quote, code, link, new
    /// The bar beside the selected comment's text: the theme's `selection` colour, else the accent.
    case selection
}

/// How one cell is drawn.
public struct CellStyle: Hashable, Sendable {
    public var tint: Tint
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
    public var italic: Bool
    /// Part of the selected comment's header: drawn in the theme's `selection` style over the cell's
    /// own (reverse video without a theme), so the terminal, not the reader, decides the look.
    public var selected: Bool

    public init(
        tint: Tint = .plain, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false, italic: Bool = false, selected: Bool = false
    ) {
        self.tint = tint
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.italic = italic
        self.selected = selected
    }

    public static let plain = CellStyle()
}

/// One screen cell: a grapheme cluster already sanitised for drawing.
///
/// A wide character occupies its own cell and the next one; the next one holds
/// an empty `text` (a continuation cell) and is never drawn on its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String = " ", style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// An in-memory screen: what the reader renders and the terminal flushes.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Writes `text` from `column` on `row`, clipped to the frame (or to `limit` columns);
    /// returns the column after the last cell written.
    ///
    /// `text` must already be sanitised: every character is taken as one drawable cluster.
    /// A wide character that would straddle the right edge is replaced by a blank.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, row: Int, column: Int, style: CellStyle = .plain, limit: Int? = nil
    ) -> Int {
        guard row >= 0, row < height else { return column }
        let end = min(width, limit.map { column + $0 } ?? width)
        var x = column
        for character in text {
            let w = TextWidth.of(character)
            if w == 0 { continue }
            if x + w > end {
                if x >= 0, x < end {
                    splitWide(row: row, from: x, to: x + 1)
                    self[row, x] = Cell(" ", style: style)
                }
                x = end
                break
            }
            if x >= 0 {
                splitWide(row: row, from: x, to: x + w)
                self[row, x] = Cell(String(character), style: style)
                if w == 2 { self[row, x + 1] = Cell("", style: style) }
            }
            x += w
        }
        return x
    }

    /// Blanks what is left outside `start..<end` of a wide character that the cells being written
    /// cut, keeping its style: half of one is a cell the terminal would draw as "�".
    private mutating func splitWide(row: Int, from start: Int, to end: Int) {
        if start > 0, self[row, start].isContinuation {
            self[row, start - 1] = Cell(" ", style: self[row, start - 1].style)
        }
        if end < width, self[row, end].isContinuation {
            self[row, end] = Cell(" ", style: self[row, end].style)
        }
    }

    /// Paints `style` over a run of cells without changing their text.
    public mutating func restyle(row: Int, from start: Int, to end: Int, _ change: (inout CellStyle) -> Void) {
        guard row >= 0, row < height else { return }
        for x in max(0, start)..<min(width, max(start, end)) {
            change(&cells[row * width + x].style)
        }
    }

    /// The frame as text, one line a row, continuation cells skipped, trailing blanks trimmed.
    public var plainText: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for row in 0..<height {
            var line = ""
            for x in 0..<width {
                let cell = cells[row * width + x]
                if !cell.isContinuation { line += cell.text }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
