import Foundation
import Testing
import TestSupport
import TrustLensImport

@Suite struct InputFilesTests {
  @Test func walksFoldersInStableOrderSkippingHiddenAndOutputs() throws {
    let root = TestSupport.temporaryFolder()
    TestSupport.write("x", "b/journal.jsonl", in: root)
    TestSupport.write("x", "a/z.csv", in: root)
    TestSupport.write("x", "a/.hidden.csv", in: root)
    TestSupport.write("x", "out/report.json", in: root)
    TestSupport.write("x", "out/\(InputFiles.outputMarker)", in: root)
    TestSupport.write("x", "top.jsonl", in: root)
    var skipped: [String] = []
    let files = try InputFiles.expand(root.path, skipped: &skipped)
    #expect(files.map { $0.path.replacingOccurrences(of: root.path + "/", with: "") } == ["a/z.csv", "b/journal.jsonl", "top.jsonl"])
    #expect(files.map(\.folderSubject) == ["a", "b", nil])
    #expect(skipped.count == 1)
  }

  @Test func missingInputsAreErrors() {
    var skipped: [String] = []
    #expect(throws: ImportError.notFound(path: "/nonexistent/journal.jsonl")) {
      try InputFiles.expand("/nonexistent/journal.jsonl", skipped: &skipped)
    }
  }

  @Test func symbolicLinksAreSkippedUnlessFollowed() throws {
    let root = TestSupport.temporaryFolder()
    TestSupport.write("x", "real/j.jsonl", in: root)
    try FileManager.default.createSymbolicLink(atPath: root.path + "/link", withDestinationPath: root.path + "/real")
    var skipped: [String] = []
    #expect(try InputFiles.expand(root.path, skipped: &skipped).count == 1)
    #expect(skipped.first?.contains("symbolic link") == true)
    // Followed, the link leads to a folder already read: its files are not read twice.
    skipped = []
    TestSupport.write("x", "other/k.jsonl", in: root)
    try FileManager.default.createSymbolicLink(atPath: root.path + "/real/more", withDestinationPath: root.path + "/other")
    let files = try InputFiles.expand(root.path, followLinks: true, skipped: &skipped)
    #expect(files.map { $0.path.replacingOccurrences(of: root.path + "/", with: "") } == ["link/j.jsonl", "link/more/k.jsonl"])
    #expect(skipped.count == 2 && skipped.allSatisfy { $0.contains("already read") })
  }
}
