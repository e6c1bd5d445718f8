import Testing

@testable import ThreadModel

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
