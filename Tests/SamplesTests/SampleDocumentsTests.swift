import Foundation
import Samples
import Testing

/// The embedded samples are generated from SampleData/; these tests fail when the generated file is stale.
/// Regenerate it with `Scripts/embed-samples.sh`.
@Suite struct SampleDocumentsTests {
    /// SampleData/ in the source tree, found from this file's path: Tests/SamplesTests/<this file>.
    static let sampleDataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("SampleData", isDirectory: true)

    static func sampleFileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sampleDataDirectory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
    }

    @Test func everyFileInSampleDataIsEmbeddedAndNothingElse() throws {
        let onDisk = try Self.sampleFileNames()
        #expect(!onDisk.isEmpty, "no SampleData/*.json found at \(Self.sampleDataDirectory.path)")
        let embedded = SampleDocuments.all.map(\.name).sorted()
        #expect(embedded == onDisk, "run Scripts/embed-samples.sh")
    }

    @Test func embeddedNamesAreUnique() {
        let names = SampleDocuments.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test(arguments: SampleDocuments.all.map(\.name))
    func embeddedCopyEqualsTheFileByteForByte(name: String) throws {
        let embedded = try #require(SampleDocuments.all.first { $0.name == name }).json
        let file = Self.sampleDataDirectory.appendingPathComponent(name)
        let onDisk = try Data(contentsOf: file)
        #expect(
            Data(embedded.utf8) == onDisk,
            "SampleData/\(name) changed since it was embedded: run Scripts/embed-samples.sh"
        )
    }

    @Test(arguments: SampleDocuments.all.map(\.name))
    func embeddedDocumentIsJSONWithAnArticleTitle(name: String) throws {
        let embedded = try #require(SampleDocuments.all.first { $0.name == name }).json
        let object = try JSONSerialization.jsonObject(with: Data(embedded.utf8))
        let document = try #require(object as? [String: Any], "\(name) is not a JSON object")
        let article = try #require(document["article"] as? [String: Any], "\(name) has no article")
        #expect(article["title"] is String, "\(name) has no article title")
    }

    @Test func defaultDocumentIsTheSeedArticle() throws {
        let entry = try #require(SampleDocuments.all.first { $0.name == SampleDocuments.defaultName })
        #expect(SampleDocuments.defaultDocument == entry.json)
        let object = try JSONSerialization.jsonObject(with: Data(SampleDocuments.defaultDocument.utf8))
        let article = try #require((object as? [String: Any])?["article"] as? [String: Any])
        #expect(article["id"] as? String == "zte-partial-reprieve")
    }
}
