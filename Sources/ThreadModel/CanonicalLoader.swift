/// Reads the canonical tread format (FORMAT.md) in one pass over the bytes.
///
/// Nested `replies` are followed with an explicit stack, so nesting depth is limited by
/// memory only. Comment text is not decoded here: records point into the bytes.
struct CanonicalLoader {
    var scanner: JSONScanner
    let bytes: DocumentBytes
    var records: [CommentRecord] = []
    var hashes = RecordHashes(deletedAuthor: LoadHash.deletedAuthor)
    /// Where the bytes behind the scanner were last given back to the system.
    var released = 0
    /// Where this scan started giving bytes back: 0, or where a split's second scan started (the
    /// first scan still reads what lies before it). Each release gives back what lies between the
    /// last one and 1 MiB before the scanner.
    var releaseFloor = 0
    /// Bytes scanned between two releases.
    private static let releaseStep = 2 << 20
    private var article: Article?
    /// Called once, with the complete top-level threads read so far, when `previewAfter` comments are in.
    let preview: ((Discussion) -> Void)?
    private let previewAfter: Int
    /// Told how many bytes were scanned, now and then.
    private let progress: ((Int) -> Void)?
    /// A `parent` field may attach a later comment anywhere, so a prefix is then no preview.
    var sawParentField = false
    var previewDelivered = false
    /// Whether the preview must end with a whole top-level thread (see `load(canonical:previewAfter:…)`).
    private let previewWholeThreads: Bool
    /// A comment had members after its `replies`: a comment whose replies are still open may then lack some.
    var sawMemberAfterReplies = false
    /// `more` objects of comments still open, innermost last: kept aside until the comment's `}`, when
    /// it is known whether it is a placeholder, because a stub takes the place of the score (see
    /// `CommentRecord.more`) and a comment's fields come in any order.
    var openStubs: [(index: Int32, more: TextRef)] = []
    /// The second scan of a split load, when there is one (see `CanonicalLoader+Split`).
    var split: ScanSplit?
    /// Where the split's next run of comments starts: `Int.max` when there is none.
    var splitNext = Int.max
    /// How many of the split's runs were taken.
    var splitTaken = 0
    /// For a split's second scan: true when the first scan no longer wants it, so it stops.
    var abandoned: (@Sendable () -> Bool)?
    /// For a split's second scan: after this many comments, a run ends at the next comment of its
    /// own top level, so the first scan can take it and free it while the rest is read.
    var runLimit: Int?
    /// The `runLimit` of the second scan this loader starts (smaller in tests).
    var splitRunSize = ScanSplit.runSize
    /// Whether the run ended there (at a comment's `{`) rather than at its array's `]`.
    var stoppedAtComment = false
    /// `tread stats`' counts of the comments read, depths counted from where the scan started
    /// (see `countComment`).
    var counts = Discussion.noStatistics

    init(
        bytes: DocumentBytes, previewAfter: Int = 0, previewWholeThreads: Bool = true,
        preview: ((Discussion) -> Void)? = nil, progress: ((Int) -> Void)? = nil
    ) {
        self.bytes = bytes
        scanner = JSONScanner(bytes.buffer)
        self.preview = preview
        self.previewAfter = previewAfter
        self.previewWholeThreads = previewWholeThreads
        self.progress = progress
    }

