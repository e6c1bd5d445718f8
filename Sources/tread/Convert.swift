import ArgumentParser
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write a discussion in the canonical tread format (docs/FORMAT.md).",
        discussion: """
            Converting the output again gives the same bytes. With -o, the file is replaced at once
            when the new one is complete: a failed write leaves the old file as it was.
            """)

    @OptionGroup var documentArguments: DocumentArguments
    var document: DocumentOptions { documentArguments.options }
    @OptionGroup var filterArguments: FilterArguments
    var filter: FilterOptions { filterArguments.options }

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "With a Reddit address: fetch every \"more replies\" stub before writing.")
    var expandMore = false

    func validate() throws {
        if expandMore && document.fetch.offline {
            throw ValidationError("--expand-more fetches and --offline never does; choose one")
        }
    }

    func run() throws {
        var (loaded, _) = try loadReportingNotes(document)
        if expandMore, let address = document.address { loaded = expandingStubs(loaded, address: address) }
        let discussion = try filter.apply(loaded)
        let bytes = DocumentWriter.canonicalJSON(discussion)
        guard let output else {
            // A closed pipe (`| head`) is not an error worth a message; any other write error is.
            if !writeAll(bytes, to: STDOUT_FILENO), errno != EPIPE {
                writeError("tread: standard output: cannot write: \(String(cString: strerror(errno)).lowercased())")
                throw ExitCode(74)
            }
            return
        }
        do {
            try AtomicFile.write(bytes, to: output)
        } catch {
            writeError("tread: \(output): cannot write: \(error.reason)")
            throw ExitCode(error.exitStatus)
        }
    }
}
