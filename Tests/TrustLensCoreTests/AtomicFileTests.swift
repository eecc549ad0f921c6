import Foundation
#if canImport(Glibc)
  import Glibc
#endif
import Testing
import TestSupport
import TrustLensCore

@Suite struct AtomicFileTests {
  @Test func writesPrivateFilesAndFolders() throws {
    let folder = TestSupport.temporaryFolder()
    let nested = folder.appendingPathComponent("a/b").path
    try AtomicFile.makeFolder(nested)
    try AtomicFile.write("hello", to: nested + "/x.txt")
    let file = try FileManager.default.attributesOfItem(atPath: nested + "/x.txt")
    let dir = try FileManager.default.attributesOfItem(atPath: nested)
    #expect((file[.posixPermissions] as? Int) == 0o600)
    #expect((dir[.posixPermissions] as? Int) == 0o700)
    #expect(try String(contentsOfFile: nested + "/x.txt", encoding: .utf8) == "hello")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: nested).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  @Test func aFailedWriteLeavesThePreviousFileIntact() throws {
    let folder = TestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("out.txt").path
    try AtomicFile.write("old", to: path)
    #expect(throws: AtomicFile.WriteError.self) {
      try AtomicFile.write("new", to: folder.appendingPathComponent("missing/out.txt").path)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
  }

  /// A stream whose writer fails part-way leaves the previous file and no temporary; one
  /// that completes replaces it.
  @Test func aStreamThatFailsPartWayLeavesThePreviousFileAndNoTemporary() throws {
    struct Interrupted: Error {}
    let folder = TestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("report.json").path
    try AtomicFile.write("old", to: path)
    #expect(throws: Interrupted.self) {
      try AtomicFile.stream(to: path) { sink in
        try sink.write("half of the new")
        throw Interrupted()
      }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    try AtomicFile.stream(to: path) { sink in
      try sink.write("new, ")
      try sink.write("in two parts")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new, in two parts")
  }
}

/// No planted file is obeyed: temporary names cannot be guessed, nothing already at one is
/// opened, a temporary swapped for a link is not moved, and clean-up takes only this tool's
/// names of ended processes.
@Suite struct AtomicFileTemporaryTests {
  @Test func temporaryNamesCarryThePidAndSixteenRandomHexDigits() {
    let first = AtomicFile.temporaryPath(for: "/out/report.html"), second = AtomicFile.temporaryPath(for: "/out/report.html")
    #expect(first != second)
    let name = String(first.split(separator: "/").last!)
    #expect(name.hasPrefix(".report.html.tmp-\(getpid())-"))
    #expect(name.count == ".report.html.tmp-\(getpid())-".count + 16)
    #expect(AtomicFile.temporaryOwner(name) == getpid())
  }

  @Test(arguments: [
    (".report.html.tmp-4242-0123456789abcdef", 4242 as Int32?), (".a.tmp-1-ffffffffffffffff", 1),
    (".x.tmp-1", nil), (".chapter1.docx.tmp-4242", nil), ("report.html.tmp-4242-0123456789abcdef", nil),
    (".report.html.tmp-4242-0123456789ABCDEF", nil), (".report.html.tmp--0123456789abcdef", nil),
    (".report.html.tmp-42x-0123456789abcdef", nil), (".tmp-4242-0123456789abcdef", nil),
    (".report.html.tmp-4242-0123456789abcde", nil),
  ])
  func onlyExactTemporaryNamesHaveAnOwner(_ name: String, _ owner: Int32?) {
    #expect(AtomicFile.temporaryOwner(name) == owner)
  }

  /// A link planted at a temporary's name is refused (O_EXCL | O_NOFOLLOW): its target is
  /// neither written nor made 0600.
  @Test func aLinkAtATemporaryNameIsNeverOpened() throws {
    let folder = TestSupport.temporaryFolder()
    let victim = TestSupport.write("IMPORTANT\n", "victim", in: folder)
    chmod(victim, 0o644)
    let temporary = AtomicFile.temporaryPath(for: folder.path + "/report.html")
    #expect(symlink(victim, temporary) == 0)
    #expect(throws: AtomicFile.WriteError.self) { _ = try FileSink(path: temporary) }
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "IMPORTANT\n")
    #expect(try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? Int == 0o644)
  }

