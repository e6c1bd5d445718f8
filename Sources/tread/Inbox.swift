import Foundation
import Reader
import Synchronization

/// Which piece of background work a job is: starting one stops the one of the same kind still running.
enum JobKind: Hashable, Sendable {
    /// The rest of a big file read behind its preview.
    case load
    /// The visit built from the reading state.
    case visit
    /// A big thread's authors hashed.
    case authors
    /// A big thread's comments marked by the kill-file.
    case killFile
    /// `R`, Enter on a stub, or the rest of a thread opened early.
    case fetch
    /// One run of the copy command (several may run at once).
    case copy(Int)
    /// A comment or subtree written to a file (`w`, `W`).
    case save

    /// The comments sorted (`s`, the config's `sort`).
    case sort
}

/// The runtime's one inbox: every job posts what it finds here as messages, and the loop takes them.
///
/// One way to start and stop background work: `start` runs a job on a thread of its own (`startTask`:
/// as a task) and stops the one of its kind still running; `stop` ends it. What a stopped or replaced
/// job posts afterwards is dropped, so the reader never sees a stale answer. Progress is kept newest
/// only; the parts of a thread still arriving, merged by the fetch job, are joined into one merge, so
/// a slow loop takes one part, not every part.
final class Inbox: Sendable {
    private struct Shared {
        var messages: [Message] = []
        var running: [JobKind: Job] = [:]
    }

    private let shared = Mutex(Shared())

    /// Whether a job runs or a message waits: the loop then polls instead of sleeping until a key.
    var isBusy: Bool { shared.withLock { !$0.running.isEmpty || !$0.messages.isEmpty } }

    /// The messages waiting, oldest first.
    func take() -> [Message] {
        shared.withLock { shared in
            defer { shared.messages.removeAll() }
            return shared.messages
        }
    }

    /// Posts a message from the loop itself (a link that would not open): taken with the jobs' messages.
    func post(_ message: Message) {
        shared.withLock { Self.add(message, to: &$0.messages) }
    }

    /// Registers a job of `kind`, stopping the one running; the caller starts its work and calls `end`.
    func begin(_ kind: JobKind) -> Job {
        let job = Job(kind: kind, inbox: self)
        let replaced = shared.withLock { shared in
            defer { shared.running[kind] = job }
            return shared.running[kind]
        }
        replaced?.cancel()
        return job
    }

    /// Runs `work` on a new thread named `name`, as the job of its kind.
    func start(_ kind: JobKind, name: String, _ work: @escaping @Sendable (Job) -> Void) {
        let job = begin(kind)
        let thread = Thread {
            work(job)
            job.end()
        }
        thread.name = name
        thread.start()
    }

    /// Runs `work` as a detached task, as the job of its kind; `stop` cancels the task.
    func startTask(_ kind: JobKind, _ work: @escaping @Sendable (Job) async -> Void) {
        let job = begin(kind)
        job.attach(
            Task.detached {
                await work(job)
                job.end()
            })
    }

    /// Stops the job of `kind`, if one runs: nothing it posts from now on arrives.
    func stop(_ kind: JobKind) {
        let job = shared.withLock { $0.running.removeValue(forKey: kind) }
        job?.cancel()
    }

    fileprivate func post(_ message: Message, from job: Job) {
        shared.withLock { shared in
            guard shared.running[job.kind] === job else { return }
            Self.add(message, to: &shared.messages)
        }
    }

    fileprivate func end(_ job: Job) {
        shared.withLock { shared in
            if shared.running[job.kind] === job { shared.running[job.kind] = nil }
        }
    }

    /// Appends `message`, dropping what it makes stale: older progress, an older part of the thread arriving.
    private static func add(_ message: Message, to messages: inout [Message]) {
        switch message {
        case .loadProgress:
            messages.removeAll { if case .loadProgress = $0 { true } else { false } }
        case .fetchProgress:
            messages.removeAll { if case .fetchProgress = $0 { true } else { false } }
        case .arrived(let newer, let whole):
            // One merge into what is on screen: a part not taken yet and the newer one after it.
            if let waiting = messages.lastIndex(where: { if case .arrived = $0 { true } else { false } }),
                case .arrived(let older, _) = messages[waiting]
            {
                messages.remove(at: waiting)
                messages.append(.arrived(older.followed(by: newer), whole: whole))
                return
            }
        default:
            break
        }
        messages.append(message)
    }
}

/// One piece of background work: what it posts reaches the inbox while it is the current job of its kind.
final class Job: Sendable {
    let kind: JobKind
    private let inbox: Inbox
    private let task = Mutex<Task<Void, Never>?>(nil)
    private let cancelled = Mutex(false)

    fileprivate init(kind: JobKind, inbox: Inbox) {
        self.kind = kind
        self.inbox = inbox
    }

    /// Sends a message to the reader, unless the job was stopped or replaced.
    func post(_ message: Message) {
        inbox.post(message, from: self)
    }

    /// Whether the job was stopped or replaced: work that can stop early should.
    var isCancelled: Bool { cancelled.withLock { $0 } }

    /// The job's work is done.
    func end() {
        inbox.end(self)
    }

    /// Ends the job from within: nothing it posts from now on arrives, and its task is cancelled.
    func stop() {
        inbox.end(self)
        cancel()
    }

    fileprivate func attach(_ task: Task<Void, Never>) {
        let stopped = self.task.withLock { held in
            held = task
            return isCancelled
        }
        if stopped { task.cancel() }
    }

    fileprivate func cancel() {
        cancelled.withLock { $0 = true }
        task.withLock { $0 }?.cancel()
    }
}
