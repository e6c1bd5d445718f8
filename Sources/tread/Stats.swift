import ArgumentParser
import ThreadModel

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count a discussion's comments, threads, depth, deleted comments and authors.")

    @OptionGroup var documentArguments: DocumentArguments
    var document: DocumentOptions { documentArguments.options }

    func run() throws {
        try Self.report(document)
    }

    /// Loads the document and prints its counts.
    static func report(_ document: DocumentOptions) throws {
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

    /// The document of `tread stats FILE` read without ArgumentParser (its parse is about a
    /// millisecond of a big file's `stats`, see `ReadArguments`): exactly `stats` and one word that is
    /// neither a command's name nor starts with `-`. Nil for anything else (options, help, `-` for
    /// standard input, mistakes), which ArgumentParser then reads.
    static func common(_ arguments: [String]) -> DocumentOptions? {
        guard arguments.count == 2, arguments[0] == "stats" else { return nil }
        let file = arguments[1]
        guard let first = file.utf8.first, first != UInt8(ascii: "-"),
            !ReadArguments.commandWords.contains(file)
        else { return nil }
        return DocumentOptions(file: file)
    }
}