    mutating func load(splitAt guess: Int? = nil) throws(DocumentError) -> Discussion {
        startSplit(at: guess)
        defer { split?.abandon() }
        try bytes.checkEncoding()
        // A UTF-8 byte order mark is no part of the JSON; editors on some systems write one.
        scanner.position = bytes.byteOrderMarkLength
        guard scanner.peek() == UInt8(ascii: "{") else {
            if scanner.peek() == nil { throw scanner.syntaxError("the file holds only white space") }
            throw try wrongType("a tread document is a JSON object with an \"article\"")
        }
        let documentStart = scanner.position
        scanner.position += 1
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            repeat {
                let key = try scanner.readKey()
                if scanner.key(key, is: "article") {
                    article = try readArticle()
                } else if scanner.key(key, is: "comments") {
                    try readComments()
                } else {
                    try scanner.skipValue()
                }
            } while try nextMember()
        }
        try scanner.expectEnd()
        guard let article else {
            throw scanner.shapeError("the document has no \"article\" object", at: documentStart)
        }
        progress?(bytes.count)
        let scanner = self.scanner
        // Hand the records over rather than share them, so assembling does not copy them.
        var taken: [CommentRecord] = []
        swap(&taken, &records)
        bytes.release(upTo: bytes.count)
        // A nested reply's parent is the comment whose `replies` are open: in thread order by construction.
        return try Discussion.assemble(
            article: article, bytes: bytes, records: consume taken, hashes: hashes, nestedInOrder: true,
            statistics: hashes.hasParents ? nil : counts
        ) { scanner.lineAndColumn(of: $0) }
    }

    /// After an object member: true when another follows, false at the closing brace.
    @inline(__always) mutating func nextMember() throws(DocumentError) -> Bool {
        switch scanner.peek() {
        case UInt8(ascii: ","):
            scanner.position += 1
            return true
        case UInt8(ascii: "}"):
            scanner.position += 1
            return false
        case nil:
            throw scanner.syntaxError("unexpected end of the file")
        default:
            throw scanner.syntaxError("expected ',' or '}' after an object member")
        }
    }

    /// The error for a value of the wrong type, once the value is known to be valid JSON
    /// (a syntax error in it is the more useful message).
    mutating func wrongType(_ message: String, at offset: Int? = nil) throws(DocumentError) -> DocumentError {
        let at = offset ?? scanner.position
        scanner.position = at
        try scanner.skipValue()
        return scanner.shapeError(message, at: at)
    }

    // MARK: - Comments

    /// Where the reader of the comment arrays is; together with the stack of comments whose
    /// `replies` are open, this replaces recursion over the nesting.
    enum Place {
        case arrayStart
        case afterElement
        case element
        case objectStart(Int32)
        case member(Int32)
        case afterMember(Int32)
        case arrayEnd
    }

    private mutating func readComments() throws(DocumentError) {
        if scanner.skipNull() { return }
        guard scanner.peek() == UInt8(ascii: "[") else {
            throw try wrongType("\"comments\" must be an array")
        }
        scanner.position += 1
        try readElements(from: .arrayStart)
    }

    /// Reads comments from `start` until the `]` of the array it is in, and that `]`: the whole
    /// `comments` array from `.arrayStart`, or a split's run of comments from `.element`.
    mutating func readElements(from start: Place) throws(DocumentError) {
        var open: [Int32] = []
        var place = start
        // The comment whose members are being read, and its id's hash: filled here and stored when its
        // `replies` open and at its `}` (taken back when its replies end), so each member is not a
        // write through the arrays, each with its checks.
        var current = CommentRecord()
        var currentID: UInt64 = 0
        while true {
            switch place {
            case .arrayStart:
                if scanner.peek() == UInt8(ascii: "]") {
                    scanner.position += 1
                    place = .arrayEnd
                } else {
                    place = .element
                }
            case .afterElement:
                switch scanner.peek() {
                case UInt8(ascii: ","):
                    scanner.position += 1
                    place = .element
                case UInt8(ascii: "]"):
                    scanner.position += 1
                    place = .arrayEnd
                case nil: throw scanner.syntaxError("unexpected end of the file")
                default: throw scanner.syntaxError("expected ',' or ']' after a comment")
                }
            case .element:
                guard scanner.peek() == UInt8(ascii: "{") else {
                    if scanner.peek() == UInt8(ascii: "]") { throw scanner.syntaxError("expected a value after ','") }
                    throw try wrongType("a comment must be an object")
                }
                if open.isEmpty, let runLimit, records.count >= runLimit {
                    stoppedAtComment = true
                    return
                }
                if scanner.position >= splitNext, let next = try takeSplitRun(parent: open.last, depth: open.count) {
                    place = next
                    continue
                }
                scanner.position += 1
                current = CommentRecord()
                currentID = 0
                if let parent = open.last {
                    current.parent = parent
                    current.flags.insert(.nested)
                }
                guard records.count < Int(Int32.max) else {
                    throw try wrongType("too many comments")
                }
                // Its place, filled by `store` (copying `current`, just written field by field, stalled the load).
                records.append(CommentRecord())
                hashes.appendComment()
                if scanner.position - released > Self.releaseStep {
                    // Text is read again only when drawn: keep the scanned part of a huge file out of memory.
                    if released == releaseFloor { reserveForTheRest() }
                    let mark = scanner.position - (1 << 20)
                    bytes.release(from: released, upTo: mark)
                    released = mark
                    progress?(scanner.position)
                    if let abandoned, abandoned() { throw scanner.syntaxError("abandoned") }
                }
                if open.isEmpty || !(previewWholeThreads || sawMemberAfterReplies), !previewDelivered,
                    records.count > previewAfter, let preview, let article, !sawParentField
                {
                    previewDelivered = true
                    // Every comment before this one is in (a prefix in display order, so the first screen
                    // is the whole document's); with `previewWholeThreads`, every top-level thread too.
                    preview(
                        Discussion(
                            article: article, bytes: bytes, records: Array(records.dropLast()), orphanCount: 0,
                            distinctAuthors: hashes.distinctAuthors))
                }
                place = .objectStart(Int32(records.count - 1))
            case .objectStart(let index):
                if scanner.peek() == UInt8(ascii: "}") {
                    scanner.position += 1
                    countComment(current.flags, depth: open.count &+ 1)
                    store(current, id: currentID, at: index)
                    place = .afterElement
                } else {
                    place = .member(index)
                }
            case .member(let index):
                let field = try readFieldName()
                if field == .replies {
                    if scanner.skipNull() {
                        place = .afterMember(index)
                    } else if scanner.peek() == UInt8(ascii: "[") {
                        scanner.position += 1
                        store(current, id: currentID, at: index)
                        open.append(index)
                        place = .arrayStart
                    } else {
                        throw try wrongType("\"replies\" must be an array of comments")
                    }
                } else {
                    try readField(field, into: &current, id: &currentID, at: Int(index))
                    place = .afterMember(index)
                }
            case .afterMember(let index):
                if try nextMember() {
                    place = .member(index)
                } else {
                    closeComment(index, &current)
                    countComment(current.flags, depth: open.count &+ 1)
                    store(current, id: currentID, at: index)
                    place = .afterElement
                }
            case .arrayEnd:
                guard let index = open.popLast() else { return }
                if scanner.peek() == UInt8(ascii: ",") { sawMemberAfterReplies = true }
                current = records[Int(index)]
                currentID = hashes.ids[Int(index)]
                place = .afterMember(index)
            }
        }
    }

    /// At comment `index`'s closing brace, when its fields are final (a repeated field's last value wins):
    /// its author is counted, and a placeholder keeps its `more` while any other comment drops it
    /// (`more` means something on placeholders only) and keeps its score.
    mutating func closeComment(_ index: Int32, _ record: inout CommentRecord) {
        let author = record.author
        if !author.isAbsent {
            let hash = Self.loadHash(author, in: scanner.bytes, bytes: bytes)
            hashes.addAuthor(hash)
        }
        guard openStubs.last?.index == index, let (_, more) = openStubs.popLast() else { return }
        if record.flags.contains(.placeholder) { record.more = more }
    }

    /// Counts a comment whose fields are final, `depth` levels down (1 at the top level of where this
    /// scan started): what `statistics()` counts from the records, without a branch. Placeholders are
    /// no comments.
    @inline(__always) private mutating func countComment(_ flags: CommentRecord.Flags, depth: Int) {
        let counted = flags.contains(.placeholder) ? 0 : 1
        counts.comments &+= counted
        counts.topLevel &+= depth == 1 ? counted : 0
        counts.deleted &+= flags.contains(.deleted) ? counted : 0
        counts.maximumDepth = max(counts.maximumDepth, depth &* counted)
    }

    /// Stores comment `index` as read so far (see `readElements`).
    @inline(__always) private mutating func store(_ record: CommentRecord, id: UInt64, at index: Int32) {
        records[Int(index)] = record
        hashes.ids[Int(index)] = id
    }
}

