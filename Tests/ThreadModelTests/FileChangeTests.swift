import Testing

@testable import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// A file rewritten in place while it is read (`cp new.json t.json`): no byte of the new version is
/// shown as the old one's text (issue 23, bug 1).
@Suite struct FileChangeTests {
    /// A thread of `count` comments whose bodies say `word`, as a canonical document.
    private func thread(_ word: String, count: Int = 3) -> String {
        let comments = (0..<count).map { #"{"id": "c\#($0)", "author": "a\#($0)", "body": "\#(word) \#($0)"}"# }
        return #"{"article": {"title": "T"}, "comments": ["# + comments.joined(separator: ", ") + "]}"
    }

    /// A new file holding `text`; its path.
    private func file(_ text: String) throws -> String {
        var template = Array("/tmp/tread-change-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        try #require(fd >= 0)
        close(fd)
        let path = String(cString: template)
        try rewrite(path, with: text)
        return path
    }

    /// Writes `text` over the file at `path`, the same inode, as `cp` and `cat >` do.
    private func rewrite(_ path: String, with text: String) throws {
        let fd = open(path, O_WRONLY | O_TRUNC)
        try #require(fd >= 0)
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        try #require(written == bytes.count)
    }

    @Test func aMappedFileRewrittenLongerShowsNoneOfTheNewText() throws {
        let path = try file(thread("old"))
        defer { unlink(path) }
        let bytes = try DocumentBytes.read(path: path)
        let discussion = try Discussion.load(bytes)
        #expect(discussion.body(of: 1) == "old 1")
        #expect(!bytes.changedOnDisk())
        try rewrite(path, with: thread("brand new text", count: 40))
        #expect(bytes.changedOnDisk())
        #expect(bytes.isStale)
        #expect(discussion.body(of: 1) == DocumentBytes.staleText)
        #expect(discussion.author(of: 2) == DocumentBytes.staleText)
    }

    @Test func aCopiedFileKeepsTheVersionRead() throws {
        let path = try file(thread("old"))
        defer { unlink(path) }
        let bytes = try DocumentBytes.read(path: path, copyingUpTo: 1 << 20)
        let discussion = try Discussion.load(bytes)
        try rewrite(path, with: thread("x"))
        #expect(bytes.changedOnDisk())
        #expect(!bytes.isStale)
        #expect(discussion.body(of: 1) == "old 1")
        #expect(discussion.id(of: 2)?.key == "c2")
    }

    /// Before: the next read past the new end raised SIGBUS and the reader ended with status 74.
    @Test func aMappedFileCutShortReadsAsZerosInAReader() throws {
        let path = try file(thread(String(repeating: "long ", count: 2_000), count: 20))
        defer { unlink(path) }
        let bytes = try DocumentBytes.read(path: path)
        let discussion = try Discussion.load(bytes)
        DocumentBytes.surviveShrinking()
        try rewrite(path, with: "")
        #expect(bytes[bytes.count - 1] == 0)
        #expect(bytes.isStale)
        #expect(discussion.body(of: 19) == DocumentBytes.staleText)
    }

    /// A number scanned before the file was cut is read again as zeros (the reader's background load
    /// saw this under load): no value, never the arithmetic trap it was (tread died with SIGILL).
    @Test func aNumberWhoseBytesTurnedToZerosHasNoValue() {
        let bytes: [UInt8] = Array("12".utf8) + [0, 0]
        bytes.withUnsafeBytes { buffer in
            let scanner = JSONScanner(buffer)
            #expect(scanner.integer(in: 0..<2) == 12)
            #expect(scanner.integer(in: 0..<4) == nil)
            #expect(scanner.integer(in: 2..<4) == nil)
        }
    }

    @Test func aFileMovedOverTheNameLeavesTheMappingReadable() throws {
        let path = try file(thread("old"))
        let other = try file(thread("other"))
        defer {
            unlink(path)
            unlink(other)
        }
        let bytes = try DocumentBytes.read(path: path)
        let discussion = try Discussion.load(bytes)
        try #require(rename(other, path) == 0)
        #expect(bytes.changedOnDisk())
        #expect(!bytes.isStale)
        #expect(discussion.body(of: 0) == "old 0")
    }
}
