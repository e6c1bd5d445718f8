import Foundation
import ReadingState
import TextLayout
import ThreadModel

/// The `tread recent` picker: the threads read lately, one of them selected, as a pure value.
///
/// Keys move the selection (`j`/`k`, arrows, PgUp/PgDn, `g`/`G`, a count before any of them), Enter opens the
/// selected thread (or the one a count names: `3` Enter), `x` or `d` forgets it after a `y`, `q` and Esc quit.
/// The loop that owns the terminal does what `handle` answers and draws `render()`.
public struct RecentPicker: Sendable {
    /// What the loop must do after a key.
    public enum Outcome: Equatable, Sendable {
        /// Nothing but drawing again.
        case stay
        case open(RecentThread)
        /// Forget the thread, then call `forgot` (or `report` on failure).
        case forget(RecentThread)
        case quit
    }

    public private(set) var threads: [RecentThread]
    /// Each thread's title made one safe line, once: titles come from documents.
    private var titles: [String]
    /// The selection and the first entry on screen.
    private var window: PickerWindow
    public var selected: Int { window.selected }
    /// The first entry on screen.
    public var top: Int { window.top }
    public var rows: Int { window.rows }
    public private(set) var columns: Int
    /// Digits typed so far: `12` then Enter opens the twelfth thread.
    public private(set) var count: Int?
    /// Whether the selected thread waits for `y` to be forgotten.
    public private(set) var confirming = false
    /// A line for the bottom row until the next key.
    public private(set) var notice: String?
    private let now: Date

    /// The largest count kept: more digits than any list has are ignored, so a held key cannot overflow.
    static let countLimit = 99_999

    public init(threads: [RecentThread], rows: Int, columns: Int, now: Date) {
        self.threads = threads
        titles = threads.map { Sanitizer.singleLine($0.title) }
        window = PickerWindow(rows: rows)
        self.columns = max(0, columns)
        self.now = now
    }

    public mutating func resize(rows: Int, columns: Int) {
        self.columns = max(0, columns)
        window.resize(rows: rows, count: threads.count)
    }

    /// Applies a key; the answer says whether to open, forget, quit or just draw again.
    public mutating func handle(_ key: Key) -> Outcome {
        notice = nil
        if confirming {
            confirming = false
            guard key == .character("y") || key == .character("Y"), let thread = selectedThread else {
                notice = "Kept."
                return .stay
            }
            return .forget(thread)
        }
        if case .character(let character) = key, let digit = character.wholeNumberValue, character.isASCII {
            let typed = (count ?? 0) * 10 + digit
            if typed <= RecentPicker.countLimit, typed > 0 || count != nil { count = typed }
            return .stay
        }
        let typed = count
        count = nil
        switch key {
        case .character("j"), .down, .control("n"): move(by: typed ?? 1)
        case .character("k"), .up, .control("p"): move(by: -(typed ?? 1))
        case .pageDown, .character(" "), .control("f"): move(by: pageSize * (typed ?? 1))
        case .pageUp, .character("b"), .control("b"): move(by: -pageSize * (typed ?? 1))
        case .character("g"), .home: select(typed.map { $0 - 1 } ?? 0)
        case .character("G"), .end: select(typed.map { $0 - 1 } ?? threads.count - 1)
        case .enter, .right, .character("l"):
            if let typed {
                guard typed >= 1, typed <= threads.count else {
                    notice =
                        threads.isEmpty ? "No threads to open." : "No thread \(typed): the list has \(threads.count)."
                    return .stay
                }
                select(typed - 1)
            }
            if let thread = selectedThread { return .open(thread) }
        case .character("x"), .character("d"):
            guard selectedThread != nil else { return .stay }
            confirming = true
            notice = "Forget \u{201C}\(Wrapper.truncate(titles[selected], width: 40))\u{201D}? y/n"
        case .character("q"), .character("Q"): return .quit
        case .escape: return typed == nil ? .quit : .stay
        default: break
        }
        return .stay
    }

    /// Applies a mouse event: a click selects the thread under it, the wheel moves the selection.
    public mutating func handle(_ mouse: MouseEvent) -> Outcome {
        notice = nil
        confirming = false
        count = nil
        switch mouse.kind {
        case .wheelDown: move(by: 3)
        case .wheelUp: move(by: -3)
        case .click:
            if let index = window.entry(atRow: mouse.row), index < threads.count { select(index) }
        }
        return .stay
    }

    /// The forgotten thread leaves the list; the selection stays at its place.
    public mutating func forgot(_ thread: RecentThread) {
        guard let index = threads.firstIndex(where: { $0.key == thread.key }) else { return }
        notice = "Forgot \u{201C}\(Wrapper.truncate(titles[index], width: 40))\u{201D}."
        threads.remove(at: index)
        titles.remove(at: index)
        select(min(selected, threads.count - 1))
    }

    /// Shows `message` (a failure to forget, say) on the bottom row until the next key.
    public mutating func report(_ message: String) {
        notice = Sanitizer.singleLine(message)
    }

    public var selectedThread: RecentThread? {
        threads.indices.contains(selected) ? threads[selected] : nil
    }

