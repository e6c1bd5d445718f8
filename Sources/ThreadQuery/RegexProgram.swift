/// A Thompson automaton built from postfix instructions, and its simulation.
struct RegexProgram: Sendable {
    enum State: Sendable {
        case char(CharTest, next: Int)
        case split(Int, Int)
        case lineStart(next: Int)
        case lineEnd(next: Int)
        case jump(Int)
        case accept
    }

    var states: [State] = []
    var start = 0
    /// For each state that reads a character: which ASCII characters it takes, as two 64-bit masks,
    /// and where it goes; the stepping loop reads these instead of the enum.
    var asciiLow: [UInt64] = []
    var asciiHigh: [UInt64] = []
    var targets: [Int] = []

    /// Builds the automaton with a stack of fragments (no recursion).
    init(_ postfix: [RegexOp]) {
        // A fragment: its first state and the states whose exits are still open.
        var stack: [(start: Int, holes: [Int])] = []
        func add(_ state: State) -> Int {
            states.append(state)
            return states.count - 1
        }
        func patch(_ holes: [Int], to target: Int) {
            for h in holes {
                switch states[h] {
                case .char(let test, _): states[h] = .char(test, next: target)
                case .split(let a, _): states[h] = .split(a, target)
                case .lineStart: states[h] = .lineStart(next: target)
                case .lineEnd: states[h] = .lineEnd(next: target)
                case .jump: states[h] = .jump(target)
                case .accept: break
                }
            }
        }
        for op in postfix {
            switch op {
            case .char(let test):
                let s = add(.char(test, next: -1))
                stack.append((s, [s]))
            case .lineStart:
                let s = add(.lineStart(next: -1))
                stack.append((s, [s]))
            case .lineEnd:
                let s = add(.lineEnd(next: -1))
                stack.append((s, [s]))
            case .empty:
                let s = add(.jump(-1))
                stack.append((s, [s]))
            case .concat:
                guard let b = stack.popLast(), let a = stack.popLast() else { continue }
                patch(a.holes, to: b.start)
                stack.append((a.start, b.holes))
            case .alternate:
                guard let b = stack.popLast(), let a = stack.popLast() else { continue }
                let s = add(.split(a.start, b.start))
                stack.append((s, a.holes + b.holes))
            case .star:
                guard let a = stack.popLast() else { continue }
                let s = add(.split(a.start, -1))
                patch(a.holes, to: s)
                stack.append((s, [s]))
            case .plus:
                guard let a = stack.popLast() else { continue }
                let s = add(.split(a.start, -1))
                patch(a.holes, to: s)
                stack.append((a.start, [s]))
            case .optional:
                guard let a = stack.popLast() else { continue }
                let s = add(.split(a.start, -1))
                stack.append((s, a.holes + [s]))
            }
        }
        let accept = add(.accept)
        if let whole = stack.popLast() {
            patch(whole.holes, to: accept)
            start = whole.start
        } else {
            start = accept
        }
        asciiLow = [UInt64](repeating: 0, count: states.count)
        asciiHigh = [UInt64](repeating: 0, count: states.count)
        targets = [Int](repeating: -1, count: states.count)
        for (k, state) in states.enumerated() {
            guard case .char(let test, let target) = state else { continue }
            targets[k] = target
            for value in 0..<128 {
                guard let scalar = Unicode.Scalar(value), test.matches(scalar) else { continue }
                if value < 64 { asciiLow[k] |= 1 << UInt64(value) } else { asciiHigh[k] |= 1 << UInt64(value - 64) }
            }
        }
    }

    /// Whether the character state `s` takes `c`: a mask test for ASCII, the full test beyond.
    @inline(__always)
    func takes(_ s: Int, _ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 64 { return asciiLow[s] >> UInt64(v) & 1 != 0 }
        if v < 128 { return asciiHigh[s] >> UInt64(v - 64) & 1 != 0 }
        guard case .char(let test, _) = states[s] else { return false }
        return test.matches(c)
    }

    /// Whether the automaton matches anywhere in `text`, stepping every live state at once.
    func search(_ text: String.UnicodeScalarView) -> Bool {
        let n = states.count
        var mark = [Int](repeating: -1, count: n)
        var current: [Int] = []
        var next: [Int] = []
        var pending: [Int] = []
        var generation = 0
        var previous: Unicode.Scalar? = nil
        var iterator = text.makeIterator()
        var upcoming = iterator.next()
        // Adds `state` and every state reachable without reading, to `list`.
        func close(_ state: Int, into list: inout [Int], before c: Unicode.Scalar?) -> Bool {
            pending.append(state)
            while let s = pending.popLast() {
                if s < 0 || mark[s] == generation { continue }
                mark[s] = generation
                switch states[s] {
                case .accept:
                    pending.removeAll()
                    return true
                case .char: list.append(s)
                case .split(let a, let b):
                    pending.append(b)
                    pending.append(a)
                case .jump(let a): pending.append(a)
                case .lineStart(let a): if previous == nil || previous == "\n" { pending.append(a) }
                case .lineEnd(let a): if c == nil || c == "\n" { pending.append(a) }
                }
            }
            return false
        }
        while true {
            // A match may start at every position.
            if close(start, into: &current, before: upcoming) { return true }
            guard let c = upcoming else { return false }
            generation += 1
            next.removeAll(keepingCapacity: true)
            previous = c
            upcoming = iterator.next()
            for s in current where takes(s, c) {
                if close(targets[s], into: &next, before: upcoming) { return true }
            }
            swap(&current, &next)
        }
    }
}
