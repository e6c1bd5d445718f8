import ArgumentParser
import ThreadModel

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count a discussion's comments, threads, depth, deleted comments and authors.")

    @OptionGroup var document: DocumentOptions

    func run() throws {
        let discussion = try loadOrExit(document)
        let stats = discussion.statistics()
        var output = OutputBuffer()
        output.write(
            """
            comments          \(stats.comments)
            top-level threads \(stats.topLevel)
            maximum depth     \(stats.maximumDepth)
            deleted comments  \(stats.deleted)
            distinct authors  \(stats.distinctAuthors)
            bytes             \(stats.bytes)

            """)
        output.flush()
    }
}
