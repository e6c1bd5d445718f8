/// Many search queries looked for in a comment's text at once: which of them its decoded body holds, each
/// by exactly `TextMatcher`'s rule (the one `Discussion.bodyMatches` answers), in one pass over the bytes.
///
/// A kill-file of a thousand words asks a thousand questions of every comment; asking them one by one
/// reads each body a thousand times. Here the ASCII queries are one automaton (Aho–Corasick, ASCII case
/// folded) that reads the raw bytes once, and a raw hit is settled as `holds` settles it: taken where it
/// stands alone, else (or where escapes or a Kelvin sign could spell a query once decoded) the body is
/// decoded once and lower-cased once, the automaton reads that, and only the queries it finds there get
/// `TextMatcher.matches` on the decoded text. Queries that fold to non-ASCII are asked one by one, as before.
public struct TextMatcherSet: Sendable {
    public let matchers: [TextMatcher]
    /// The automaton's patterns (distinct ASCII needles) and, per pattern, the matchers that have it.
    private let automaton: NeedleAutomaton
    private let patternMatchers: [[Int]]
    /// Per pattern: whether a Kelvin sign in the raw text could spell it once lower-cased (it holds a `k`).
    private let patternHasK: [Bool]
    /// Matchers without an ASCII needle, asked one by one; and all of them when there are so few that one
    /// memchr skim each (`holds`) reads faster than the automaton.
    private let others: [Int]

    /// Up to this many ASCII queries are asked one by one.
    static let fewest = 3

    public init(_ matchers: [TextMatcher]) {
        self.matchers = matchers
        var patterns: [[UInt8]] = []
        var patternOf: [[UInt8]: Int] = [:]
        var patternMatchers: [[Int]] = []
        var others: [Int] = []
        for (index, matcher) in matchers.enumerated() {
            guard let needle = matcher.asciiNeedle else {
                if !matcher.isEmpty { others.append(index) }
                continue
            }
            if let pattern = patternOf[needle] {
                patternMatchers[pattern].append(index)
            } else {
                patternOf[needle] = patterns.count
                patterns.append(needle)
                patternMatchers.append([index])
            }
        }
        if patterns.count <= Self.fewest {
            others = matchers.indices.filter { !matchers[$0].isEmpty }
            (patterns, patternMatchers) = ([], [])
        }
        automaton = NeedleAutomaton(patterns)
        self.patternMatchers = patternMatchers
        patternHasK = patterns.map { $0.contains(UInt8(ascii: "k")) }
        self.others = others
    }

    public var isEmpty: Bool { matchers.isEmpty }

    /// What one thread keeps between comments, so a pass allocates nothing per comment.
    public struct Scratch {
        /// Per pattern: 0 no raw hit, 1 a raw hit not yet settled, 2 held.
        fileprivate var status: [UInt8]
        fileprivate var touched: [Int]
        fileprivate var found: [Bool]

        public init(for set: TextMatcherSet) {
            status = [UInt8](repeating: 0, count: set.patternMatchers.count)
            touched = []
            found = [Bool](repeating: false, count: set.patternMatchers.count)
        }
    }

    /// Calls `found` with the index (in `matchers`) of every query comment `index`'s decoded body holds.
    public func bodyMatches(
        in discussion: Discussion, comment index: Int, scratch: inout Scratch, found: (Int) -> Void
    ) {
        let ref = discussion.records[index].body
        guard !ref.isAbsent, let text = discussion.bytes.bytes(of: ref) else { return }
        for matcher in others where discussion.bytes.holds(matchers[matcher], in: ref) { found(matcher) }
        guard !patternMatchers.isEmpty else { return }
        defer {
            for pattern in scratch.touched { scratch.status[pattern] = 0 }
            scratch.touched.removeAll(keepingCapacity: true)
        }
        var unsettled = 0
        automaton.scan(text) { pattern, end in
            guard scratch.status[pattern] != 2 else { return }
            if scratch.status[pattern] == 0 { scratch.touched.append(pattern) } else { unsettled -= 1 }
            if DocumentBytes.standsAlone(end - automaton.lengths[pattern]..<end, in: text) {
                scratch.status[pattern] = 2
            } else {
                scratch.status[pattern] = 1
                unsettled += 1
            }
        }
        for pattern in scratch.touched where scratch.status[pattern] == 2 {
            for matcher in patternMatchers[pattern] { found(matcher) }
        }
        // What `holds` decodes for: a raw hit that does not stand alone, and every query without a raw hit
        // when escapes (or, for a query with a `k`, a Kelvin sign) could spell it once decoded.
        let escapes =
            ref.isJSONEscaped
            && (DocumentBytes.find(DocumentBytes.unicodeEscape, in: text, from: 0, anchor: 0) != nil
                || DocumentBytes.find(DocumentBytes.slashEscape, in: text, from: 0, anchor: 0) != nil)
        let kelvin = DocumentBytes.find(DocumentBytes.kelvin, in: text, from: 0, anchor: 0) != nil
        guard unsettled > 0 || escapes || kelvin else { return }
        let decoded = discussion.bytes.string(ref) ?? ""
        var lowered = decoded.lowercased()
        // The automaton over the lowered text finds every query whose folded bytes it holds: the first
        // test of `TextMatcher.matches`, which settles the rest.
        for k in scratch.found.indices { scratch.found[k] = false }
        lowered.withUTF8 { bytes in
            automaton.scan(UnsafeRawBufferPointer(bytes)) { pattern, _ in scratch.found[pattern] = true }
        }
        for pattern in scratch.found.indices where scratch.found[pattern] {
            let status = scratch.status[pattern]
            let undecided = status == 1 || (status == 0 && (escapes || (kelvin && patternHasK[pattern])))
            guard undecided else { continue }
            for matcher in patternMatchers[pattern] where matchers[matcher].matches(decoded) { found(matcher) }
        }
    }
}

