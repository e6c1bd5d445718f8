import Testing

@testable import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct DocumentBytesTests {
    private func canStart(_ bytes: [UInt8]) -> Bool? {
        bytes.withUnsafeBytes { DocumentBytes.canStartJSON($0) }
    }

    @Test func aStreamThatCannotBeJSONIsSeenFromItsFirstByte() {
        #expect(canStart([0, 0, 0]) == false)
        #expect(canStart(Array("  \n\tx".utf8)) == false)
        #expect(canStart([0xFF, 0xFE, UInt8(ascii: "{"), 0]) == false)
    }

    @Test func objectsAndArraysMayStartAfterWhitespaceAndABOM() {
        #expect(canStart(Array(" \r\n{".utf8)) == true)
        #expect(canStart([0xEF, 0xBB, 0xBF, UInt8(ascii: "[")]) == true)
    }

    @Test func onlyWhitespaceOrACutBOMIsNotYetKnown() {
        #expect(canStart(Array("   ".utf8)) == nil)
        #expect(canStart([0xEF, 0xBB]) == nil)
        #expect(canStart([0xEF, 0x41]) == false)
    }
}

/// Streams through a pipe: the writer's end is closed before reading, so nothing blocks.
@Suite struct DocumentStreamTests {
    private func stream(_ text: String, limit: Int = DocumentBytes.maximumSize, spoolAfter: Int = 64 << 20)
        throws(DocumentError) -> DocumentBytes
    {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw DocumentError(kind: .cannotOpen(reason: "no pipe")) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        defer { close(ends[0]) }
        return try DocumentBytes.readStream(fd: ends[0], path: "-", limit: limit, spoolAfter: spoolAfter)
    }

    private let document =
        #"{"article": {"title": "T"}, "comments": ["# + String(repeating: #"{"body": "x"},"#, count: 30)
        + #"{"body": "y"}]}"#

    @Test func aLongStreamIsKeptInAFileAndReadWhole() throws {
        let bytes = try stream(document, spoolAfter: 64)
        #expect(String(decoding: bytes.buffer, as: UTF8.self) == document)
    }

    @Test func aStreamInMemoryIsReadWhole() throws {
        let bytes = try stream(document)
        #expect(String(decoding: bytes.buffer, as: UTF8.self) == document)
    }

    @Test(arguments: [64, 64 << 20])
    func aStreamPastTheLimitIsTooLarge(spoolAfter: Int) {
        #expect(throws: DocumentError.self) { try stream(document, limit: 200, spoolAfter: spoolAfter) }
    }

    @Test func aStreamThatCannotBeJSONIsReadNoFurtherThanItsFirstRead() throws {
        let bytes = try stream("x" + String(repeating: "\0", count: 5000), spoolAfter: 64)
        #expect(bytes.count == 64)
    }
}