extension Discussion {
    /// Loads a document of the canonical format.
    public static func load(canonical bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        var loader = CanonicalLoader(bytes: bytes)
        return try loader.load()
    }

    /// Loads a canonical document, handing `preview` the first `previewAfter` or so comments
    /// as soon as they are read, and `progress` the bytes scanned.
    ///
    /// With `wholeThreads` the preview ends where a top-level thread does (after the first thread of
    /// 200,000 comments, if the document starts with one), so every count in it is the document's.
    /// Without, it is the first `previewAfter` comments, ending inside a thread if need be: the first
    /// screens are the document's own (comments come in display order), but the comments whose
    /// replies are still open have their reply counts short until the load ends, and lack any member
    /// written after their `replies` (tread writes `replies` last). Once a comment read before the
    /// cut had members after its `replies`, the preview waits for a whole thread again.
    ///
    /// The preview is not validated: a later duplicate id or loop still fails the whole load.
    public static func load(
        canonical bytes: DocumentBytes, previewAfter: Int, wholeThreads: Bool = true,
        preview: @escaping (Discussion) -> Void, progress: @escaping (Int) -> Void
    ) throws(DocumentError) -> Discussion {
        var loader = CanonicalLoader(
            bytes: bytes, previewAfter: previewAfter, previewWholeThreads: wholeThreads, preview: preview,
            progress: progress)
        return try loader.load()
    }
}
