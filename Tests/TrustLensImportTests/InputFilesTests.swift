import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensImport

@Suite struct InputFilesTests {
  /// Paths below `root`, for comparing.
  private func relative(_ paths: [String], _ root: URL) -> [String] {
    paths.map { $0.replacingOccurrences(of: root.path + "/", with: "") }
  }

  @Test func walksFoldersInStableOrderAndListsEverySkippedFile() throws {
    let root = TestSupport.temporaryFolder()
    TestSupport.write("x", "b/journal.jsonl", in: root)
    TestSupport.write("x", "a/z.csv", in: root)
    TestSupport.write("x", "a/.hidden.csv", in: root)
    TestSupport.write("x", ".private/j.jsonl", in: root)
    TestSupport.write("x", "out/report.json", in: root)
    TestSupport.write("x", "out/\(InputFiles.outputMarker)", in: root)
    TestSupport.write("", "a/empty.jsonl", in: root)
    TestSupport.write("x", "a/notes.docx", in: root)
    TestSupport.write("x", "a/scan.pdf", in: root)
    TestSupport.write("x", "a/photo.JPG", in: root)
    TestSupport.write("x", "top.jsonl", in: root)
    let expansion = try InputFiles.expand(root.path)
    #expect(relative(expansion.files.map(\.path), root) == ["a/z.csv", "b/journal.jsonl", "top.jsonl"])
    let skipped = Dictionary(uniqueKeysWithValues: expansion.skipped.map { (relative([$0.path], root)[0], $0.reason) })
    let unsupported = { (what: String) in SkipReason.unsupportedType("unsupported type: " + what).text }
    #expect(
      skipped == [
        ".private": SkipReason.hidden.text, "a/.hidden.csv": SkipReason.hidden.text, "a/empty.jsonl": SkipReason.empty.text,
        "a/notes.docx": unsupported("a word-processor document (.docx): export it as plain text or Markdown"),
        "a/scan.pdf": unsupported("a PDF (.pdf): export the text as plain text or Markdown"),
        "a/photo.JPG": unsupported("an image (.jpg)"), "out": SkipReason.outputFolder.text,
      ])
    let docx = try #require(expansion.skipped.first { $0.path.hasSuffix("notes.docx") })
    #expect(docx.description.hasSuffix("notes.docx: unsupported type: a word-processor document (.docx): export it as plain text or Markdown, skipped"))
  }

  /// The client folder: the first folder below the root, else the root folder itself; the
  /// root of a glob is where its pattern starts, of a file the folder holding it.
  @Test func theClientFolderOfFoldersGlobsAndFilesNamedDirectly() throws {
    let root = TestSupport.temporaryFolder()
    TestSupport.write("x", "clients/alice/journal.jsonl", in: root)
    TestSupport.write("x", "clients/alice/2026/checkins.csv", in: root)
    TestSupport.write("x", "clients/bob/journal.jsonl", in: root)
    let clients = root.path + "/clients"
    func subjects(_ path: String) throws -> [String?] { try InputFiles.expand(path).files.map(\.folderSubject) }
    #expect(try subjects(clients) == ["alice", "alice", "bob"])
    // Named directly, a client folder's own subfolders are the first folders below the
    // input (the contract's rule): name the caseload folder or a glob for such layouts.
    #expect(try subjects(clients + "/alice") == ["2026", "alice"])
    #expect(try subjects(clients + "/bob") == ["bob"])
    #expect(try subjects(clients + "/*/journal.jsonl") == ["alice", "bob"])
    #expect(try subjects(clients + "/*") == ["alice", "alice", "bob"])
    #expect(try subjects(clients + "/alice/*.jsonl") == ["alice"])
    #expect(try subjects(clients + "/bob/journal.jsonl") == ["bob"])
    #expect(try InputFiles.expand("-").files == [InputFile.standardInput])
  }

  @Test func missingInputsAreErrors() {
    #expect(throws: ImportError.notFound(path: "/nonexistent/journal.jsonl")) {
      try InputFiles.expand("/nonexistent/journal.jsonl")
    }
    #expect(throws: ImportError.notFound(path: "/nonexistent/*.jsonl")) { try InputFiles.expand("/nonexistent/*.jsonl") }
  }

  @Test func symbolicLinksAreSkippedUnlessFollowedAndStayInsideTheInput() throws {
    let root = TestSupport.temporaryFolder()
    TestSupport.write("x", "in/real/j.jsonl", in: root)
    TestSupport.write("x", "elsewhere/k.jsonl", in: root)
    try FileManager.default.createSymbolicLink(atPath: root.path + "/in/link", withDestinationPath: root.path + "/in/real")
    try FileManager.default.createSymbolicLink(atPath: root.path + "/in/out", withDestinationPath: root.path + "/elsewhere")
    let input = root.appendingPathComponent("in")
    let skipping = try InputFiles.expand(input.path)
    #expect(relative(skipping.files.map(\.path), input) == ["real/j.jsonl"])
    #expect(skipping.skipped.map(\.reason) == [SkipReason.symbolicLink.text, SkipReason.symbolicLink.text])
    // Followed: the link inside leads to a folder read once; the one outside is refused.
    let inside = try InputFiles.expand(input.path, links: .followInside)
    #expect(relative(inside.files.map(\.path), input) == ["link/j.jsonl"])
    #expect(inside.skipped.map(\.reason) == [SkipReason.linkOutsideInput.text, SkipReason.alreadyRead.text])
    let anywhere = try InputFiles.expand(input.path, links: .followAnywhere)
    #expect(relative(anywhere.files.map(\.path), input) == ["link/j.jsonl", "out/k.jsonl"])
  }

  /// FIFOs, sockets and devices are listed, never opened (opening a FIFO would wait for a
  /// writer forever).
  @Test func filesThatAreNotRegularAreSkippedWithoutOpeningThem() throws {
    let root = TestSupport.temporaryFolder()
    TestSupport.write("x", "j.jsonl", in: root)
    #expect(mkfifo(root.path + "/pipe.jsonl", 0o600) == 0)
    try FileManager.default.createSymbolicLink(atPath: root.path + "/zero.jsonl", withDestinationPath: "/dev/zero")
    let socketPath = root.path + "/socket.jsonl"
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    #expect(bound == 0)
    let expansion = try InputFiles.expand(root.path, links: .followAnywhere)
    #expect(expansion.files.map { fileName($0.path) } == ["j.jsonl"])
    #expect(
      expansion.skipped.map(\.reason) == [
        SkipReason.notRegularFile(kind: "a FIFO").text, SkipReason.notRegularFile(kind: "a socket").text,
        SkipReason.notRegularFile(kind: "a device").text,
      ])
    // Named directly, too.
    #expect(try InputFiles.expand(root.path + "/pipe.jsonl").skipped.map(\.reason) == [SkipReason.notRegularFile(kind: "a FIFO").text])
  }

  @Test func theEarlierFormStillWorks() throws {
    let root = TestSupport.temporaryFolder()
    TestSupport.write("x", "a/j.jsonl", in: root)
    TestSupport.write("x", "a/.hidden.jsonl", in: root)
    var skipped: [String] = []
    let files = try InputFiles.expand(root.path, followLinks: false, skipped: &skipped)
    #expect(files.count == 1)
    #expect(skipped == [root.path + "/a/.hidden.jsonl: hidden (its name starts with a dot), skipped"])
  }

  private func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }
}
