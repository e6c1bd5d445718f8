/// Which entry of a full-screen pick list is selected and which is first on screen: the rules the
/// `tread recent` picker and the front-page screen share (clamping, keeping the selection in view,
/// the rows the chrome takes), as a value, so both move and draw by the same ones.
struct PickerWindow: Equatable, Sendable {
    private(set) var selected = 0
    /// The first entry on screen.
    private(set) var top = 0
    private(set) var rows: Int

    init(rows: Int) {
        self.rows = max(0, rows)
    }

    /// Where the entries go: below a title row and above a status row when there are four rows or
    /// more; two rows an entry when at least two rows are left for it.
    var layout: (firstRow: Int, listRows: Int, entryHeight: Int, chrome: Bool) {
        let chrome = rows >= 4
        let listRows = chrome ? rows - 2 : rows
        return (chrome ? 1 : 0, listRows, listRows >= 2 ? 2 : 1, chrome)
    }

    /// How many entries fit on the screen at once.
    var pageSize: Int {
        let layout = self.layout
        return max(1, layout.listRows / layout.entryHeight)
    }

    /// Selects `index`, clamped to the `count` entries, and scrolls it into view.
    mutating func select(_ index: Int, count: Int) {
        selected = max(0, min(index, count - 1))
        scroll(count: count)
    }

    mutating func resize(rows: Int, count: Int) {
        self.rows = max(0, rows)
        scroll(count: count)
    }

    /// The entry drawn at screen row `row`, before checking it exists; nil outside the list's rows.
    func entry(atRow row: Int) -> Int? {
        let layout = self.layout
        let offset = row - layout.firstRow
        guard offset >= 0, offset < layout.listRows else { return nil }
        return top + offset / layout.entryHeight
    }

    private mutating func scroll(count: Int) {
        let page = pageSize
        if selected < top { top = selected }
        if selected >= top + page { top = selected - page + 1 }
        top = max(0, min(top, count - page))
    }
}
