import ThreadModel
import ThreadTree

/// The kill-file's rules compiled once for one pass over a discussion.
///
/// A kill-file grows a rule at a time, nearly all of them `author:NAME` and words, and asking each rule of
/// each comment reads every body once a rule (1,000 rules on a million comments took ten minutes). Here
/// every rule that cannot match a comment without one of its words or authors (its *triggers*: a word or
/// `author:` alone, an `or` of such rules, an `and` holding one) is looked up from those: all the rules'
/// words are one `TextMatcherSet` read once a comment, all their authors one table of name hashes. Only
/// the rules a comment's words or author trigger are then asked of it, through the filter's own
/// `QueryMatcher` (or not at all when the trigger is the whole rule), so the marks are the ones each rule
/// alone finds. Any other rule (`score<0`, `-author:x`, a regex) still reads the thread once, as before.
struct KillPlan: Sendable {
    let rules: [KillRule]
    /// Per rule, its mark's rank (a comment gets the highest of the rules that match it).
    let ranks: [KillMarks.Mark]
    /// Per rule, whether a trigger firing is the rule matching (nothing else to ask).
    let triggerIsRule: [Bool]
    let words: TextMatcherSet
    /// Per word of `words`, the rules it triggers.
    let wordRules: [[Int]]
    /// Authors' keys (`AuthorIndex.key`) → the authors (folded names) with that key.
    let authorsByKey: [UInt32: [Int]]
    let authorNames: [[UInt8]]
    /// By byte length, whether some author has a name that long: a name written without escapes is told
    /// apart by its length alone, without touching the document's pages (as `author:` alone does).
    let authorLengths: [Bool]
    /// Per author, the rules it triggers.
    let authorRules: [[Int]]
    /// The rules without triggers: each evaluated over the thread on its own.
    let scanned: [Int]

    init(rules: [KillRule]) {
        self.rules = rules
        ranks = rules.map { rule in
            switch rule.action {
            case .dim: return .dimmed
            case .hide: return .hidden
            case .hideThread: return .hiddenThread
            }
        }
        var triggerIsRule: [Bool] = []
        var scanned: [Int] = []
        var matchers: [TextMatcher] = []
        var wordOf: [String: Int] = [:]
        var wordRules: [[Int]] = []
        var authorOf: [[UInt8]: Int] = [:]
        var authorsByKey: [UInt32: [Int]] = [:]
        var authorNames: [[UInt8]] = []
        var authorRules: [[Int]] = []
        // A few rules read the thread once each, as fast as a pass of their own: one author's name is told
        // apart by its length alone, a word skimmed with memchr.
        let compiled = rules.count > Self.fewest
        for (index, rule) in rules.enumerated() {
            triggerIsRule.append(compiled && Self.isTrigger(rule.query.expression))
            guard compiled, let triggers = Self.triggers(of: rule.query.expression) else {
                scanned.append(index)
                continue
            }
            for trigger in triggers {
                switch trigger {
                case .word(let matcher):
                    if let word = wordOf[matcher.query] {
                        wordRules[word].append(index)
                    } else {
                        wordOf[matcher.query] = matchers.count
                        matchers.append(matcher)
                        wordRules.append([index])
                    }
                case .author(let name):
                    let folded = AuthorName.fold(name)
                    if let author = authorOf[folded] {
                        authorRules[author].append(index)
                    } else {
                        authorOf[folded] = authorNames.count
                        authorsByKey[AuthorIndex.key(folded), default: []].append(authorNames.count)
                        authorNames.append(folded)
                        authorRules.append([index])
                    }
                }
            }
        }
        self.triggerIsRule = triggerIsRule
        self.scanned = scanned
        words = TextMatcherSet(matchers)
        self.wordRules = wordRules
        self.authorsByKey = authorsByKey
        self.authorNames = authorNames
        var authorLengths = [Bool](repeating: false, count: (authorNames.map(\.count).max() ?? 0) + 1)
        for name in authorNames { authorLengths[name.count] = true }
        self.authorLengths = authorLengths
        self.authorRules = authorRules
    }

    /// Up to this many rules each read the thread on their own.
    static let fewest = 3

    /// A term one of which a comment must hold for a rule to match it.
    enum Trigger {
        case word(TextMatcher)
        case author(String)
    }

    /// The terms one of which every comment `expression` matches holds; nil when there is no such set. The
    /// parser caps nesting, so this recursion is bounded however long the query.
    static func triggers(of expression: Expression) -> [Trigger]? {
        switch expression {
        case .term(.text(let matcher)): return [.word(matcher)]
        case .term(.author(let name)): return [.author(name)]
        case .term, .not: return nil
        case .all(let parts):
            // One part's triggers are enough; the fewest, an author's before a word's (names are rarer).
            let candidates = parts.compactMap(triggers(of:))
            return candidates.min { a, b in
                a.count != b.count ? a.count < b.count : authorsOnly(a) && !authorsOnly(b)
            }
        case .any(let parts):
            guard !parts.isEmpty else { return nil }
            var all: [Trigger] = []
            for part in parts {
                guard let found = triggers(of: part) else { return nil }
                all.append(contentsOf: found)
            }
            return all
        }
    }

    private static func authorsOnly(_ triggers: [Trigger]) -> Bool {
        triggers.allSatisfy { if case .author = $0 { return true } else { return false } }
    }

    /// Whether `expression` matches exactly where one of its triggers holds: a word, an author, or an `or`
    /// (or a one-part `and`) of them.
    static func isTrigger(_ expression: Expression) -> Bool {
        switch expression {
        case .term(.text), .term(.author): return true
        case .term, .not: return false
        case .all(let parts): return parts.count == 1 && parts.allSatisfy(isTrigger)
        case .any(let parts): return !parts.isEmpty && parts.allSatisfy(isTrigger)
        }
    }

    /// The marks the triggered rules give the comments of `part` (placeholders never match), one a comment.
    func triggeredMarks(_ part: Range<Int>, _ discussion: Discussion, _ matchers: [QueryMatcher?]) -> [KillMarks.Mark] {
        var marks = [KillMarks.Mark](repeating: .none, count: part.count)
        guard !wordRules.isEmpty || !authorRules.isEmpty else { return marks }
        var scratch = TextMatcherSet.Scratch(for: words)
        var candidates: [Int] = []
        let bytes = discussion.bytes
        let records = discussion.records
        let placeholders = discussion.commentCount != discussion.count
        for index in part where !placeholders || !discussion.isPlaceholder(index) {
            candidates.removeAll(keepingCapacity: true)
            let author = records[index].author
            let possible =
                author.isJSONEscaped || (author.length < authorLengths.count && authorLengths[author.length])
            if !authorsByKey.isEmpty, !author.isAbsent, possible,
                let found = authorsByKey[AuthorIndex.key(of: author, in: bytes)]
            {
                for name in found where AuthorName.equal(author, folded: authorNames[name], in: bytes) {
                    candidates.append(contentsOf: authorRules[name])
                }
            }
            if !words.isEmpty {
                words.bodyMatches(in: discussion, comment: index, scratch: &scratch) { word in
                    candidates.append(contentsOf: wordRules[word])
                }
            }
            var mark = KillMarks.Mark.none
            for rule in candidates where ranks[rule].rawValue > mark.rawValue {
                if triggerIsRule[rule] || matchers[rule]?.matches(index) == true { mark = ranks[rule] }
            }
            marks[index - part.lowerBound] = mark
        }
        return marks
    }
}
