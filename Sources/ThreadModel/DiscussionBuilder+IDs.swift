/// Finding comments by id while the builder fills, and storing a repeated author or time once.
extension DiscussionBuilder {
    /// Whether a comment with this id was added: what an importer asks to skip a duplicate.
    ///
    /// Ids compare as Swift strings do, by canonical equivalence (`"é"` written as one scalar or as
    /// `e` and an accent is one id; so is the Kelvin sign and `K`), as the importers' sets of
    /// strings did. While every id is ASCII, that is byte equality, answered from the index of
    /// hashes; the first id that is not ASCII makes a set of every id as a string, used from then on.
    package mutating func hasComment(withID id: String) -> Bool {
        if !asksForIDs {
            asksForIDs = true
            if records.contains(where: { text($0.id).map { !Self.isASCII($0) } ?? false }) { makeUnicodeIDs() }
        }
        if unicodeIDs == nil, !Self.isASCII(id) { makeUnicodeIDs() }
        if let unicodeIDs { return unicodeIDs.contains(id) }
        indexIDs()
        return commentIndex(ofID: id, hash: idHash(id)) != nil
    }

    /// The hash of an id or parent id, as the assembly compares them (never 0: that is no id).
    func idHash(_ key: String) -> UInt64 {
        let hash = TextHash.of(key) & idHashBits
        return hash == 0 ? 1 : hash
    }

    /// The first comment added whose id has the bytes of `key`.
    func commentIndex(ofID key: String, hash: UInt64) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            ids.find(hash, hashes: hashes.ids) { same(records[$0].id, UnsafeRawBufferPointer(wanted)) }
        }
    }

    /// Enters comment `index`, just added with the id `key`, in the index once there is one (unless
    /// an earlier comment has that id) and, once duplicates are asked for, in the set of strings.
    mutating func addID(_ key: String, of index: Int) {
        if asksForIDs {
            if unicodeIDs == nil, !Self.isASCII(key) { makeUnicodeIDs() }
            unicodeIDs?.insert(key)
        }
        if idsIndexed { enter(index) }
    }

    /// Makes the index of ids, of every comment added so far, if it is not made yet.
    mutating func indexIDs() {
        guard !idsIndexed else { return }
        idsIndexed = true
        ids.reserve(max(expectedComments, records.count), hashes: hashes.ids)
        for i in records.indices where !records[i].id.isAbsent { enter(i) }
    }

    /// Enters comment `index` in the index of ids, counting it when an earlier one has its id.
    private mutating func enter(_ index: Int) {
        let (records, arena, id) = (records, arena, records[index].id)
        if ids.insert(index, hashes: hashes.ids, same: { Self.same(records[$0].id, id, in: arena) }) != nil {
            repeatedIDs += 1
        }
    }

    /// The set of every id added so far, as strings.
    private mutating func makeUnicodeIDs() {
        var set = Set<String>(minimumCapacity: records.count)
        for record in records where !record.id.isAbsent {
            if let text = text(record.id) { set.insert(String(decoding: text, as: UTF8.self)) }
        }
        unicodeIDs = set
    }

    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isASCII(UnsafeRawBufferPointer($0)) }
    }

    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool { bytes.reduce(0) { $0 | $1 } < 0x80 }

    /// Stores an author (`time` false) or a time, or points at the same text stored lately, which
    /// `recentAuthors` or `recentTimes` remember; `again` says it was found there. Authors repeat
    /// through a thread and times repeat in a burst of replies: each is then held once, to the same
    /// effect (the discussion reads the same bytes).
    mutating func storeShared(_ text: String, hash: UInt64, time: Bool) -> (ref: TextRef, again: Bool) {
        let slot = RecentTexts.slot(hash)
        let earlier = time ? recentTimes.entry(slot) : recentAuthors.entry(slot)
        if earlier.hash == hash, !earlier.ref.isAbsent {
            var text = text
            let found = text.withUTF8 { same(earlier.ref, UnsafeRawBufferPointer($0)) }
            if found { return (earlier.ref, true) }
        }
        let ref = store(text)
        if time { recentTimes.set(slot, hash, ref) } else { recentAuthors.set(slot, hash, ref) }
        return (ref, false)
    }

    /// The bytes `ref` points at in the arena; nil when absent or outside it.
    func text(_ ref: TextRef) -> UnsafeRawBufferPointer? {
        guard !ref.isAbsent, Int(ref.offset) + ref.length <= arena.count else { return nil }
        return UnsafeRawBufferPointer(rebasing: arena.bytes[Int(ref.offset)..<Int(ref.offset) + ref.length])
    }

    /// Whether the arena's text at `ref` is these bytes.
    func same(_ ref: TextRef, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard ref.length == bytes.count, let text = text(ref) else { return false }
        return text.elementsEqual(bytes)
    }

    /// Whether two pieces of `arena`'s text are the same bytes.
    static func same(_ a: TextRef, _ b: TextRef, in arena: TextArena) -> Bool {
        let count = arena.count
        guard !a.isAbsent, !b.isAbsent, a.length == b.length, Int(a.offset) + a.length <= count,
            Int(b.offset) + b.length <= count
        else { return false }
        let bytes = arena.bytes
        return bytes[Int(a.offset)..<Int(a.offset) + a.length].elementsEqual(
            bytes[Int(b.offset)..<Int(b.offset) + b.length])
    }
}

/// The last text stored under each of 256 slots picked by its hash.
struct RecentTexts {
    private var hashes = [UInt64](repeating: 0, count: 256)
    private var refs = [TextRef](repeating: .absent, count: 256)

    static func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 56) }

    func entry(_ slot: Int) -> (hash: UInt64, ref: TextRef) { (hashes[slot], refs[slot]) }

    mutating func set(_ slot: Int, _ hash: UInt64, _ ref: TextRef) {
        hashes[slot] = hash
        refs[slot] = ref
    }
}
