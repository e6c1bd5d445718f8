/// Checking deferred arrays once: see `JSONTree.init(parsing:deferring:root:)`.
package struct DeferredSpan {
    /// The offset of its `[` and just after its `]`.
    var start: UInt32
    var end: UInt32
    var count: UInt32
}

extension JSONTree {
    /// Moves past the deferred array at the scanner (its `[`) and returns how many elements it holds.
    ///
    /// The first time (the skeleton), the array is checked as `JSONScanner.skipValue` checks a
    /// value, with the same errors at the same places, and it and every deferred array inside it
    /// are recorded in `deferredSpans`. Afterwards (an element that holds it), its recorded end is
    /// used, so nested replies are scanned once in all, not once per level above them.
    mutating func skipDeferred(_ scanner: inout JSONScanner) throws(DocumentError) -> Int {
        let start = scanner.position
        if let span = recordedSpan(at: start) {
            scanner.position = Int(span.end)
            return Int(span.count)
        }
        // Each open container: whether it is an object, and its record in `deferredSpans` (or -1).
        var open: [(isObject: Bool, record: Int)] = []
        var key = TextRef.absent
        var expectingValue = true
        var outerCount = 0
        while true {
            if expectingValue {
                if let top = open.last, top.record >= 0 { deferredSpans[top.record].count += 1 }
                if open.count == 1 { outerCount += 1 }
                guard let byte = scanner.peek() else { throw scanner.syntaxError("unexpected end of the file") }
                switch byte {
                case UInt8(ascii: "{"):
                    scanner.position += 1
                    if scanner.peek() == UInt8(ascii: "}") {
                        scanner.position += 1
                    } else {
                        open.append((true, -1))
                        key = try scanner.readKey()
                        continue
                    }
                case UInt8(ascii: "["):
                    let at = scanner.position
                    scanner.position += 1
                    if scanner.peek() == UInt8(ascii: "]") {
                        scanner.position += 1
                    } else {
                        var record = -1
                        if open.isEmpty || (open[open.count - 1].isObject && isDeferred(key: key)) {
                            record = deferredSpans.count
                            deferredSpans.append(DeferredSpan(start: UInt32(at), end: 0, count: 0))
                        }
                        open.append((false, record))
                        continue
                    }
                case UInt8(ascii: "\""): _ = try scanner.readString()
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): _ = try scanner.readLiteral()
                default: _ = try scanner.readNumber()
                }
                expectingValue = false
            }
            guard let top = open.last else { return outerCount }
            guard let byte = scanner.peek() else { throw scanner.syntaxError("unexpected end of the file") }
            if byte == UInt8(ascii: ",") {
                scanner.position += 1
                if top.isObject { key = try scanner.readKey() }
                expectingValue = true
            } else if byte == (top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                scanner.position += 1
                if top.record >= 0 { deferredSpans[top.record].end = UInt32(scanner.position) }
                open.removeLast()
            } else {
                throw scanner.syntaxError(top.isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    /// The recorded span that starts at `offset`, found by halving (they are in the file's order).
    private func recordedSpan(at offset: Int) -> DeferredSpan? {
        var (low, high) = (0, deferredSpans.count)
        while low < high {
            let middle = (low + high) / 2
            let start = Int(deferredSpans[middle].start)
            if start == offset { return deferredSpans[middle] }
            if start < offset { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
