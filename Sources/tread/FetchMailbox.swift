import Foundation
import Reader
import ThreadModel

/// Answers of the running fetch, handed from its task to the loop: the newest progress, the newest
/// part of a thread still arriving (each holds the one before, so only the newest is merged), and the result.
final class FetchMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: String?
    private var part: Discussion?
    private var result: Message?
    private var number = 0

    /// Forgets whatever an earlier fetch left; `number` is the fetch whose answers count now.
    func expect(_ number: Int) {
        lock.withLock {
            self.number = number
            progress = nil
            part = nil
            result = nil
        }
    }

    func post(progress text: String, for number: Int) {
        lock.withLock { if number == self.number { progress = text } }
    }

    func post(part discussion: Discussion, for number: Int) {
        lock.withLock { if number == self.number { part = discussion } }
    }

    func post(result message: Message, for number: Int) {
        lock.withLock { if number == self.number { result = message } }
    }

    /// The messages waiting, progress first; nil when there are none.
    func take() -> [Message] {
        lock.withLock {
            var messages: [Message] = []
            if let progress { messages.append(.fetchProgress(progress)) }
            // The whole thread, when in, holds every part; a failure (a cut) keeps the last part.
            if let part {
                if case .arrived = result {} else { messages.append(.arrived(part, whole: false)) }
            }
            if let result { messages.append(result) }
            progress = nil
            part = nil
            result = nil
            return messages
        }
    }
}
