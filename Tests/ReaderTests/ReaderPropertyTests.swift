import PropertyBased
import Reader
import Testing
import ThreadModel
import ThreadTree

/// Random documents and random key sequences against the reader's invariants.
///
/// After every step, whatever the document, the window and the steps before:
///
/// 1. Nothing traps.
/// 2. `selection` is nil exactly when the document has no comments.
/// 3. The selection is a visible comment: no ancestor of it is folded.
/// 4. `top` names a visible item and a line inside it: when the page has rows, the first
///    visible line is `top` itself.
/// 5. The view contains the selection, with these exceptions only:
///    - the window is too small (`isTooSmall`, which also covers `pageRows` < 2): the
///      reader draws a note instead of the page, and a later resize brings the selection back;
///    - no comment line is on screen at all (the article fills the view, as on opening a
///      document with a tall article, or after `g`): the selection then waits, unseen, just
///      below.
///    So: if the page is drawn and shows any line of any comment, one of them is the selection.
/// 6. `render()` is a frame of exactly `rows` × `columns`.
@Suite struct ReaderPropertyTests {
    @Test func invariantsHoldAfterEveryStep() async {
        await propertyCheck(count: 400, input: Scenario.generator) { scenario in
            if let failure = scenario.firstViolation() { Issue.record("\(failure)\nin \(scenario)") }
        }
    }

    /// Half the steps on a preview (the first half of the comments) while the rest "loads",
    /// then the whole document, then the other half: the reader ends as if the whole had been
    /// there from the start (same screen, selection, view and folds).
    @Test func keysDuringABackgroundLoadEndAsOnALoadedDocument() async {
        await propertyCheck(count: 200, input: Scenario.generator) { scenario in
            if let failure = scenario.loadedDifference() { Issue.record("\(failure)\nin \(scenario)") }
        }
    }

    /// The first case the property found: the selection moved while the window had no rows
    /// to show it, and growing the window left it below the screen.
    @Test func selectionMovedWithoutRowsIsShownAfterAResize() {
        var state = ReaderState(discussion: discussion("a: #6\nb: two"), rows: 0, columns: 0)
        state.press("J")
        state.update(.resize(rows: 9, columns: 20))
        #expect(state.selectedName == "b")
        #expect(state.selectionIsVisible)
    }
}

// MARK: - What is checked

extension ReaderState {
    /// The first invariant of `ReaderPropertyTests` that does not hold, described; nil when all do.
    var violation: String? {
        let count = discussion.count
        guard let selection else {
            return count == 0 ? commonViolation : "no selection in a thread of \(count) comments"
        }
        if count == 0 { return "selection \(selection) in a thread without comments" }
        if selection < 0 || selection >= count { return "selection \(selection) out of 0..<\(count)" }
        if !tree.isVisible(selection) { return "selection \(selection) is hidden in a fold" }
        if !isTooSmall, visibleLines.contains(where: { $0.position.item.comment != nil }), !selectionIsVisible {
            return "selection \(selection) is off screen while comments are on it"
        }
        return commonViolation
    }

    private var commonViolation: String? {
        if let index = top.item.comment {
            if index < 0 || index >= discussion.count { return "top \(top) out of range" }
            if !tree.isVisible(index) { return "top \(top) is hidden in a fold" }
        }
        if pageRows > 0, let first = visibleLines.first?.position, first != top {
            return "top \(top) is not a line of its item (the first line shown is \(first))"
        }
        let frame = render()
        if frame.width != columns || frame.height != rows {
            return "frame is \(frame.height)x\(frame.width) in a \(rows)x\(columns) window"
        }
        return nil
    }
}

// MARK: - Scenarios

/// A document, a window, and what the reader does in it.
struct Scenario: CustomStringConvertible, Sendable {
    var comments: [CommentShape]
    var article: ArticleShape
    var rows: Int
    var columns: Int
    var steps: [Step]

    func discussion() -> Discussion {
        var builder = DiscussionBuilder(article: article.article)
        for (index, shape) in comments.enumerated() {
            builder.add(shape.comment(named: "c\(index)"), under: shape.parent(at: index))
        }
        do {
            return try builder.build()
        } catch {
            // The builder is given only valid parents, so this is a bug of the generator, not of the reader.
            fatalError("generated document is invalid: \(error)")
        }
    }

    /// Plays the steps; describes the first broken invariant, with the step that broke it.
    func firstViolation() -> String? {
        var state = ReaderState(discussion: discussion(), rows: rows, columns: columns)
        if let violation = state.violation { return "on opening: \(violation)" }
        for (number, step) in steps.enumerated() {
            state.update(step.message)
            if let violation = state.violation {
                return "after step \(number + 1) (\(step)) at \(state.rows)x\(state.columns): \(violation)"
            }
        }
        return nil
    }

