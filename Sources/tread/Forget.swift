import ArgumentParser
import Foundation
import Reader
import ReadingState
import SiteFormats
import ThreadFetch
import ThreadModel

/// `tread forget URL|FILE`: drops what tread remembers of a thread (seen comments, position, marks).
struct Forget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Forget a thread: its seen comments, position and marks.",
        discussion: """
            NAME is a thread's file (it is read to find the thread, wherever it was read from before) \
            or its address or article URL, as `tread recent --list` shows them.
            """)

    @Argument(help: "The thread's file or URL.")
    var name: String

    @Option(name: .long, help: "The file's format, when not recognised from its content.")
    var format: DocumentFormat?

    func run() throws {
        let store = try openStateStore()
        var names = [name]
        // `hn:42` and every other spelling of a thread's address is the address the store keeps.
        if let address = ThreadAddress(name) { names.append(address.displayAddress) }
        if FileManager.default.fileExists(atPath: name) {
            let path = ThreadIdentity.absolutePath(name)
            names.append(path)
            // The thread's identity is in the file: a site thread read from another copy is forgotten too.
            if let discussion = try? Discussion.load(path: name, format: format) {
                names.append(ThreadIdentity(article: discussion.article, path: path).key)
            }
        }
        var forgotten = 0
        do {
            for name in Set(names) { forgotten += try store.forget(name) }
        } catch {
            throw stateExit(error)
        }
        var output = OutputBuffer()
        if forgotten == 0 {
            output.write("Nothing remembered for \(Blocks.oneLine(name)).\n")
        } else {
            output.write("Forgot \(CountText.counted(forgotten, "thread")).\n")
        }
        output.flush()
    }
}
