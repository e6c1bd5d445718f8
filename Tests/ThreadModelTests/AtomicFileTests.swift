import Testing

@testable import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// Writing over a symbolic link writes the file it names, whether that file exists yet or not, and keeps
/// the link (as writing in place through it would).
@Suite struct AtomicFileTests {
    /// A fresh directory, removed with what is in it when `body` returns.
    static func inDirectory(_ body: (String) throws -> Void) throws {
        var template = Array("/tmp/tread-atomic-XXXXXX".utf8CString)
        let made = try #require(mkdtemp(&template))
        let directory = String(cString: made)
        defer {
            if let entries = opendir(directory) {
                while let entry = readdir(entries) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    if name != "." && name != ".." { unlink(directory + "/" + name) }
                }
                closedir(entries)
            }
            rmdir(directory)
        }
        try body(directory)
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    static func contents(_ path: String) -> String? {
        (try? DocumentBytes.read(path: path)).map { String(decoding: $0.buffer, as: UTF8.self) }
    }

    @Test func aLinkToAFileKeepsTheLinkAndReplacesTheFile() throws {
        try Self.inDirectory { directory in
            #expect(symlink("target.json", directory + "/link.json") == 0)
            try AtomicFile.write(Array("old".utf8), to: directory + "/target.json")
            try AtomicFile.write(Array("new".utf8), to: directory + "/link.json")
            #expect(Self.isLink(directory + "/link.json"))
            #expect(Self.contents(directory + "/target.json") == "new")
        }
    }

    @Test func aDanglingLinkIsWrittenThroughToTheFileItNames() throws {
        try Self.inDirectory { directory in
            #expect(symlink("target.json", directory + "/link.json") == 0)
            try AtomicFile.write(Array("made".utf8), to: directory + "/link.json")
            #expect(Self.isLink(directory + "/link.json"))
            #expect(Self.contents(directory + "/target.json") == "made")
            // A chain of links, one relative to the directory of the link before it.
            #expect(symlink(directory + "/second", directory + "/first") == 0)
            #expect(symlink("end.json", directory + "/second") == 0)
            try AtomicFile.write(Array("chain".utf8), to: directory + "/first")
            #expect(Self.isLink(directory + "/first") && Self.isLink(directory + "/second"))
            #expect(Self.contents(directory + "/end.json") == "chain")
        }
    }

    @Test func aDanglingLinkIntoAMissingDirectoryOrALoopIsRefused() throws {
        try Self.inDirectory { directory in
            #expect(symlink(directory + "/missing/target.json", directory + "/link.json") == 0)
            #expect(throws: AtomicFile.Failure.self) {
                try AtomicFile.write(Array("x".utf8), to: directory + "/link.json")
            }
            #expect(Self.isLink(directory + "/link.json"))
            #expect(symlink("loop-b", directory + "/loop-a") == 0)
            #expect(symlink("loop-a", directory + "/loop-b") == 0)
            do {
                try AtomicFile.write(Array("x".utf8), to: directory + "/loop-a")
                Issue.record("a loop of links was written over")
            } catch let error as AtomicFile.Failure {
                #expect(error.number == ELOOP)
                #expect(error.exitStatus == 73)
            } catch {
                Issue.record("not AtomicFile's failure: \(error)")
            }
            #expect(Self.isLink(directory + "/loop-a") && Self.isLink(directory + "/loop-b"))
        }
    }
}