    /// Plays half the steps on a preview, delivers the whole document, plays the rest; describes
    /// how that differs from playing every step on the whole document, or nil.
    func loadedDifference() -> String? {
        let full = discussion()
        var whole = ReaderState(discussion: full, rows: rows, columns: columns)
        var loaded = ReaderState(
            discussion: discussion(first: comments.count / 2), rows: rows, columns: columns, loading: true)
        for (number, step) in steps.enumerated() {
            if number == steps.count / 2 { loaded.update(.loaded(full)) }
            loaded.update(step.message)
            whole.update(step.message)
            if let violation = loaded.violation { return "after step \(number + 1) while loading: \(violation)" }
        }
        if steps.count < 2 { loaded.update(.loaded(full)) }
        if loaded.discussion.count != full.count { return "the whole document never replaced the preview" }
        if loaded.selection != whole.selection {
            return "selection \(String(describing: loaded.selection)) ≠ \(String(describing: whole.selection))"
        }
        if loaded.top != whole.top { return "top \(loaded.top) ≠ \(whole.top)" }
        if let index = (0..<full.count).first(where: { loaded.tree.isFolded($0) != whole.tree.isFolded($0) }) {
            return "comment \(index) folded differently"
        }
        if loaded.render() != whole.render() {
            return "screens differ:\n\(loaded.render().plainText)\n---\n\(whole.render().plainText)"
        }
        return nil
    }

    /// The document of the first `count` comments only, as a preview of the whole.
    func discussion(first count: Int) -> Discussion {
        var shorter = self
        shorter.comments = Array(comments.prefix(count))
        return shorter.discussion()
    }

    var description: String {
        let outline = comments.enumerated().map { index, shape in
            let parent = shape.parent(at: index).map { "c\($0)" } ?? "top"
            return "c\(index) under \(parent): \(shape.body)"
        }
        return """
            \(rows)x\(columns) window, article \(article), \(comments.count) comments
            \(outline.joined(separator: "\n"))
            steps: \(steps.map(\.description).joined(separator: ", "))
            """
    }
}

/// A generated comment: where it hangs and what its body is like.
struct CommentShape: Sendable {
    /// Below 20: a top-level comment; below 55: a reply to the comment just before (chains);
    /// else a reply to an earlier comment picked from the value. Shrinks toward a flat thread.
    var parentHint: Int
    var body: BodyShape

    func parent(at index: Int) -> Int? {
        guard index > 0, parentHint >= 20 else { return nil }
        if parentHint < 55 { return index - 1 }
        return (parentHint * 7919) % index
    }

    func comment(named name: String) -> ThreadModel.Comment {
        switch body {
        case .deleted: return ThreadModel.Comment(id: .string(name), deleted: true)
        case .absent: return ThreadModel.Comment(id: .string(name), author: name)
        default: return ThreadModel.Comment(id: .string(name), author: name, body: body.text)
        }
    }
}

/// The kinds of bodies that stress layout: none, tall, wide, unicode, hostile.
enum BodyShape: Sendable, CustomStringConvertible {
    case empty, absent, deleted, whitespace
    case words(Int)
    case tall(Int)
    case unicode(Int)
    case longWord(Int)
    case hostile
    case paragraphs(Int)

    init(kind: Int, size: Int) {
        switch kind {
        case 0: self = .empty
        case 1: self = .absent
        case 2: self = .deleted
        case 3: self = .whitespace
        case 4: self = .tall(size * 2)
        case 5: self = .unicode(size)
        case 6: self = .longWord(size * 20)
        case 7: self = .hostile
        case 8: self = .paragraphs(size / 5 + 1)
        default: self = .words(size)
        }
    }

    var text: String {
        switch self {
        case .empty, .absent, .deleted: return ""
        case .whitespace: return "  \n\t \n   "
        case .words(let n): return (0..<n).map { "word\($0)" }.joined(separator: " ")
        case .tall(let n): return (1...max(1, n)).map { "line \($0)" }.joined(separator: "\n")
        case .unicode(let n):
            let pieces = ["漢字", "👩‍👩‍👧", "e\u{301}", "🇫🇷", "ＡＢ", "שלום", "مرحبا", "❤️", "z̴̛͉", "ไทย"]
            return (0..<max(1, n)).map { pieces[$0 % pieces.count] }.joined(separator: n % 2 == 1 ? " " : "")
        case .longWord(let n): return String(repeating: "x", count: max(1, n))
        case .hostile: return "a\u{1B}]0;pwned\u{07}b \u{202E}rtl\u{202C} \u{85}c\r\nd\u{200B}e\u{FEFF}"
        case .paragraphs(let n): return (0..<n).map { "paragraph \($0) line" }.joined(separator: "\n\n")
        }
    }

