import TextLayout
import ThreadTree

/// The window's own messages: a resize, the mouse, and keys while a prompt or the help has them.
extension ReaderState {
    mutating func resize(rows: Int, columns: Int, layout: LayoutCache) {
        let row = selectionRow(layout: layout)
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        if let selection, let row {
            viewport.place(.comment(selection), atRow: row, rows: pageRows, on: page(layout))
        } else if top.item == .article {
            top = PagePosition(.article, min(top.line, page(layout).height(.article) - 1))
        } else if let index = top.item.comment {
            top = PagePosition(top.item, min(top.line, page(layout).height(.comment(index)) - 1))
        }
        clampTop(layout: layout)
        // The article may stay at the top (it does on opening), unless comments show and the
        // selection is not among them: moved while the window had no page rows, it was never revealed.
        if let selection, !selectionIsVisible(layout: layout),
            top.item != .article || visibleLines(layout: layout).contains(where: { $0.position.item.comment != nil })
        {
            reveal(selection, layout: layout)
        }
    }

    mutating func mouse(_ event: MouseEvent, layout: LayoutCache) {
        switch event.kind {
        case .wheelDown where parentOverlay != nil: scrollParentOverlay(by: 3)
        case .wheelUp where parentOverlay != nil: scrollParentOverlay(by: -3)
        // The help is over the page: the wheel scrolls the help, not the page hidden under it.
        case .wheelDown where mode == .help: scrollHelp(by: 3)
        case .wheelUp where mode == .help: scrollHelp(by: -3)
        case .wheelDown: scroll(by: 3, layout: layout)
        case .wheelUp: scroll(by: -3, layout: layout)
        case .click where map && mode == .reading && event.column == columns - 1:
            jumpFromMap(row: event.row, layout: layout)
        case .click:
            guard mode == .reading, event.row >= 0, event.row < pageRows else {
                switch mode {
                case .help, .linkPicker, .parentOverlay: mode = .reading
                case .reading, .searchPrompt, .filterPrompt, .linePrompt, .confirmOverwrite: break
                }
                return
            }
            let shown = visibleLines(layout: layout)
            guard event.row < shown.count, let index = shown[event.row].position.item.comment else { return }
            message = nil
            selection = index
            articleSelected = false
            if case .header(let marker) = shown[event.row].line.role, event.column >= marker, event.column <= marker + 1
            {
                changeFolds(layout: layout) { $0.toggleFold(index) }
            }
        }
    }

    // MARK: - Prompt and help

    /// A key while a prompt, the help, the link picker or the parent overlay is open: it goes to them.
    mutating func input(_ key: Key, layout: LayoutCache) {
        switch mode {
        case .reading:
            return
        case .help:
            helpInput(key)
        case .filterPrompt(let query):
            filterInput(key, query: query, layout: layout)
        case .linkPicker(let current):
            pickerInput(key, at: current)
        case .parentOverlay(let overlay):
            parentOverlayInput(key, overlay)
        case .searchPrompt(let query):
            promptInput(key, query: query, layout: layout)
        case .linePrompt(let prompt):
            linePromptInput(key, prompt)
        case .confirmOverwrite(let request):
            confirmOverwriteInput(key, request)
        }
    }
}
