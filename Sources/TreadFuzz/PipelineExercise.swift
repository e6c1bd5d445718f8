import Reader
import ThreadModel
import ThreadTree

/// Drives one input through every stage tread has: load, flatten, lay out, act, render, print
/// (and, through `FormatExercise`, every importer and the CLI's error lines).
///
/// Shared by the libFuzzer entry point and the replay command, so a crash found by the fuzzer
/// reproduces with a plain debug build. Besides "does not crash", it checks what must hold for
/// any document: the reader's frame is exactly the window's size, the selection is a visible
/// comment (nil only without comments), and no cell or printed line carries a terminal control.
enum PipelineExercise {
    /// Window sizes every loaded document is read at: ordinary, degenerate, too small to draw,
    /// just big enough, and too short.
    static let sizes: [(rows: Int, columns: Int)] = [(24, 80), (1, 1), (5, 13), (6, 24), (2, 200)]

    /// Widths `--print` is run at.
    static let printWidths = [1, 13, 80]

    /// Messages every document gets, in this order, at every size.
    static let script: [Message] = [
        .action(.nextComment), .action(.nextComment), .action(.toggleFold), .action(.nextComment), .action(.bottom),
        .action(.previousComment), .action(.foldAll), .action(.nextComment), .action(.unfoldAll),
        .key(.character("2")), .action(.parent), .key(.character("3")), .action(.foldOrParent), .action(.unfold),
        .action(.nextSibling), .action(.previousSibling), .action(.nextThread), .action(.previousThread),
        .action(.root), .action(.foldThreadAndNext), .action(.pageDown), .action(.halfPageUp), .action(.lineDown),
        .action(.lineUp), .action(.top), .action(.firstComment), .action(.startSearch), .key(.character("e")),
        .key(.enter), .action(.nextMatch), .action(.previousMatch), .mouse(MouseEvent(.click, row: 3, column: 2)),
        .mouse(MouseEvent(.wheelDown, row: 0, column: 0)), .resize(rows: 7, columns: 31), .action(.showHelp),
        .key(.escape), .resize(rows: 1, columns: 1), .action(.nextComment), .resize(rows: 24, columns: 80),
        .action(.bottom),
    ]

    /// Runs everything over `data`; traps (through `check`) when something that must hold does not.
    static func run(_ data: UnsafeRawBufferPointer) {
        FormatExercise.run(data)
        let bytes = DocumentBytes(data)
        let discussion: Discussion
        do {
            discussion = try Discussion.load(bytes)
        } catch {
            // A refusal must still be a message a user can read.
            check(!error.description.isEmpty, "an empty error message")
            return
        }
        let tree = CommentTree(discussion: discussion)
        tree.checkInvariants()
        check(tree.count == discussion.count, "the tree and the discussion disagree on the count")
        checkDocumentFacts(discussion, tree: tree)

        var random = InputRandom(data)
        for size in sizes {
            var state = ReaderState(discussion: discussion, rows: size.rows, columns: size.columns)
            let layout = LayoutCache()
            // Drawing is most of the time spent; a small window is drawn after every action, a
            // big one now and then, so the fuzzer gets through more inputs.
            let drawEvery = size.rows * size.columns <= 200 ? 1 : 6
            checkState(state, layout: layout, render: true)
            for (number, message) in script.enumerated() {
                state.update(message, layout: layout)
                checkState(state, layout: layout, render: number % drawEvery == 0)
            }
            // A few actions the input chooses, so the fuzzer can steer the reader too.
            for number in 0..<24 {
                state.update(random.message(count: discussion.count), layout: layout)
                checkState(state, layout: layout, render: number % drawEvery == 0)
            }
            checkState(state, layout: layout, render: true)
        }
        for width in printWidths {
            for depthLimit in [nil, 2] {
                ThreadPrinter(width: width, depthLimit: depthLimit).print(discussion, tree: tree) { line in
                    check(isPrintable(line, allowingNewline: true), "a control in --print output")
                }
            }
        }
    }

    /// What must hold after every action, whatever the document.
    static func checkState(_ state: ReaderState, layout: LayoutCache, render: Bool) {
        if let selection = state.selection {
            check(selection >= 0 && selection < state.discussion.count, "the selection is out of range")
            check(state.tree.isVisible(selection), "the selection is hidden in a fold")
        } else {
            check(state.discussion.count == 0, "no selection in a thread with comments")
        }
        if let top = state.top.item.comment {
            check(state.tree.isVisible(top), "the top of the view is hidden in a fold")
        }
        guard render else { return }
        let frame = state.render(layout: layout)
        check(frame.width == state.columns && frame.height == state.rows, "the frame is not the window's size")
        for cell in frame.cells {
            check(isPrintable(cell.text, allowingNewline: false), "a control in a frame cell")
        }
    }

    /// Whether `text` holds nothing a terminal would take as a control.
    static func isPrintable(_ text: String, allowingNewline: Bool) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x0A: return allowingNewline
            case 0x00...0x1F, 0x7F...0x9F: return false
            case 0x202A...0x202E, 0x2066...0x2069: return false
            default: return true
            }
        }
    }

    /// Traps with a message the fuzzer shows next to the stack.
    static func check(_ condition: @autoclosure () -> Bool, _ message: StaticString) {
        if !condition() { fatalError("\(message)") }
    }
}

/// A small deterministic generator seeded from the input, for the actions it picks.
struct InputRandom {
    private var state: UInt64

    init(_ data: UnsafeRawBufferPointer) {
        // FNV-1a: any change to the input changes the actions.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        state = hash
    }

    mutating func next(below bound: Int) -> Int {
        // SplitMix64.
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }

    /// Any message a user makes, with arguments in and around the ranges that make sense.
    mutating func message(count: Int) -> Message {
        let plain: [Action] = [
            .nextComment, .previousComment, .nextSibling, .previousSibling, .nextThread, .previousThread,
            .parent, .root, .toggleFold, .foldOrParent, .unfold, .foldThreadAndNext, .foldAll, .unfoldAll,
            .lineDown, .lineUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom, .firstComment,
            .startSearch, .nextMatch, .previousMatch, .showHelp,
        ]
        let keys: [Key] = [
            .character("a"), .character("é"), .character("👩‍👩‍👧"), .character(" "), .character("\u{1B}"),
            .enter, .escape, .backspace, .control("u"), .tab, .up, .function(1),
        ]
        switch next(below: 10) {
        case 0: return .key(.character(Character(String(next(below: 10)))))
        case 1: return .key(keys[next(below: keys.count)])
        case 2: return .mouse(MouseEvent(.click, row: next(below: 30) - 2, column: next(below: 90) - 2))
        case 3: return .mouse(MouseEvent(next(below: 2) == 0 ? .wheelUp : .wheelDown, row: 0, column: 0))
        case 4: return .resize(rows: next(below: 40) - 1, columns: next(below: 210) - 1)
        default: return .action(plain[next(below: plain.count)])
        }
    }
}
