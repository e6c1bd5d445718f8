import TextLayout

extension ReaderState {
    /// The link picker: the selected comment's links, numbered as in its text, the chosen one reversed.
    ///
    /// Each line is `[N] label  address`, the address shortened to the box (the whole one is what opens);
    /// a refused link says so instead of being offered.
    func drawLinkPicker(_ current: Int, into frame: inout Frame) {
        let links = selectedLinks
        let width = min(columns - 2, 100)
        let inner = width - 2
        let height = min(pageRows, links.count + 2)
        guard width >= 10, height >= 3 else { return }
        let left = (columns - width) / 2
        let room = height - 2
        let topRow = max(0, (pageRows - height) / 2)
        let border = CellStyle(tint: .accent)
        frame.put("┌" + String(repeating: "─", count: inner) + "┐", row: topRow, column: left, style: border)
        frame.put(
            Wrapper.truncate(" open which link? number, ↑↓ and enter; esc closes ", width: inner - 2), row: topRow,
            column: left + 2, style: CellStyle(tint: .accent, bold: true))
        for k in 0..<room {
            frame.put(
                "│" + String(repeating: " ", count: inner) + "│", row: topRow + 1 + k, column: left, style: border)
        }
        frame.put(
            "└" + String(repeating: "─", count: inner) + "┘", row: topRow + height - 1, column: left, style: border)
        // Scrolled so the chosen link is always in the box.
        let first = max(0, min(current - room + 1, links.count - room))
        for (row, link) in links[first..<min(links.count, first + room)].enumerated() {
            let tag = "[\(link.number)] "
            let label = link.label.map { Wrapper.truncate(Blocks.oneLine($0), width: max(1, inner / 3)) + "  " } ?? ""
            let room = max(1, inner - 2 - TextWidth.of(tag) - TextWidth.of(label))
            let address: String
            switch link.safety {
            case .safe: address = link.display(maxWidth: room)
            case .refused(let why): address = Wrapper.truncate("refused: " + why, width: room)
            }
            let selected = first + row == current
            let style = selected ? CellStyle(tint: .link, reverse: true) : CellStyle(tint: .link)
            let end = frame.put(tag + label, row: topRow + 1 + row, column: left + 2, style: selected ? style : .plain)
            frame.put(address, row: topRow + 1 + row, column: end, style: style, limit: left + width - 2 - end)
        }
    }
}
