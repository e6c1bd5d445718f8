import ArgumentParser
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a discussion in the canonical tread format (docs/FORMAT.md).",
        discussion: """
            Converting the output again gives the same bytes. With -o, the file is replaced at once
            when the new one is complete: a failed write leaves the old file as it was.
            """)

    @OptionGroup var document: DocumentOptions

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let (discussion, _) = try loadReportingNotes(document)
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
