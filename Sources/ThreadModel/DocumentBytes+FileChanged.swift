import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A file shortened while it is mapped: reading past its new end raises SIGBUS.
///
/// Every mapping is registered; a SIGBUS whose fault address lies in one of them ends the process
/// with `changedFileMessage` on standard error and status 74 (EX_IOERR) instead of a crash, or, in a
/// program that asked to `surviveShrinking` (the reader), reads as zeros and marks the bytes stale. Any
/// other SIGBUS goes to the handler that was there before (Swift's backtracer). A terminal that
/// must be restored first installs its own handler after this one and chains to it (SignalTrap).
extension DocumentBytes {
    /// EX_IOERR: the input could not be read to its end.
    public static let fileChangedStatus: Int32 = 74

    /// Sets the line written when a mapped file shrinks under tread; the caller sanitises it.
    ///
    /// Cut to 4 KB; a newline is added when missing. Call before `read`, on one thread.
    public static func setFileChangedMessage(_ line: String) {
        var bytes = Array(line.utf8.prefix(messageCapacity - 1))
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes.withUnsafeBytes { line in
            if let base = line.baseAddress { messageBuffer.copyMemory(from: base, byteCount: line.count) }
        }
        messageLength.store(bytes.count, ordering: .sequentiallyConsistent)
    }

    /// Registers a mapping so a fault inside it is reported as a changed file; installs the handler once.
    static func watchMapping(_ buffer: UnsafeRawBufferPointer) -> Int? {
        // Touch the slots now, so their lazy initialisation never runs inside the handler.
        _ = mappingBases
        _ = mappingEnds
        _ = pageSize
        installBusErrorHandler()
        let base = UInt(bitPattern: buffer.baseAddress)
        for slot in 0..<mappingSlots {
            if mappingBases[slot].compareExchange(expected: 0, desired: base, ordering: .sequentiallyConsistent)
                .exchanged
            {
                mappingEnds[slot].store(base + UInt(buffer.count), ordering: .sequentiallyConsistent)
                return slot
            }
        }
        return nil
    }

    /// Forgets a mapping `watchMapping` registered, before it is unmapped.
    static func unwatchMapping(_ slot: Int?) {
        guard let slot else { return }
        mappingEnds[slot].store(0, ordering: .sequentiallyConsistent)
        mappingBases[slot].store(0, ordering: .sequentiallyConsistent)
    }

    private static func installBusErrorHandler() {
        guard !busHandlerInstalled.exchange(true, ordering: .sequentiallyConsistent) else { return }
        setBusHandler(keeping: previousBusAction)
    }

    /// Puts `handleBusError` in for SIGBUS (with the default message if none was set), keeping the
    /// handler it replaces in `previous`.
    private static func setBusHandler(keeping previous: UnsafeMutablePointer<sigaction>) {
        if messageLength.load(ordering: .sequentiallyConsistent) == 0 {
            setFileChangedMessage("the file changed while being read")
        }
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, _ in handleBusError(signal, info) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigaction(SIGBUS, &action, previous)
    }
}

private let mappingSlots = 16
/// Set in a slot's base by a fault the reader lived through (`surviveShrinking`): bases are page-aligned,
/// so the low bit is free, and the flag is cleared with the slot.
private let faultedBit: UInt = 1
/// Where each registered mapping starts and ends (0: a free slot); set up before any handler runs.
nonisolated(unsafe) private let mappingBases = makeSlots()
nonisolated(unsafe) private let mappingEnds = makeSlots()
private let busHandlerInstalled = Atomic<Bool>(false)
private let messageCapacity = 4096
nonisolated(unsafe) private let messageBuffer = UnsafeMutableRawPointer.allocate(
    byteCount: messageCapacity, alignment: 8)
private let messageLength = Atomic<Int>(0)
/// The handler before this one was first installed (Swift's backtracer), and, at 1, the one under it
/// once it went on top (`surviveShrinking`).
nonisolated(unsafe) private let previousBusAction: UnsafeMutablePointer<sigaction> = {
    let action = UnsafeMutablePointer<sigaction>.allocate(capacity: 2)
    action.initialize(repeating: sigaction(), count: 2)
    return action
}()

private func makeSlots() -> UnsafeMutablePointer<Atomic<UInt>> {
    let slots = UnsafeMutablePointer<Atomic<UInt>>.allocate(capacity: mappingSlots)
    for slot in 0..<mappingSlots { (slots + slot).initialize(to: Atomic<UInt>(0)) }
    return slots
}

