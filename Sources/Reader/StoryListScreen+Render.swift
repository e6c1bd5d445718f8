import Foundation
import TextLayout
import ThreadModel

extension StoryListScreen {
    /// The screen: a title row, the stories on screen (title and domain; score, comments, new,
    /// author, age, marks), a status row; or the help over it.
    public func render() -> Frame {
        var frame = Frame(width: columns, height: rows)
        let layout = self.layout
        if layout.chrome {
            let count = list.stories.count
            var title = "\(Sanitizer.singleLine(list.name)) · \(CountText.counted(count, "story", plural: "stories"))"
            if list.missing > 0 { title += " · \(list.missing) missing" }
            frame.put(
                Wrapper.truncate(title, width: columns), row: 0, column: 0, style: CellStyle(tint: .accent, bold: true))
            frame.put(Wrapper.truncate(statusLine, width: columns), row: rows - 1, column: 0, style: statusStyle)
        }
        if mode == .help {
            putHelp(in: &frame, from: layout.firstRow, rows: layout.listRows)
            return frame
        }
        if list.stories.isEmpty, layout.listRows > 0 {
            let empty = fetching ? "Fetching…" : "No stories."
            frame.put(Wrapper.truncate(empty, width: columns), row: layout.firstRow, column: 0)
            return frame
        }
        let numberWidth = String(list.stories.count).count
        let indent = 2 + numberWidth + 2
        var row = layout.firstRow
        var index = top
        while index < list.stories.count, row + layout.entryHeight <= layout.firstRow + layout.listRows {
            putStory(index, row: row, numberWidth: numberWidth, in: &frame)
            if layout.entryHeight == 2 { putDetails(of: list.stories[index], row: row + 1, column: indent, in: &frame) }
            row += layout.entryHeight
            index += 1
        }
        return frame
    }

    /// "> 12. Title (domain)": a story never opened in bold, one read in the plain style.
    private func putStory(_ index: Int, row: Int, numberWidth: Int, in frame: inout Frame) {
        let story = list.stories[index]
        let isSelected = index == selected
        let number = String(index + 1)
        let prefix =
            (isSelected ? "> " : "  ") + String(repeating: " ", count: numberWidth - number.count) + number + ". "
        let unread = newComments(story) == nil
        let titleStyle = CellStyle(bold: isSelected || unread, reverse: isSelected)
        var x = frame.put(prefix, row: row, column: 0, style: titleStyle)
        x = frame.put(Wrapper.truncate(titles[index], width: columns - x), row: row, column: x, style: titleStyle)
        if let domain = story.domain, x + 4 < columns {
            let shown = Wrapper.truncate(" (\(Sanitizer.singleLine(domain)))", width: columns - x)
            x = frame.put(shown, row: row, column: x, style: CellStyle(tint: .muted, reverse: isSelected))
        }
        if isSelected { frame.restyle(row: row, from: x, to: columns) { $0.reverse = true } }
    }

    /// "123 points · 45 comments · 12 added · 30 unread · alice · 3 h ago · stickied · rust", cut to the width.
    /// A story read before tread counted the unread says "12 added"; one with neither, "read".
    private func putDetails(of story: Story, row: Int, column: Int, in frame: inout Frame) {
        let muted = CellStyle(tint: .muted)
        var parts: [(String, CellStyle)] = []
        if let score = story.score { parts.append((CountText.counted(score, "point"), muted)) }
        if let comments = commentCount(story) { parts.append((CountText.counted(comments, "comment"), muted)) }
        if let added = newComments(story) {
            let unread = unreadComments(story)
            if added == 0 && (unread ?? 0) == 0 {
                parts.append(("read", muted))
            } else {
                parts.append(
                    ("\(CountText.grouped(added)) added", added > 0 ? CellStyle(tint: .new, bold: true) : muted))
                if let unread { parts.append(("\(CountText.grouped(unread)) unread", muted)) }
            }
        }
        if let author = story.author { parts.append((Sanitizer.singleLine(author), CellStyle(tint: .author))) }
        if let created = story.created {
            parts.append((RecentPicker.ago(Date(timeIntervalSince1970: created), now: now), muted))
        }
        for mark in story.marks.prefix(8) { parts.append((Sanitizer.singleLine(mark), CellStyle(tint: .highlight))) }
        var x = column
        for (number, (text, style)) in parts.enumerated() {
            // A separator with nothing after it says nothing: stop where the next part would not show.
            guard x + (number > 0 ? 3 : 0) < columns else { break }
            if number > 0 { x = frame.put(" · ", row: row, column: x, style: muted) }
            x = frame.put(Wrapper.truncate(text, width: columns - x), row: row, column: x, style: style)
        }
    }

    /// The list's keys, named from the same keymap the keys are read from.
    var helpLines: [(keys: String, help: String)] {
        func keys(_ action: Action, _ fallback: String) -> String {
            let labels = keymap.bindings.filter { $0.action == action }.map(\.label)
            return labels.isEmpty ? fallback : labels.joined(separator: " ")
        }
        return [
            (keys(.nextComment, "j"), "next story"),
            (keys(.previousComment, "k"), "previous story"),
            (keys(.pageDown, "PgDn"), "a page down"),
            (keys(.pageUp, "PgUp"), "a page up"),
            (keys(.top, "g"), "first story"),
            (keys(.bottom, "G"), "last story (the end loads the next page)"),
            ("Enter", "open the story's discussion"),
            (keys(.openArticle, "L"), "open the story's link in $BROWSER"),
            (keys(.openThread, "O"), "open the discussion's page in $BROWSER"),
            (keys(.startSearch, "/"), "search titles"),
            (keys(.nextMatch, "n") + " / " + keys(.previousMatch, "N"), "next / previous match"),
            (keys(.reload, "R"), "fetch the list again"),
            ("Esc", "stop fetching a page"),
            (keys(.showHelp, "?"), "this help"),
            (keys(.quit, "q"), "quit"),
        ]
    }

    private func putHelp(in frame: inout Frame, from firstRow: Int, rows count: Int) {
        let lines = helpLines
        let keyWidth = min(16, lines.map { $0.keys.count }.max() ?? 0)
        for (offset, line) in lines.prefix(count).enumerated() {
            let keys = Wrapper.truncate(line.keys, width: keyWidth)
            let x = frame.put(
                "  " + keys, row: firstRow + offset, column: 0, style: CellStyle(tint: .accent, bold: true))
            let gap = 2 + keyWidth + 2 - x
            frame.put(
                Wrapper.truncate(String(repeating: " ", count: max(1, gap)) + line.help, width: max(0, columns - x)),
                row: firstRow + offset, column: x)
        }
    }

    private var statusLine: String {
        if case .searchPrompt(let typed) = mode { return "/" + Sanitizer.singleLine(typed) }
        if mode == .help { return "any key closes the help" }
        if let notice { return notice }
        let position = list.stories.isEmpty ? "" : "\(selected + 1)/\(list.stories.count)"
        if fetching { return "\(position) · fetching the next page… (Esc stops)" }
        var line = position
        if let origin { line += " · " + Sanitizer.singleLine(origin) }
        if list.next != nil { line += " · more at the end" }
        return line + " · Enter opens · ? help"
    }

    private var statusStyle: CellStyle {
        notice != nil ? CellStyle(bold: true) : CellStyle(tint: .muted)
    }
}
