import Foundation
import Reader

/// Answers of the running fetch, handed from its task to the loop: the newest progress and the result.
final class FetchMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: String?
    private var result: Message?
    private var number = 0

    /// Forgets whatever an earlier fetch left; `number` is the fetch whose answers count now.
    func expect(_ number: Int) {
        lock.withLock {
            self.number = number
            progress = nil
            result = nil
        }
    }

    func post(progress text: String, for number: Int) {
        lock.withLock { if number == self.number { progress = text } }
    }

    func post(result message: Message, for number: Int) {
        lock.withLock { if number == self.number { result = message } }
    }

    /// The messages waiting, progress first; nil when there are none.
    func take() -> [Message] {
        lock.withLock {
            var messages: [Message] = []
            if let progress { messages.append(.fetchProgress(progress)) }
            if let result { messages.append(result) }
            progress = nil
            result = nil
            return messages
        }
    }
}
