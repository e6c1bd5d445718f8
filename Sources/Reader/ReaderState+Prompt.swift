extension ReaderState {
    /// Searches kept for ↑/↓ in the prompt.
    static let historyLimit = 50

    /// A key in the search prompt, edited as a shell's line: ctrl-W deletes a word, ctrl-U the
    /// line, Backspace on an empty prompt closes it, ↑/↓ walk through earlier searches.
    mutating func promptInput(_ key: Key, query: String, layout: LayoutCache) {
        var query = query
        switch key {
        case .escape:
            mode = .reading
            message = nil
            historyPosition = nil
        case .enter:
            mode = .reading
            historyPosition = nil
            if !query.isEmpty, searchHistory.last != query {
                searchHistory.append(query)
                if searchHistory.count > Self.historyLimit { searchHistory.removeFirst() }
            }
            runSearch(query, layout: layout)
        case .backspace:
            if query.isEmpty {
                mode = .reading
                historyPosition = nil
                return
            }
            query.removeLast()
            mode = .searchPrompt(query)
        case .control("u"):
            mode = .searchPrompt("")
        case .control("w"):
            // The word before the cursor and the spaces after it, as a shell's ctrl-W.
            while query.last == " " { query.removeLast() }
            while let last = query.last, last != " " { query.removeLast() }
            mode = .searchPrompt(query)
        case .up:
            guard !searchHistory.isEmpty else { return }
            let position = max(0, (historyPosition ?? searchHistory.count) - 1)
            historyPosition = position
            mode = .searchPrompt(searchHistory[position])
        case .down:
            guard let position = historyPosition else { return }
            if position + 1 < searchHistory.count {
                historyPosition = position + 1
                mode = .searchPrompt(searchHistory[position + 1])
            } else {
                historyPosition = nil
                mode = .searchPrompt("")
            }
        case .character(let character):
            if query.count < 200 { query.append(character) }
            mode = .searchPrompt(query)
        default:
            break
        }
    }

    /// A key while the help is open: ↓/↑ (j/k, PgDn/PgUp, space) scroll it when the window is too
    /// short for all of it; any other key closes it.
    mutating func helpInput(_ key: Key) {
        let (room, last) = helpScrolling
        guard last > 0 else {
            mode = .reading
            return
        }
        switch key {
        case .down, .character("j"): scrollHelp(by: 1)
        case .up, .character("k"): scrollHelp(by: -1)
        case .pageDown, .character(" "): scrollHelp(by: room)
        case .pageUp: scrollHelp(by: -room)
        default: mode = .reading
        }
    }

    /// Scrolls the open help by `lines` (the wheel, the keys above), within what the window leaves hidden.
    mutating func scrollHelp(by lines: Int) {
        helpOffset = min(helpScrolling.last, max(0, helpOffset + lines))
    }

    /// The help's rows the window shows, and the last offset that still fills them (0: it all fits).
    private var helpScrolling: (room: Int, last: Int) {
        let room = max(1, min(pageRows, helpShape.perColumn + 2) - 2)
        return (room, max(0, helpShape.perColumn - room))
    }
}
