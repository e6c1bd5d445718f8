/// A site's JSON file as a flat table of nodes, for the importers.
///
/// Foundation's decoder refuses nesting past 512 levels, and a nested Swift value of a deep
/// reply chain overflows the stack when it is freed; this table has neither limit: it is built
/// by `JSONScanner` with an explicit stack, and a node links to its first child and next sibling
/// by index. Reading a field checks its type: a wrong one reads as absent and is counted in
/// `wrongFields`, so one bad field never costs its comment.
package struct JSONTree {
    package enum Kind: UInt8 {
        case object, array, string, number, bool, null
    }

    /// One value: where its text lies, and its place among its siblings.
    package struct Node {
        package var kind: Kind
        /// A boolean's value; for a number, whether it is written as a plain integer; for an array,
        /// whether it was left unparsed (deferred: see `init(parsing:deferring:)`).
        package var flag = false
        /// The member's key inside an object; absent in an array.
        package var key = TextRef.absent
        /// A string's inside or a number's text.
        package var text = TextRef.absent
        package var firstChild: Int32 = -1
        package var next: Int32 = -1
    }

    package let bytes: DocumentBytes
    package internal(set) var nodes: [Node] = []
    /// The top-level values: one for a JSON file, one a line for JSON lines.
    package private(set) var roots: [Int32] = []
    /// Fields read as absent because their type was wrong; the importers report them in their notes.
    package var wrongFields = 0

    package var root: Int32 { roots.first ?? -1 }

    /// Arrays with these keys are left unparsed (see `init(parsing:deferring:)`).
    var deferredKeys: [StaticString] = []
    /// The nodes of the skeleton: an element read through a cursor goes after them and is dropped
    /// when the next one is read.
    var skeletonCount = 0
    /// Every deferred array that is not empty, in the order of the file: where it starts and ends,
    /// and its elements. Recorded when the skeleton is checked, so reading an element that holds
    /// one (nested replies) jumps over it instead of scanning it again at every level.
    var deferredSpans: [DeferredSpan] = []

    /// Parses one JSON value filling the whole of `bytes` (a UTF-8 byte-order mark is skipped).
    package init(parsing bytes: DocumentBytes) throws(DocumentError) {
        self.bytes = bytes
        var scanner = JSONScanner(bytes.buffer)
        scanner.position = bytes.byteOrderMarkLength
        roots.append(try parseValue(&scanner))
        try scanner.expectEnd()
    }

    /// Parses the skeleton of one JSON value: every array that is the value of a member named in
    /// `keys` (at any depth), and the top-level value itself when `root` is true and it is an
    /// array, is checked but left unparsed, one node that `cursor(_:)` reads element by element.
    ///
    /// A site's response is mostly its comment array; a node per value of it costs several times
    /// the bytes. Read this way, the nodes held are the skeleton's and one element's. The syntax of
    /// the whole file is checked here, so a broken file fails with the same error, at the same
    /// place, as `init(parsing:)`, and reading an element later cannot fail.
    package init(parsing bytes: DocumentBytes, deferring keys: [StaticString], root: Bool = false) throws(DocumentError)
    {
        self.bytes = bytes
        deferredKeys = keys
        var scanner = JSONScanner(bytes.buffer)
        scanner.position = bytes.byteOrderMarkLength
        roots.append(try parseValue(&scanner, deferringRoot: root))
        try scanner.expectEnd()
        skeletonCount = nodes.count
    }

    /// Parses JSON values one after another (`{...} {...}`, pretty-printed items included).
    package init(parsingValues bytes: DocumentBytes) throws(DocumentError) {
        self.bytes = bytes
        var scanner = JSONScanner(bytes.buffer)
        scanner.position = bytes.byteOrderMarkLength
        while scanner.peek() != nil { roots.append(try parseValue(&scanner)) }
    }

    /// Parses JSON lines: each line that is not blank holds one value. A line that does not parse
    /// is left out and counted in `brokenLines`, so one bad line never refuses the rest.
    package init(parsingLines bytes: DocumentBytes) {
        self.bytes = bytes
        Self.forEachLine(of: bytes) { scanner in
            let mark = nodes.count
            do {
                let value = try parseValue(&scanner)
                try scanner.expectEnd()
                roots.append(value)
            } catch {
                nodes.removeLast(nodes.count - mark)
                brokenLines += 1
            }
        }
    }

    /// JSON lines that did not parse (see `init(parsingLines:)`).
    package private(set) var brokenLines = 0

    /// Reads one value at the scanner's position into `nodes`, without recursion; returns its index.
    mutating func parseValue(_ scanner: inout JSONScanner, deferringRoot: Bool = false) throws(DocumentError) -> Int32 {
        let first = Int32(nodes.count)
        // Each open container: its node, its last child so far, and whether it is an object.
        var open: [(node: Int32, last: Int32, isObject: Bool)] = []
        var key = TextRef.absent
        var expectingValue = true
        while true {
            if expectingValue {
                guard let byte = scanner.peek() else { throw scanner.syntaxError("unexpected end of the file") }
                var node = Node(kind: .null, key: key)
                key = .absent
                var opens = false
                switch byte {
                case UInt8(ascii: "[") where open.isEmpty ? deferringRoot : isDeferred(key: node.key):
                    // Checked now, read later: its offset, and its element count for reserving.
                    let start = scanner.position
                    let count = try skipDeferred(&scanner)
                    node.kind = .array
                    node.flag = true
                    node.text = TextRef(offset: start, length: min(count, Int(Int32.max)), jsonEscaped: false)
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    node.kind = byte == UInt8(ascii: "{") ? .object : .array
                    scanner.position += 1
                    opens = true
                case UInt8(ascii: "\""):
                    node.kind = .string
                    node.text = try scanner.readString()
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let literal = try scanner.readLiteral()
                    node.kind = literal == nil ? .null : .bool
                    node.flag = literal ?? false
                default:
                    let (range, isInteger) = try scanner.readNumber()
                    node.kind = .number
                    node.flag = isInteger
                    node.text = TextRef(offset: range.lowerBound, length: range.count, jsonEscaped: false)
                }
                // Node indexes are 32-bit, like text positions; only a file of billions of values reaches this.
                guard nodes.count < Int(Int32.max) else { throw DocumentError(kind: .tooLarge(bytes: bytes.count)) }
                let index = append(node, to: &open)
                expectingValue = false
                if opens {
                    let isObject = node.kind == .object
                    if scanner.peek() == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        scanner.position += 1
                    } else {
                        open.append((index, -1, isObject))
                        if isObject { key = try scanner.readKey() }
                        expectingValue = true
                        continue
                    }
                }
            }
            guard let top = open.last else { return first }
            guard let byte = scanner.peek() else { throw scanner.syntaxError("unexpected end of the file") }
            if byte == UInt8(ascii: ",") {
                scanner.position += 1
                if top.isObject { key = try scanner.readKey() }
                expectingValue = true
            } else if byte == (top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                scanner.position += 1
                open.removeLast()
            } else {
                throw scanner.syntaxError(top.isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    /// Whether an array that is the value of member `key` is left unparsed.
    func isDeferred(key: TextRef) -> Bool {
        !key.isAbsent && deferredKeys.contains { isKey(key, $0) }
    }

    private mutating func append(_ node: Node, to open: inout [(node: Int32, last: Int32, isObject: Bool)]) -> Int32 {
        let index = Int32(nodes.count)
        nodes.append(node)
        if let top = open.indices.last {
            if open[top].last >= 0 {
                nodes[Int(open[top].last)].next = index
            } else {
                nodes[Int(open[top].node)].firstChild = index
            }
            open[top].last = index
        }
        return index
    }
}

extension JSONTree {
    package func kind(_ node: Int32) -> Kind? { node >= 0 && Int(node) < nodes.count ? nodes[Int(node)].kind : nil }

    /// The children of an array or object, in order; none for anything else.
    package func elements(_ node: Int32) -> [Int32] {
        guard kind(node) == .array || kind(node) == .object else { return [] }
        var out: [Int32] = []
        var child = nodes[Int(node)].firstChild
        while child >= 0 {
            out.append(child)
            child = nodes[Int(child)].next
        }
        return out
    }

    /// The value of `object`'s member `name` (the first, if the key repeats); nil when absent or not an object.
    package func member(_ object: Int32, _ name: StaticString) -> Int32? {
        guard kind(object) == .object else { return nil }
        var child = nodes[Int(object)].firstChild
        while child >= 0 {
            if isKey(nodes[Int(child)].key, name) { return child }
            child = nodes[Int(child)].next
        }
        return nil
    }

    package func has(_ object: Int32, _ name: StaticString) -> Bool { member(object, name) != nil }

    func isKey(_ key: TextRef, _ name: StaticString) -> Bool {
        if key.isJSONEscaped {
            return name.withUTF8Buffer { bytes.string(key)?.utf8.elementsEqual($0) ?? false }
        }
        guard key.length == name.utf8CodeUnitCount else { return false }
        let start = Int(key.offset)
        return name.withUTF8Buffer { expected in
            for k in 0..<expected.count where bytes[start + k] != expected[k] { return false }
            return true
        }
    }

    /// A member that is a string; a member of another type (but `null`) is counted as wrong.
    package mutating func string(_ object: Int32, _ name: StaticString) -> String? {
        guard let node = typed(object, name, .string) else { return nil }
        return bytes.string(nodes[Int(node)].text)
    }

    package mutating func bool(_ object: Int32, _ name: StaticString) -> Bool? {
        typed(object, name, .bool).map { nodes[Int($0)].flag }
    }

    /// A member that is a whole number in 64 bits; `5.0` counts, `1e400` and `"5"` are wrong.
    package mutating func integer(_ object: Int32, _ name: StaticString) -> Int64? {
        guard let node = typed(object, name, .number) else { return nil }
        if let value = integer(node) { return value }
        wrongFields += 1
        return nil
    }

    /// A member that is a finite number.
    package mutating func double(_ object: Int32, _ name: StaticString) -> Double? {
        guard let node = typed(object, name, .number) else { return nil }
        if let value = bytes.string(nodes[Int(node)].text).flatMap(Double.init), value.isFinite { return value }
        wrongFields += 1
        return nil
    }

    /// A number node as a whole number, nil when it is not one that fits.
    package func integer(_ node: Int32) -> Int64? {
        guard kind(node) == .number else { return nil }
        let text = nodes[Int(node)].text
        let range = Int(text.offset)..<Int(text.offset) + text.length
        if nodes[Int(node)].flag { return JSONScanner(bytes.buffer).integer(in: range) }
        guard let value = bytes.string(text).flatMap(Double.init), value.isFinite, value == value.rounded(),
            abs(value) < 9e18
        else { return nil }
        return Int64(value)
    }

    /// The member when it has the wanted kind; nil (and counted when present and not `null`) otherwise.
    package mutating func typed(_ object: Int32, _ name: StaticString, _ wanted: Kind) -> Int32? {
        guard let node = member(object, name), let kind = kind(node), kind != .null else { return nil }
        guard kind == wanted else {
            wrongFields += 1
            return nil
        }
        return node
    }
}