/// An Aho–Corasick automaton over ASCII needles (lower-cased), reading text with ASCII letters folded:
/// every occurrence of every needle in one pass, a table step a byte.
struct NeedleAutomaton: Sendable {
    /// Each needle's length, by pattern.
    let lengths: [Int]
    /// Byte → its class (letters folded; every byte no needle holds is class 0).
    private let classes: [UInt8]
    private let classCount: Int
    /// The table, failure links folded in: entry `row + class` is the next state's row (its state times
    /// `classCount`), bit-inverted (negative) when that state reports a pattern, so the loop tests one sign.
    private let next: [Int32]
    /// The pattern a state ends, or -1; the nearest state down its failure links that ends one, or -1; and
    /// the first of them to report in a state (itself when it ends a pattern, else its output link).
    private let ends: [Int32]
    private let outputLink: [Int32]
    private let report: [Int32]

    init(_ patterns: [[UInt8]]) {
        lengths = patterns.map(\.count)
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for byte in Set(patterns.joined()).sorted() where classes[Int(byte)] == 0 {
            classes[Int(byte)] = UInt8(classCount)
            classCount += 1
        }
        // Upper-case letters read as their lower case, as `TextMatcher.lower` folds them.
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(byte)] = classes[Int(byte | 0x20)] }
        self.classes = classes
        self.classCount = classCount
        // The trie, its edges in the table (-1: none yet).
        var next = [Int32](repeating: -1, count: classCount)
        var ends: [Int32] = [-1]
        for (pattern, needle) in patterns.enumerated() {
            var state = 0
            for byte in needle {
                let slot = state * classCount + Int(classes[Int(byte)])
                if next[slot] < 0 {
                    next[slot] = Int32(ends.count)
                    ends.append(-1)
                    next.append(contentsOf: repeatElement(-1, count: classCount))
                }
                state = Int(next[slot])
            }
            ends[state] = Int32(pattern)
        }
        // Failure links breadth first (a queue, no recursion); missing edges become the failure's edges.
        var failure = [Int32](repeating: 0, count: ends.count)
        var outputLink = [Int32](repeating: -1, count: ends.count)
        var queue: [Int] = []
        for symbol in 0..<classCount {
            if next[symbol] < 0 { next[symbol] = 0 } else { queue.append(Int(next[symbol])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for symbol in 0..<classCount {
                let slot = state * classCount + symbol
                let fallback = next[Int(failure[state]) * classCount + symbol]
                if next[slot] < 0 {
                    next[slot] = fallback
                } else {
                    let child = Int(next[slot])
                    failure[child] = fallback
                    outputLink[child] = ends[Int(fallback)] >= 0 ? fallback : outputLink[Int(fallback)]
                    queue.append(child)
                }
            }
        }
        // States renumbered breadth first, so the shallow ones, where text spends nearly all its bytes, share a
        // few cache lines of the table rather than lying among the deep states of every needle.
        var number = [Int32](repeating: 0, count: ends.count)
        for (k, state) in queue.enumerated() { number[state] = Int32(k + 1) }
        var order = [Int](repeating: 0, count: ends.count)
        for state in queue { order[Int(number[state])] = state }
        let renumbered = { (state: Int32) in state < 0 ? state : number[Int(state)] }
        let report = order.map { ends[$0] >= 0 ? number[$0] : renumbered(outputLink[$0]) }
        let width = Int32(classCount)
        var table = [Int32](repeating: 0, count: next.count)
        for (new, old) in order.enumerated() {
            for symbol in 0..<classCount {
                let state = number[Int(next[old * classCount + symbol])]
                table[new * classCount + symbol] = report[Int(state)] >= 0 ? ~(state * width) : state * width
            }
        }
        self.next = table
        self.report = report
        self.ends = order.map { ends[$0] }
        self.outputLink = order.map { renumbered(outputLink[$0]) }
    }

    /// Calls `hit(pattern, end)` for every occurrence in `text` (ASCII case folded), `end` the offset after it.
    func scan(_ text: UnsafeRawBufferPointer, _ hit: (Int, Int) -> Void) {
        guard !lengths.isEmpty, let base = text.baseAddress else { return }
        let count = text.count
        let classCount = Int32(self.classCount)
        next.withUnsafeBufferPointer { next in
            classes.withUnsafeBufferPointer { classes in
                var row: Int32 = 0
                var offset = 0
                while offset < count {
                    let byte = base.load(fromByteOffset: offset, as: UInt8.self)
                    offset &+= 1
                    let entry = next[Int(row &+ Int32(truncatingIfNeeded: classes[Int(byte)]))]
                    guard entry < 0 else {
                        row = entry
                        continue
                    }
                    row = ~entry
                    var output = Int(report[Int(row / classCount)])
                    while output >= 0 {
                        hit(Int(ends[output]), offset)
                        output = Int(outputLink[output])
                    }
                }
            }
        }
    }
}
