/// Reading an array element by element, so a response's comment array never has a node per value
/// at once (see `JSONTree.init(parsing:deferring:root:)`).
///
/// A cursor over an array left unparsed reads each element into the nodes after the skeleton's,
/// dropping the element read before: an element's nodes are valid until the next `next` call on
/// any cursor of the tree. What an importer keeps of one element it copies out (or keeps as text
/// references into the bytes) before it reads the next. An array inside an element that is
/// deferred too (nested replies) is a node of the element; its cursor holds a byte offset, not a
/// node, so it outlives the element it came from, and an explicit stack of cursors walks nested
/// replies without recursion.
package struct ElementCursor {
    fileprivate enum Place {
        /// The next element is this node (an array parsed whole).
        case node(Int32)
        /// The offset of a deferred array's `[`: nothing read yet.
        case opening(Int)
        /// The offset just after the last element read.
        case after(Int)
        case end
    }

    fileprivate var place: Place
}

extension JSONTree {
    /// Whether `node` is an array left unparsed.
    package func isDeferred(_ node: Int32) -> Bool { kind(node) == .array && nodes[Int(node)].flag }

    /// A cursor over the elements of `node`, parsed or deferred; at its end at once for anything but an array.
    package func cursor(_ node: Int32) -> ElementCursor {
        guard kind(node) == .array else { return ElementCursor(place: .end) }
        if isDeferred(node) { return ElementCursor(place: .opening(Int(nodes[Int(node)].text.offset))) }
        let first = nodes[Int(node)].firstChild
        return ElementCursor(place: first >= 0 ? .node(first) : .end)
    }

    /// How many elements an array holds (a deferred one counted when it was checked); 0 for anything else.
    package func elementCount(_ node: Int32) -> Int {
        guard kind(node) == .array else { return 0 }
        if isDeferred(node) { return nodes[Int(node)].text.length }
        var count = 0
        var child = nodes[Int(node)].firstChild
        while child >= 0 {
            count += 1
            child = nodes[Int(child)].next
        }
        return count
    }

    /// The next element of the cursor's array, nil after the last.
    ///
    /// For a deferred array the element is parsed now, into the nodes after the skeleton's (the
    /// previous element read through any cursor is dropped first); its syntax was checked when the
    /// tree was made, so this cannot fail.
    package mutating func next(_ cursor: inout ElementCursor) -> Int32? {
        var scanner = JSONScanner(bytes.buffer)
        switch cursor.place {
        case .end:
            return nil
        case .node(let node):
            let following = nodes[Int(node)].next
            cursor.place = following >= 0 ? .node(following) : .end
            return node
        case .opening(let offset):
            scanner.position = offset + 1
            guard scanner.peek() != UInt8(ascii: "]") else {
                cursor.place = .end
                return nil
            }
        case .after(let offset):
            scanner.position = offset
            guard scanner.peek() == UInt8(ascii: ",") else {
                cursor.place = .end
                return nil
            }
            scanner.position += 1
        }
        nodes.removeLast(nodes.count - skeletonCount)
        guard let element = try? parseValue(&scanner) else {
            cursor.place = .end
            return nil
        }
        cursor.place = .after(scanner.position)
        return element
    }
}
