import ThreadModel

/// Tells the reader, once per version read, that its file changed on disk (`cp new.json t.json`).
///
/// Asked on every turn of the loop, before an event is applied, so a mapped file rewritten in place turns stale before any
/// of its new bytes is drawn (`DocumentBytes.changedOnDisk`); a stat a key costs nothing worth saving.
struct FileChangeWatch {
    /// The bytes already reported, so the notice is said once and not on every key.
    private weak var reported: DocumentBytes?

    /// The status line's notice when `discussion`'s file is no longer the version read, the first time.
    mutating func notice(for discussion: Discussion) -> String? {
        let bytes = discussion.bytes
        guard reported !== bytes, bytes.changedOnDisk() || bytes.isStale else { return nil }
        reported = bytes
        return bytes.isStale
            ? "the file changed on disk and cannot be shown: R reads the new version"
            : "the file changed on disk: R reads the new version"
    }

    /// Whether `discussion` is still the version the last notice was about: a reload delivered since
    /// (`R` read the new version) makes the notice moot, and it must not cover the reload's message.
    func isAbout(_ discussion: Discussion) -> Bool {
        reported === discussion.bytes
    }
}
