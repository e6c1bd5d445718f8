/// The items of an official-API Hacker News thread as they arrive, and the part of the thread
/// that can be shown so far: the story and every comment whose whole chain of parents is here.
///
/// A comment is reachable when the story or a reachable comment lists it in its `kids`; an item
/// that arrives before the one listing it waits until that one does. Showing only reachable
/// comments means nothing is ever shown at the wrong place (at the top, as an orphan) and then moved.
/// The importer orders each item's replies by its `kids`, so rank order holds in every part.
struct HackerNewsAssembly {
    /// The story, then reachable items in the order they became reachable.
    private(set) var reachable: [[UInt8]]
    /// Items whose parent has not arrived yet, by id, with their `kids`.
    private var waiting: [Int64: (item: [UInt8], kids: [Int64])] = [:]
    /// Ids some reachable item lists as its kids.
    private var listed: Set<Int64>

    init(story: [UInt8], kids: [Int64]) {
        reachable = [story]
        listed = Set(kids)
    }

    /// Reachable comments (the story not counted).
    var comments: Int { reachable.count - 1 }

    /// Every item that arrived, reachable or not.
    var arrived: Int { reachable.count + waiting.count }

    /// Takes one item; it and any waiting items it makes reachable join the part to show.
    /// Uses a worklist, not recursion: a long chain that arrives in reverse order costs no stack.
    mutating func add(_ item: [UInt8], id: Int64, kids: [Int64]) {
        guard listed.contains(id) else {
            waiting[id] = (item, kids)
            return
        }
        var work = [(item, kids)]
        while let (bytes, itsKids) = work.popLast() {
            reachable.append(bytes)
            for kid in itsKids where listed.insert(kid).inserted {
                if let ready = waiting.removeValue(forKey: kid) { work.append(ready) }
            }
        }
    }

    /// The reachable items as a JSON array, for the `hackerNewsItems` importer; with
    /// `everything`, the waiting ones too (the whole fetch, where the importer marks them).
    func document(everything: Bool = false) -> [UInt8] {
        let parts = everything ? reachable + waiting.values.map(\.item) : reachable
        var document: [UInt8] = [UInt8(ascii: "[")]
        document.reserveCapacity(parts.reduce(2) { $0 + $1.count + 1 })
        for (index, item) in parts.enumerated() {
            if index > 0 { document.append(UInt8(ascii: ",")) }
            document += item
        }
        document.append(UInt8(ascii: "]"))
        return document
    }
}
