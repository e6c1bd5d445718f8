import ArgumentParser

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a discussion in the canonical tread format.")

    @OptionGroup var document: DocumentOptions

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        writeError("tread convert: not available yet")
        throw ExitCode(69)
    }
}