  /// A temporary replaced by a link before its commit: nothing is moved or chmod-ed.
  @Test func aTemporarySwappedForALinkIsNotCommitted() throws {
    let folder = TestSupport.temporaryFolder()
    let victim = TestSupport.write("IMPORTANT\n", "victim", in: folder)
    chmod(victim, 0o644)
    let temporary = AtomicFile.temporaryPath(for: folder.path + "/report.xlsx")
    #expect(symlink(victim, temporary) == 0)
    #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.commit(temporary, to: folder.path + "/report.xlsx") }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/report.xlsx"))
    #expect(try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? Int == 0o644)
  }

  @Test func filesArePrivateWhateverTheUmask() throws {
    let folder = TestSupport.temporaryFolder()
    let old = umask(0)
    defer { umask(old) }
    try AtomicFile.write("x", to: folder.path + "/a.txt")
    #expect(try FileManager.default.attributesOfItem(atPath: folder.path + "/a.txt")[.posixPermissions] as? Int == 0o600)
  }

  /// Clean-up removes this tool's temporaries of ended processes, in the folder itself; a
  /// live process's, other programs' `.x.tmp-1` files and anything below stay.
  @Test func staleTemporariesOfEndedProcessesAloneAreRemoved() throws {
    let folder = TestSupport.temporaryFolder()
    let ended = try AtomicFileTemporaryTests.endedProcess()
    let stale = ".report.html.tmp-\(ended)-0123456789abcdef", live = ".report.html.tmp-\(getpid())-0123456789abcdef"
    for name in [stale, live, ".x.tmp-1", ".chapter1.docx.tmp-\(ended)", "sub/.report.html.tmp-\(ended)-0123456789abcdef"] {
      TestSupport.write("x", name, in: folder)
    }
    AtomicFile.removeStaleTemporaries(in: folder.path)
    let left = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
    #expect(left == [live, ".chapter1.docx.tmp-\(ended)", ".x.tmp-1", "sub", "sub/.report.html.tmp-\(ended)-0123456789abcdef"].sorted())
    AtomicFile.removeStaleTemporaries(in: folder.path, includingOwn: true)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/" + live))
  }

  /// The id of a process that has ended (started and waited for).
  static func endedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }
}

/// `--out FILE`: atomic, 0600, and never through a link.
@Suite struct FileSinkReplacingTests {
  @Test func replacesAFileAtomicallyWithModeSixHundred() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("old\n", "out.jsonl", in: folder)
    chmod(path, 0o644)
    let sink = try FileSink.replacing(path)
    try sink.write("new\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")  // not before close
    try sink.close()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.jsonl"])
  }

  @Test func aSinkDroppedBeforeItClosesLeavesTheOldFile() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("old\n", "out.csv", in: folder)
    do {
      let sink = try FileSink.replacing(path)
      try sink.write("half")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
  }

  @Test func aLinkToAFileIsRefused() throws {
    let folder = TestSupport.temporaryFolder()
    let victim = TestSupport.write("IMPORTANT\n", "victim", in: folder)
    #expect(symlink(victim, folder.path + "/out.jsonl") == 0)
    #expect(throws: AtomicFile.WriteError.self) { _ = try FileSink.replacing(folder.path + "/out.jsonl") }
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "IMPORTANT\n")
  }

  @Test func aMissingFolderIsNamedAsAsked() {
    let path = TestSupport.temporaryFolder().path + "/missing/out.jsonl"
    #expect {
      _ = try FileSink.replacing(path)
    } throws: { error in
      error.localizedDescription == "\(path): cannot write: No such file or directory"
    }
  }

  /// `--out /dev/fd/N` (and `/dev/stdout`) write to the descriptor given, like a shell
  /// redirection: the file it is open on is written, not replaced, and keeps its mode.
  @Test func anInheritedDescriptorIsWrittenAsGiven() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("", "redirected.jsonl", in: folder)
    chmod(path, 0o644)
    let fd = open(path, O_WRONLY | O_APPEND)
    #expect(fd >= 0)
    defer { close(fd) }
    let sink = try FileSink.replacing("/dev/fd/\(fd)")
    try sink.write("through the descriptor\n")
    try sink.close()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "through the descriptor\n")
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o644)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["redirected.jsonl"])
  }

  @Test func devicesAreWrittenDirectly() throws {
    let sink = try FileSink.replacing("/dev/null")
    try sink.write("gone")
    try sink.close()
    var status = stat()
    #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
  }
}
