import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensExport
import TrustLensImport
import TrustLensPipeline

/// Walks the committed corpus of hostile inputs (`Hostile/`, outcomes in `expected.tsv`):
/// each file gives exactly the expected analysed records and rejects, never a crash or hang.
@Suite struct HostileInputTests {
  static let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/TrustLensPipelineTests/Hostile")

  struct Expectation: Sendable, CustomStringConvertible {
    let file: String
    let analyzed: Int
    let rejected: Int
    let reasons: [String]
    var description: String { file }
  }

  static let expectations: [Expectation] = {
    let text = (try? String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return Expectation(
        file: columns[0], analyzed: Int(columns[1])!, rejected: Int(columns[2])!,
        reasons: columns.count > 3 && !columns[3].isEmpty ? columns[3].split(separator: "|").map(String.init) : [])
    }
  }()

  /// Reads one input the way `analyze` does and collects what became of every record.
  static func ingest(_ path: String, followLinks: Bool = false) throws -> (analyzed: [AnalyzedRecord], rejects: [Reject], notices: [String]) {
    let sink = CollectingSink()
    let source = Ingest.Source(path: path, options: ImportOptions(timeZone: TimeZone(identifier: "UTC")!), followLinks: followLinks)
    let analyzer = try Commands.analyzerForTests()
    _ = try Ingest(sources: [source], analyzer: analyzer).run(into: sink)
    return (sink.analyzed, sink.rejects, sink.notices + sink.skipped.map(\.description))
  }

  @Test func theCorpusIsComplete() {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
    #expect(Set(files.filter { $0 != "expected.tsv" }) == Set(Self.expectations.map(\.file)))
  }

  @Test(arguments: expectations)
  func hostileFile(_ expected: Expectation) throws {
    let result = try Self.ingest(Self.folder.appendingPathComponent(expected.file).path)
    #expect(result.analyzed.count == expected.analyzed, "\(expected.file): analysed")
    #expect(result.rejects.count == expected.rejected, "\(expected.file): rejected")
    for (reject, reason) in zip(result.rejects, expected.reasons) {
      #expect(reject.reason.contains(reason), "\(expected.file): \(reject.reason)")
      #expect(reject.source.line >= 1)
    }
  }

  @Test func aFiftyMegabyteLineIsRejectedAndTheNextLineKept() throws {
    let folder = TestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("huge.jsonl").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.write(Data(#"{"date":"2026-03-01","text":""#.utf8))
    let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<50 { handle.write(chunk) }
    handle.write(Data("\"}\n{\"date\":\"2026-03-02\",\"text\":\"after\"}\n".utf8))
    try handle.close()
    let result = try Self.ingest(path)
    #expect(result.rejects.map(\.reason) == ["record longer than 1 MiB"])
    #expect(result.analyzed.count == 1)
  }

  @Test func tenThousandColumns() throws {
    let folder = TestSupport.temporaryFolder()
    let names = ["date", "text"] + (0..<9_998).map { "c\($0)" }
    let values = ["2026-03-01", "He lied again"] + (0..<9_998).map { String($0) }
    let path = TestSupport.write(names.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n", "wide.csv", in: folder)
    let result = try Self.ingest(path)
    #expect(result.analyzed.count == 1 && result.rejects.isEmpty)
  }

  @Test func symbolicLinkLoopsEndAndAreReported() throws {
    let folder = TestSupport.temporaryFolder()
    TestSupport.write(#"{"date":"2026-03-01","text":"once"}"# + "\n", "a/j.jsonl", in: folder)
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/a/loop", withDestinationPath: folder.path + "/a")
    let result = try Self.ingest(folder.path, followLinks: true)
    #expect(result.analyzed.count == 1)
    #expect(result.notices.contains { $0.contains("symbolic link loop") })
  }

  @Test func aFileThatDisappearsIsAClearError() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write(#"{"date":"2026-03-01","text":"x"}"# + "\n", "gone.jsonl", in: folder)
    var skipped: [String] = []
    let files = try InputFiles.expand(folder.path, skipped: &skipped)
    try FileManager.default.removeItem(atPath: path)
    #expect(throws: ImportError.cannotOpen(path: path, reason: "no such file or directory")) {
      try Importer(options: ImportOptions()).read(files[0]) { _ in }
    }
  }

  @Test func rightToLeftOverridesNeverReachTheTerminal() throws {
    let result = try CommandRunner.run(["dashboard", Self.folder.appendingPathComponent("rtl-zero-width.jsonl").path, "--subject", "x\u{202E}y"])
    #expect(result.status == 0)
    #expect(!result.stdout.unicodeScalars.contains { TerminalText.isBidiControl($0) || ($0.value < 0x20 && $0 != "\n") })
  }

  @Test func escapeSequencesInSubjectsAndTextNeverReachTheTerminal() throws {
    let path = Self.folder.appendingPathComponent("escape-sequences.jsonl").path
    for arguments in [["dashboard", path], ["trends", path, "--format", "table"], ["analyze", path, "--format", "table"]] {
      let result = try CommandRunner.run(arguments)
      #expect(result.status == 0)
      #expect(!result.stdout.contains("\u{1B}"), "\(arguments[0])")
    }
  }
}
