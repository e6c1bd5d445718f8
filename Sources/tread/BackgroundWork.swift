import Foundation
import Synchronization

/// Work done on a thread of its own beside the reader loop, which polls `take` and hands the value
/// to the reader: the visit built from the reading state, a big thread's author index.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)

    /// Starts `work` on a new thread named `name`.
    init(name: String, _ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
        }
        thread.name = name
        thread.start()
    }

    /// The value when the work is done (once), else nil.
    func take() -> Value? {
        result.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
