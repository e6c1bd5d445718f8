import ThreadModel
import ThreadTree

/// The kill-file: rules kept in the config that always hide or dim the comments they match.
///
/// Rules are the filter's queries, so one language serves both. `applying(to:)` keeps the rules of one
/// thread's site; `marks(_:tree:)` evaluates them (`KillPlan`: the rules of words and authors in one pass
/// that reads each comment once, any other rule in a pass of its own, on every core as the filter does).
/// With no rule, nothing runs.
public struct KillFile: Sendable, Equatable {
    public let rules: [KillRule]

    public init(rules: [KillRule] = []) {
        self.rules = rules
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// The rules that hold on a thread of `site`: those for every site and those naming it.
    public func applying(to site: ThreadSite) -> KillFile {
        KillFile(rules: rules.filter { rule in rule.site.map(site.matches) ?? true })
    }

    /// Whether every rule reads only fields (author, score, depth…): then marking a million comments takes
    /// tens of milliseconds, not the tenths of a second a text query takes.
    public var readsOnlyFields: Bool { rules.allSatisfy { $0.query.readsOnlyFields } }

    /// Which comments of `discussion` the rules hide and dim; a comment both rules match is hidden, and
    /// hiding a thread wins over both.
    ///
    /// The rules are compiled once (`KillPlan`): every rule of words and authors is answered by one pass
    /// that reads each comment once, on every core; the other rules read the thread once each.
    public func marks(_ discussion: Discussion, tree: CommentTree) -> KillMarks {
        guard !rules.isEmpty, discussion.count > 0 else { return KillMarks(discussion: discussion) }
        let plan = KillPlan(rules: rules)
        let matchers = rules.indices.map { index in
            plan.triggerIsRule[index]
                ? nil : QueryMatcher(query: rules[index].query, discussion: discussion, tree: tree)
        }
        var marks = WorkSplit.map(0..<discussion.count) { part in
            plan.triggeredMarks(part, discussion, matchers)
        }.flatMap { $0 }
        for rule in plan.scanned {
            guard let matcher = matchers[rule] else { continue }
            let mark = plan.ranks[rule]
            let parts = WorkSplit.map(0..<discussion.count) { part in
                var found: [Int32] = []
                var start = part.lowerBound
                while start < part.upperBound {
                    let end = min(part.upperBound, start + FilterEvaluation.chunk)
                    for (k, hit) in matcher.matches(in: start..<end).enumerated() where hit {
                        found.append(Int32(start + k))
                    }
                    start = end
                }
                return found
            }
            for found in parts {
                for index in found where marks[Int(index)].rawValue < mark.rawValue { marks[Int(index)] = mark }
            }
        }
        return KillMarks(marks: marks, discussion: discussion)
    }
}

/// Which comments the kill-file hides or dims, by index, for one discussion.
public struct KillMarks: Sendable {
    enum Mark: UInt8, Sendable {
        case none, dimmed, hidden, hiddenThread
    }

    /// One mark a comment; empty when none is marked, so a thread the rules miss costs nothing to ask.
    private let marks: [Mark]
    /// How many comments are hidden and dimmed.
    public let hiddenCount: Int
    public let dimmedCount: Int
    /// The hidden comments whose replies a `hide-thread` rule puts away (folds when the thread opens), ascending.
    public let hiddenThreads: [Int32]
    /// Which discussion they were found in, so marks of a document replaced since are never used.
    private let documentStart: UInt
    private let documentCount: Int

    /// No comment marked.
    public init(discussion: Discussion) {
        self.init(marks: [], discussion: discussion)
    }

    init(marks: [Mark], discussion: Discussion) {
        var hidden = 0
        var dimmed = 0
        var threads: [Int32] = []
        for (index, mark) in marks.enumerated() {
            switch mark {
            case .hidden: hidden += 1
            case .hiddenThread:
                hidden += 1
                threads.append(Int32(index))
            case .dimmed: dimmed += 1
            case .none: break
            }
        }
        hiddenThreads = threads
        self.marks = hidden + dimmed == 0 ? [] : marks
        hiddenCount = hidden
        dimmedCount = dimmed
        documentStart = UInt(bitPattern: discussion.bytes.buffer.baseAddress)
        documentCount = discussion.records.count
    }

    /// Marks from flags, for tests: `hidden` and `dimmed` by index.
    public init(hidden: Set<Int>, dimmed: Set<Int> = [], discussion: Discussion) {
        var marks = [Mark](repeating: .none, count: discussion.count)
        for index in dimmed where marks.indices.contains(index) { marks[index] = .dimmed }
        for index in hidden where marks.indices.contains(index) { marks[index] = .hidden }
        self.init(marks: marks, discussion: discussion)
    }

    public var isEmpty: Bool { marks.isEmpty }

    public func isHidden(_ index: Int) -> Bool {
        index < marks.count && (marks[index] == .hidden || marks[index] == .hiddenThread)
    }

    public func isDimmed(_ index: Int) -> Bool { index < marks.count && marks[index] == .dimmed }

    /// Whether these marks were found in `discussion` (not in the document a reload or load replaced).
    public func isFor(_ discussion: Discussion) -> Bool {
        documentCount == discussion.records.count
            && documentStart == UInt(bitPattern: discussion.bytes.buffer.baseAddress)
    }
}
