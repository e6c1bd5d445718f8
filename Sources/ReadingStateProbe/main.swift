// Drives the reading-state store from a separate process, for the fault tests and the benchmark:
//   ReadingStateProbe save-loop DIR         saves forever; prints each save's number once it is committed
//   ReadingStateProbe marks DIR LETTERS     sets each mark in a load-mark-save cycle of its own
//   ReadingStateProbe bench DIR [COUNT]     times the quit save of COUNT (1,000,000) comments, all read
import Foundation
import ReadingState
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// A thread of `count` top-level comments "c0", "c1", ….
func discussion(count: Int) -> Discussion? {
    var builder = DiscussionBuilder(article: Article(id: "probe", title: "Probe thread", source: "Probe"))
    for index in 0..<count {
        _ = builder.add(Comment(id: .string("c\(index)"), author: "probe", body: "comment \(index)"))
    }
    return try? builder.build()
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ReadingStateProbe: \(message)\n".utf8))
    exit(1)
}

func openStore(_ directory: String) -> ReadingStore {
    do {
        return try ReadingStore(directory: directory)
    } catch {
        fail(error.description)
    }
}

/// Save n shows comments 0..<n, sets row n, and moves mark "m" to comment n: each save is checkable.
func saveLoop(_ directory: String) -> Never {
    guard let thread = discussion(count: 2000) else { fail("cannot build the thread") }
    let identity = ThreadIdentity(article: thread.article, path: nil)
    let store = openStore(directory)
    var number = 0
    while true {
        number += 1
        do {
            var visit = Visit(discussion: thread, identity: identity, stored: try store.load(identity), now: Date())
            visit.shown(0..<min(number, thread.count))
            visit.position(selected: number % thread.count, row: number, folded: [])
            visit.setMark("m", at: number % thread.count)
            try store.save(visit, now: Date())
        } catch {
            fail(error.description)
        }
        // Unbuffered, so the line is out as soon as the save is committed.
        FileHandle.standardOutput.write(Data("\(number)\n".utf8))
    }
}

/// Each letter in its own load-mark-save, on comment index = the letter's position in the alphabet.
func marks(_ directory: String, _ letters: String) {
    guard let thread = discussion(count: 60) else { fail("cannot build the thread") }
    let identity = ThreadIdentity(article: thread.article, path: nil)
    let store = openStore(directory)
    for letter in letters {
        guard let ascii = letter.asciiValue else { fail("marks are letters") }
        let index = Int(ascii) - 0x41
        do {
            var visit = Visit(discussion: thread, identity: identity, stored: try store.load(identity), now: Date())
            visit.setMark(letter, at: index)
            visit.shown([index])
            try store.save(visit, now: Date())
        } catch {
            fail(error.description)
        }
    }
}

/// The thread's CPU time: unlike wall time, barely moved by other processes on a shared machine.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Wall and CPU milliseconds of `work`, as "W ms (CPU C ms)".
func timed(_ work: () throws -> Void) rethrows -> String {
    let begin = DispatchTime.now().uptimeNanoseconds
    let cpu = cpuSeconds()
    try work()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6
    return String(format: "%.1f ms (CPU %.1f ms)", wall, (cpuSeconds() - cpu) * 1000)
}

/// What the reader does on 1M comments all read: load the state, start the visit, and save on quit.
func bench(_ directory: String, count: Int) {
    guard let thread = discussion(count: count) else { fail("cannot build the thread") }
    let identity = ThreadIdentity(article: thread.article, path: nil)
    let store = openStore(directory)
    do {
        var first = Visit(discussion: thread, identity: identity, stored: try store.load(identity), now: Date())
        first.shown(0..<thread.count)
        let firstSave = try timed { try store.save(first, now: Date()) }
        var stored: ThreadState?
        let load = try timed { stored = try store.load(identity) }
        var visit: Visit?
        let open = timed {
            visit = Visit(discussion: thread, identity: identity, stored: stored, now: Date().addingTimeInterval(600))
        }
        guard var visit else { fail("no visit") }
        visit.shown(0..<min(60, thread.count))
        visit.position(selected: 0, row: 0, folded: [])
        let save = try timed { try store.save(visit, now: Date()) }
        let size = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
        let wal = (try? FileManager.default.attributesOfItem(atPath: store.path + "-wal")[.size] as? Int) ?? 0
        let blob = visit.state(now: Date()).seen.encoded().count
        print("comments: \(count), new at open: \(visit.newCount)")
        print("first save (all new to the store): \(firstSave)")
        print("load the state: \(load)")
        print("start the visit (which comments are new): \(open)")
        print("save on quit, all read: \(save)")
        print(
            String(
                format: "seen-set blob: %d bytes, %.2f bytes per comment; store file %d bytes + WAL %d bytes",
                blob, Double(blob) / Double(count), size, wal))
        try benchAdded(thread: count, identity: identity, store: store)
    } catch let error as StoreError {
        fail(error.description)
    } catch {
        fail("\(error)")
    }
}

/// The visit after 1,000 comments were added (issue 23, bug 8): which are added, and the save that grows
/// the known-set (read, united, written again as one blob).
func benchAdded(thread count: Int, identity: ThreadIdentity, store: ReadingStore) throws {
    guard let later = discussion(count: count + 1000) else { fail("cannot build the thread") }
    let stored = try store.load(identity)
    var visit: Visit?
    let open = timed {
        visit = Visit(discussion: later, identity: identity, stored: stored, now: Date().addingTimeInterval(1200))
    }
    guard let visit else { fail("no visit") }
    let save = try timed { try store.save(visit, now: Date().addingTimeInterval(1300)) }
    let known = try store.load(identity)?.known?.encoded().count ?? 0
    print("start the visit with 1,000 added: \(open); added \(visit.newCount), unread \(visit.unreadCount)")
    print("save on quit, known-set grown by 1,000: \(save)")
    print(String(format: "known-set blob: %d bytes, %.2f bytes per comment", known, Double(known) / Double(count)))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: ReadingStateProbe save-loop|marks|bench DIR [ARG]") }
switch arguments[1] {
case "save-loop": saveLoop(arguments[2])
case "marks" where arguments.count == 4: marks(arguments[2], arguments[3])
case "bench": bench(arguments[2], count: arguments.count > 3 ? Int(arguments[3]) ?? 1_000_000 : 1_000_000)
default: fail("unknown command \(arguments[1])")
}