    // MARK: - Moving

    private mutating func move(by delta: Int) {
        select(selected + delta)
    }

    private mutating func select(_ index: Int) {
        window.select(index, count: threads.count)
    }

    var pageSize: Int { window.pageSize }
    var layout: (firstRow: Int, listRows: Int, entryHeight: Int, chrome: Bool) { window.layout }
}

extension RecentPicker {
    /// "just now", "12 min ago", "3 h ago", "yesterday", "5 days ago".
    /// What a thread's line says of its last visit, each part with whether it counts added comments:
    /// "34 added", "290 unread" (numbers grouped); a thread last saved before tread told them apart
    /// (schema v2) keeps its old "14 new" (never on screen when it was opened) until it is read again.
    public static func visitCounts(of thread: RecentThread) -> [(text: String, added: Bool)] {
        var parts: [(text: String, added: Bool)] = []
        if let added = thread.addedCount { parts.append(("\(CountText.grouped(added)) added", added > 0)) }
        if let unread = thread.unreadCount { parts.append(("\(CountText.grouped(unread)) unread", false)) }
        if thread.addedCount == nil, thread.unreadCount == nil, thread.newCount > 0 {
            parts.append(("\(CountText.grouped(thread.newCount)) new", true))
        }
        return parts
    }

    public static func ago(_ date: Date, now: Date) -> String {
        // The date is the store's, which a hostile file or a clock gone wrong can put out of Int64's range or at
        // infinity, where converting would stop tread: clamped, and a future date is just now.
        let seconds = now.timeIntervalSince(date)
        let whole: Int64 = seconds > 0 ? (seconds < 9.2e18 ? Int64(seconds) : .max) : 0
        return ElapsedText.text(whole, style: .spaced) ?? ""
    }

    /// The screen: a title row, the threads on screen (title; when, comments, new, site), a status row.
    public func render() -> Frame {
        var frame = Frame(width: columns, height: rows)
        let layout = self.layout
        if layout.chrome {
            frame.put(
                Wrapper.truncate("Recent threads · \(CountText.counted(threads.count, "thread"))", width: columns),
                row: 0,
                column: 0, style: CellStyle(tint: .accent, bold: true))
            frame.put(Wrapper.truncate(statusLine, width: columns), row: rows - 1, column: 0, style: statusStyle)
        }
        if threads.isEmpty, layout.listRows > 0 {
            frame.put(Wrapper.truncate("No threads read yet.", width: columns), row: layout.firstRow, column: 0)
            return frame
        }
        let numberWidth = String(threads.count).count
        let indent = 2 + numberWidth + 2
        var row = layout.firstRow
        var index = top
        while index < threads.count, row + layout.entryHeight <= layout.firstRow + layout.listRows {
            let isSelected = index == selected
            let number = String(index + 1)
            let prefix =
                (isSelected ? "> " : "  ") + String(repeating: " ", count: numberWidth - number.count) + number + ". "
            let titleStyle = CellStyle(bold: isSelected, reverse: isSelected)
            let end = frame.put(prefix, row: row, column: 0, style: titleStyle)
            let title = Wrapper.truncate(titles[index], width: columns - end)
            let after = frame.put(title, row: row, column: end, style: titleStyle)
            if isSelected { frame.restyle(row: row, from: after, to: columns) { $0.reverse = true } }
            if layout.entryHeight == 2 { putDetails(of: threads[index], row: row + 1, column: indent, in: &frame) }
            row += layout.entryHeight
            index += 1
        }
        return frame
    }

    /// "5 min ago · 312 comments · 14 new · Hacker News", cut to the width.
    private func putDetails(of thread: RecentThread, row: Int, column: Int, in frame: inout Frame) {
        var parts: [(String, CellStyle)] = [
            (RecentPicker.ago(thread.opened, now: now), CellStyle(tint: .muted)),
            (CountText.counted(thread.commentCount, "comment"), CellStyle(tint: .muted)),
        ]
        for (text, isAdded) in RecentPicker.visitCounts(of: thread) {
            parts.append((text, isAdded ? CellStyle(tint: .new, bold: true) : CellStyle(tint: .muted)))
        }
        if let site = thread.site { parts.append((Sanitizer.singleLine(site), CellStyle(tint: .muted))) }
        var x = column
        for (number, (text, style)) in parts.enumerated() {
            // A separator with nothing after it says nothing: stop where the next part would not show.
            guard x + (number > 0 ? 3 : 0) < columns else { break }
            if number > 0 { x = frame.put(" · ", row: row, column: x, style: CellStyle(tint: .muted)) }
            x = frame.put(Wrapper.truncate(text, width: columns - x), row: row, column: x, style: style)
        }
    }

    private var statusLine: String {
        if let notice { return notice }
        if let count { return "\(count) (Enter opens thread \(count), Esc cancels)" }
        return "Enter opens · j/k move · x forgets · q quits"
    }

    private var statusStyle: CellStyle {
        notice != nil ? CellStyle(bold: true) : CellStyle(tint: .muted)
    }
}
