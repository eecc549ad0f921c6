import Foundation
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
