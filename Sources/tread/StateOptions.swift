import ArgumentParser
import Foundation
import ReadingState
import TextLayout

/// Options about the reading state: what tread remembers of each thread between visits.
struct StateOptions: ParsableArguments {
    @Flag(
        name: .long,
        help: "Read without remembering: no new-comment markers, resume or marks, and nothing saved for this thread."
    )
    var noState = false
}

/// Opens the reading-state store, or prints why it cannot and throws the exit status for it.
///
/// For commands about the state itself (`recent`, `forget`): the reader instead reads on without state.
func openStateStore(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ReadingStore {
    guard let directory = ReadingStore.defaultDirectory(environment: environment) else {
        writeError("tread: no folder for the reading state: set XDG_STATE_HOME or HOME to an absolute path")
        throw ExitCode(78)
    }
    do {
        return try ReadingStore(directory: directory)
    } catch {
        throw stateExit(error)
    }
}

/// Prints a store error as one line and gives its sysexits status: 65 for a damaged or newer store, 74 otherwise.
func stateExit(_ error: StoreError) -> ExitCode {
    writeError("tread: \(error.description)")
    switch error {
    case .damaged, .newerVersion: return ExitCode(65)
    case .unavailable: return ExitCode(74)
    }
}

/// Text from the store on one terminal line: sanitized, with line breaks as spaces.
func oneLine(_ text: String) -> String {
    Sanitizer.sanitize(text).replacingOccurrences(of: "\n", with: " ")
}