/// Async-signal-safe: atomics, `write`, `_exit`, `sigaction`, `raise` and `mmap` (a bare system call) only.
private func handleBusError(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) {
    // si_code > 0: raised by the kernel for this very access, so si_addr is the faulting address.
    if let info, info.pointee.si_code > 0 {
        let address = UInt(bitPattern: info.pointee._sifields._sigfault.si_addr)
        for slot in 0..<mappingSlots {
            let base = mappingBases[slot].load(ordering: .sequentiallyConsistent) & ~faultedBit
            let end = mappingEnds[slot].load(ordering: .sequentiallyConsistent)
            if base != 0, address >= base, address < end {
                if survivesShrinking.load(ordering: .sequentiallyConsistent) {
                    // Zeros from the faulting page to the mapping's end: the access that faulted
                    // reads them when this returns, and the bytes are stale from now on.
                    let page = address & ~UInt(pageSize - 1)
                    let length = (end - page + UInt(pageSize) - 1) & ~UInt(pageSize - 1)
                    let zeros = mmap(
                        UnsafeMutableRawPointer(bitPattern: page), Int(length), PROT_READ,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
                    if zeros != MAP_FAILED {
                        _ = mappingBases[slot].bitwiseOr(faultedBit, ordering: .sequentiallyConsistent)
                        return
                    }
                }
                _ = write(STDERR_FILENO, messageBuffer, messageLength.load(ordering: .sequentiallyConsistent))
                _exit(DocumentBytes.fileChangedStatus)
            }
        }
    }
    // On top of the terminal's handler: that one first, for every signal not lived through here. It
    // restores the terminal and puts this handler back, which then hands on below (the lines after).
    // Called directly, with this signal's own information (a raise would be this process's).
    if chainsAbove.exchange(false, ordering: .sequentiallyConsistent) {
        let below = previousBusAction[1]
        if below.sa_flags & SA_SIGINFO != 0, let handler = below.__sigaction_handler.sa_sigaction {
            handler(signal, info, nil)
            return
        }
        sigaction(signal, previousBusAction, nil)
        if info.map({ $0.pointee.si_code <= 0 }) ?? true { raise(signal) }
        return
    }
    // Sent by another process: no crash to report; die as by default (the backtracer would return).
    if SignalDefault.endIfSentByAnother(signal, info) { return }
    // Not a mapped document: the previous handler gets it. A fault repeats when this returns; a
    // signal sent by someone does not, so it is sent again.
    sigaction(signal, previousBusAction, nil)
    if info.map({ $0.pointee.si_code <= 0 }) ?? true { raise(signal) }
}

/// How a file stood when it was read: a rewrite in place changes its size or times, a replacement its inode.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    /// Whether `other` is the same file (written again in place), not another one moved over its name.
    func isSameFile(as other: FileStamp) -> Bool { device == other.device && inode == other.inode }
}

/// The file bytes were read from, by the name the user gave.
struct FileOrigin: Sendable {
    let path: String
    let stamp: FileStamp
}

extension DocumentBytes {
    /// What a comment's text reads as once its mapped file holds another version: no byte of that
    /// version is shown, and the way to read it is named.
    public static let staleText = "[the file changed on disk: R reads the new version]"

    /// Whether these bytes are a mapping of a file that now holds another version (rewritten in
    /// place, or cut short): their text is no longer read (`string` gives `staleText`).
    public var isStale: Bool {
        stale.load(ordering: .relaxed)
            || watchSlot.map { mappingBases[$0].load(ordering: .relaxed) & faultedBit != 0 } == true
    }

    /// Whether the file these bytes were read from is no longer the version read: written again,
    /// cut, or another file moved over its name. A stat of the path; false for bytes not read from
    /// a file and for a file that cannot be seen now (gone: nothing else could be read either).
    ///
    /// A mapping whose own file was rewritten is marked stale here, before any of its new bytes is
    /// drawn; a copy (`read(path:copyingUpTo:)`) or a file replaced by another keeps the version read.
    public func changedOnDisk() -> Bool {
        guard let origin else { return false }
        var info = stat()
        guard stat(origin.path, &info) == 0 else { return false }
        let now = FileStamp(info)
        guard now != origin.stamp else { return false }
        if isMapped, now.isSameFile(as: origin.stamp) { stale.store(true, ordering: .relaxed) }
        return true
    }

    /// Lets a reader live through a mapped file cut short under it: the pages past the new end read
    /// as zeros and the bytes turn stale, instead of the process ending with status 74. Set once, by
    /// a program whose every way out saves what it must (the reader).
    ///
    /// Call after the terminal's own handlers are in (SignalTrap): this handler goes on top of them,
    /// so a fault it lives through never ends the terminal, and any other fault is handed to them.
    public static func surviveShrinking() {
        guard !survivesShrinking.exchange(true, ordering: .sequentiallyConsistent) else { return }
        _ = mappingBases
        _ = mappingEnds
        _ = pageSize
        setBusHandler(keeping: previousBusAction + 1)
        chainsAbove.store(true, ordering: .sequentiallyConsistent)
        // Not installed below yet: the terminal's handler is the only one under this, and what it
        // puts back is what comes after.
        if !busHandlerInstalled.exchange(true, ordering: .sequentiallyConsistent) {
            previousBusAction[0] = previousBusAction[1]
        }
    }
}

private let survivesShrinking = Atomic<Bool>(false)
/// Set while the handler sits on top of the terminal's (`surviveShrinking`), whose handler is
/// `previousBusAction[1]`: a fault outside the mappings goes there first.
private let chainsAbove = Atomic<Bool>(false)
private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
