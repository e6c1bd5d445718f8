import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A file shortened while it is mapped: reading past its new end raises SIGBUS.
///
/// Every mapping is registered; a SIGBUS whose fault address lies in one of them ends the process
/// with `changedFileMessage` on standard error and status 74 (EX_IOERR) instead of a crash. Any
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
        if messageLength.load(ordering: .sequentiallyConsistent) == 0 {
            setFileChangedMessage("the file changed while being read")
        }
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, _ in handleBusError(signal, info) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigaction(SIGBUS, &action, previousBusAction)
    }
}

private let mappingSlots = 16
/// Where each registered mapping starts and ends (0: a free slot); set up before any handler runs.
nonisolated(unsafe) private let mappingBases = makeSlots()
nonisolated(unsafe) private let mappingEnds = makeSlots()
private let busHandlerInstalled = Atomic<Bool>(false)
private let messageCapacity = 4096
nonisolated(unsafe) private let messageBuffer = UnsafeMutableRawPointer.allocate(
    byteCount: messageCapacity, alignment: 8)
private let messageLength = Atomic<Int>(0)
nonisolated(unsafe) private let previousBusAction: UnsafeMutablePointer<sigaction> = {
    let action = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    action.initialize(to: sigaction())
    return action
}()

private func makeSlots() -> UnsafeMutablePointer<Atomic<UInt>> {
    let slots = UnsafeMutablePointer<Atomic<UInt>>.allocate(capacity: mappingSlots)
    for slot in 0..<mappingSlots { (slots + slot).initialize(to: Atomic<UInt>(0)) }
    return slots
}

/// Async-signal-safe: atomics, `write`, `_exit`, `sigaction` and `raise` only.
private func handleBusError(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) {
    // si_code > 0: raised by the kernel for this very access, so si_addr is the faulting address.
    if let info, info.pointee.si_code > 0 {
        let address = UInt(bitPattern: info.pointee._sifields._sigfault.si_addr)
        for slot in 0..<mappingSlots {
            let base = mappingBases[slot].load(ordering: .sequentiallyConsistent)
            let end = mappingEnds[slot].load(ordering: .sequentiallyConsistent)
            if base != 0, address >= base, address < end {
                _ = write(STDERR_FILENO, messageBuffer, messageLength.load(ordering: .sequentiallyConsistent))
                _exit(DocumentBytes.fileChangedStatus)
            }
        }
    }
    // Sent by another process: no crash to report; die as by default (the backtracer would return).
    if SignalDefault.endIfSentByAnother(signal, info) { return }
    // Not a mapped document: the previous handler gets it. A fault repeats when this returns; a
    // signal sent by someone does not, so it is sent again.
    sigaction(signal, previousBusAction, nil)
    if info.map({ $0.pointee.si_code <= 0 }) ?? true { raise(signal) }
}