    var description: String {
        switch self {
        case .empty: return "empty"
        case .absent: return "no body"
        case .deleted: return "deleted"
        case .whitespace: return "whitespace"
        case .words(let n): return "\(n) words"
        case .tall(let n): return "\(n) lines"
        case .unicode(let n): return "\(n) unicode pieces"
        case .longWord(let n): return "\(n)-char word"
        case .hostile: return "hostile"
        case .paragraphs(let n): return "\(n) paragraphs"
        }
    }
}

/// The article: none, short, or tall enough to fill any screen.
enum ArticleShape: Int, Sendable, CustomStringConvertible {
    case bare, short, tall, longTitle

    var article: Article {
        switch self {
        case .bare: return Article(title: "T")
        case .short: return Article(title: "Title", author: "me", body: ["One paragraph."])
        case .tall: return Article(title: "Tall", body: (1...60).map { "Paragraph \($0)." })
        case .longTitle: return Article(title: String(repeating: "title ", count: 40), body: ["x"])
        }
    }

    var description: String {
        switch self {
        case .bare: return "bare"
        case .short: return "short"
        case .tall: return "tall"
        case .longTitle: return "long-titled"
        }
    }
}

/// One thing the user does: a key through the keymap (in the mode the reader is in), or an
/// action given directly (mouse, resize, digits, the prompt's keys).
enum Step: Sendable, CustomStringConvertible {
    case press(Key)
    case act(Action)
    case send(Message)

    var message: Message {
        switch self {
        case .press(let key): return .key(key)
        case .act(let action): return .action(action)
        case .send(let message): return message
        }
    }

    var description: String {
        switch self {
        case .press(let key): return "press \(key.label)"
        case .act(let action): return "\(action)"
        case .send(let message): return "\(message)"
        }
    }

    /// Every key the standard keymap binds, and some it does not.
    static let keys: [Key] =
        Keymap.standard.bindings.flatMap(\.keys) + [
            .character("x"), .character("é"), .backspace, .escape, .function(5),
        ]

    /// Typed at the search prompt: letters that occur in the generated bodies, and some that do not.
    static let promptKeys: [Key] =
        ["l", "i", "n", "e", "w", "o", "r", "d", "漢", "👩‍👩‍👧", " ", "Q", "\u{1B}"].map { Key.character($0) }
        + [.enter, .enter, .escape, .backspace, .control("u"), .tab]

    /// Sizes at the edges: 1x1, too small, just big enough, a 2-row strip, ordinary.
    static let sizes: [(rows: Int, columns: Int)] = [(1, 1), (2, 200), (3, 20), (2, 19), (24, 80), (5, 13), (0, 0)]

    /// A step from three numbers, so that shrinking the numbers shrinks the step.
    init(kind: Int, a: Int, b: Int) {
        switch kind % 16 {
        case 0...6: self = .press(Step.keys[a % Step.keys.count])
        case 7, 8: self = .press(Step.promptKeys[a % Step.promptKeys.count])
        case 9: self = .press(.character(Character(String(a % 10))))
        case 10: self = .send(.mouse(MouseEvent(.click, row: a % 32 - 1, column: b % 100 - 1)))
        case 11:
            let kind: MouseEvent.Kind = a % 2 == 0 ? .wheelDown : .wheelUp
            self = .send(.mouse(MouseEvent(kind, row: a % 30, column: b % 90)))
        case 12:
            let size = Step.sizes[a % Step.sizes.count]
            self = .send(.resize(rows: size.rows, columns: size.columns))
        case 13: self = .send(.resize(rows: a % 60 + 1, columns: b % 220 + 1))
        case 14: self = .press(.character("/"))
        default: self = .act(.startSearch)
        }
    }
}

extension Scenario {
    /// Documents of 0–60 comments, windows of any size, 1–80 steps.
    static let generator = zip(
        zip(Gen.int(in: 0...99), Gen.int(in: 0...10), Gen.int(in: 0...40)).array(of: 0...60),
        Gen.int(in: 0...3),
        zip(Gen.int(in: 0...60), Gen.int(in: 0...220)),
        zip(Gen.int(in: 0...15), Gen.int(in: 0...999), Gen.int(in: 0...999)).array(of: 1...80)
    ).map { comments, article, size, steps in
        Scenario(
            comments: comments.map { CommentShape(parentHint: $0.0, body: BodyShape(kind: $0.1, size: $0.2)) },
            article: ArticleShape(rawValue: article) ?? .bare,
            rows: size.0,
            columns: size.1,
            steps: steps.map { Step(kind: $0.0, a: $0.1, b: $0.2) }
        )
    }
}
