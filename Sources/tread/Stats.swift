import ArgumentParser
import ThreadModel

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count a discussion's comments, threads, depth, deleted comments and authors.")

    @OptionGroup var documentArguments: DocumentArguments
    var document: DocumentOptions { documentArguments.options }

    func run() throws {
        let (discussion, fileSize) = try loadReportingNotes(document)
        // The size of the file as given, whatever its format (an import's text is stored apart).
        let stats = discussion.statistics(sourceBytes: fileSize)
        var output = OutputBuffer()
        output.write(
            """
            comments          \(CountText.grouped(stats.comments))
            top-level threads \(CountText.grouped(stats.topLevel))
            maximum depth     \(CountText.grouped(stats.maximumDepth))
            deleted comments  \(CountText.grouped(stats.deleted))
            distinct authors  \(CountText.grouped(stats.distinctAuthors))
            bytes             \(CountText.grouped(stats.bytes))

            """)
        output.flush()
    }
}
