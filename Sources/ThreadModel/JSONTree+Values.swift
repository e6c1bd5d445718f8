/// Where one of several top-level values lies: from `start` to its end, which the scanner reading
/// it is not let past (the end of its line, for JSON lines).
package struct ValueSpan: Sendable {
    var start: UInt32
    var end: UInt32
}

/// JSON values one after another, or JSON lines, read one value at a time as a deferred array's
/// elements are (see `JSONTree+Elements`): each value is checked when the tree is made and only its
/// span kept; its nodes are made when `value(_:)` reads it, and dropped when the next is read. A
/// file of a million Hacker News items then never holds a node per value of the whole file.
extension JSONTree {
    /// A tree of `bytes` with no node yet, for `values(of:)` and `lines(of:)`.
    private init(holding bytes: DocumentBytes) {
        self.bytes = bytes
    }

    /// Checks JSON values one after another (`{...} {...}`, pretty-printed ones included) as
    /// `init(parsingValues:)` parses them, failing where it fails, and gives the span of each.
    package static func values(of bytes: DocumentBytes) throws(DocumentError) -> (tree: JSONTree, spans: [ValueSpan]) {
        var tree = JSONTree(holding: bytes)
        var scanner = JSONScanner(bytes.buffer)
        scanner.position = bytes.byteOrderMarkLength
        var spans: [ValueSpan] = []
        while scanner.peek() != nil {
            let start = scanner.position
            _ = try tree.skipDeferred(&scanner)
            spans.append(ValueSpan(start: UInt32(start), end: UInt32(bytes.count)))
        }
        // Nothing is deferred inside a value: the arrays recorded on the way are never jumped to.
        tree.deferredSpans = []
        return (tree, spans)
    }

    /// Checks JSON lines as `init(parsingLines:)` parses them: each line that is not blank holds
    /// one value; a line that does not parse is left out and counted in `broken`.
    package static func lines(of bytes: DocumentBytes) -> (tree: JSONTree, spans: [ValueSpan], broken: Int) {
        var tree = JSONTree(holding: bytes)
        var spans: [ValueSpan] = []
        var broken = 0
        forEachLine(of: bytes) { scanner in
            let start = scanner.position
            do {
                _ = try tree.skipDeferred(&scanner)
                try scanner.expectEnd()
                spans.append(ValueSpan(start: UInt32(start), end: UInt32(scanner.bytes.count)))
            } catch {
                broken += 1
            }
        }
        tree.deferredSpans = []
        return (tree, spans, broken)
    }

    /// Calls `body` with a scanner at the start of each line of `bytes` that is not blank; the
    /// scanner sees the bytes up to the line's end, so offsets stay those of the whole file.
    static func forEachLine(of bytes: DocumentBytes, _ body: (inout JSONScanner) -> Void) {
        let buffer = bytes.buffer
        var start = bytes.byteOrderMarkLength
        while start < buffer.count {
            var end = start
            while end < buffer.count, buffer[end] != 0x0A { end += 1 }
            var scanner = JSONScanner(UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
            scanner.position = start
            if scanner.peek() != nil { body(&scanner) }
            start = end + 1
        }
    }

    /// The value at `span` (from `values(of:)` or `lines(of:)` of these bytes), parsed now into the
    /// nodes after the skeleton's, dropping the value or element read before; it was checked when
    /// the span was made, so nil only for a span of other bytes.
    package mutating func value(_ span: ValueSpan) -> Int32? {
        nodes.removeLast(nodes.count - skeletonCount)
        guard Int(span.end) <= bytes.count, span.start <= span.end else { return nil }
        var scanner = JSONScanner(UnsafeRawBufferPointer(rebasing: bytes.buffer[0..<Int(span.end)]))
        scanner.position = Int(span.start)
        return try? parseValue(&scanner)
    }
}
