import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensExport
import TrustLensImport
import TrustLensPipeline

/// Walks the committed corpus of hostile inputs (`Hostile/`, outcomes in `expected.tsv`):
/// each file gives exactly the expected analysed records and rejects, never a crash or hang.
@Suite(.serialized) struct HostileInputTests {
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

  // MARK: - One rule, however the input arrives

  /// The analyzer, loaded once for the equivalence tests.
  static let analyzer = try? Commands.analyzerForTests()

  /// Every fixture of the hostile corpus, of the real-shaped exports and of the sample data.
  static let everyFixture: [String] = {
    let root = TestSupport.repositoryRoot.path
    var paths: [String] = []
    for folder in ["Tests/TrustLensPipelineTests/Hostile", "Tests/TrustLensImportTests/Exports", "data"] {
      let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
      while let name = enumerator?.nextObject() as? String {
        let path = root + "/" + folder + "/" + name
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
          !name.hasSuffix(".md") || folder != "data", !name.hasSuffix("expected.tsv"),
          // Labels for the analyzer's fitting (tables of ids and tags), not journal input.
          folder != "data" || !name.hasPrefix("labelled/")
        else { continue }
        paths.append(path)
      }
    }
    return paths.sorted()
  }()

  /// What became of every record of one input, with the input's own path written `F`.
  struct Outcome: Equatable, CustomStringConvertible {
    var records: [String] = []
    var notices: [String] = []
    var counts = RunCounts()
    var description: String { (records + notices).joined(separator: "\n") }
  }

  /// Reads `path` (a file, folder, glob or `-`) the way `analyze` does, with a fixed
  /// subject, and writes `file` as `F` wherever it appears.
  static func outcome(_ path: String, file: String) throws -> Outcome {
    var outcome = Outcome()
    func normal(_ text: String) -> String {
      for prefix in [file, "-"] where text.hasPrefix(prefix + ":") { return "F" + text.dropFirst(prefix.count) }
      return text
    }
    var options = ImportOptions(subject: .fixed("x"), timeZone: TimeZone(identifier: "UTC")!)
    options.reading.datePattern = nil
    let analyzer = try #require(analyzer)
    let sink = CollectingSink()
    outcome.counts = try Ingest(sources: [Ingest.Source(path: path, options: options)], analyzer: analyzer).run(into: sink).total
    for event in sink.events {
      switch event.first {
      case "a":
        let record = sink.analyzed.removeFirst()
        outcome.records.append("analysed \(record.kind) \(record.source.line) \(record.date) \(record.analysis.words) \(record.analysis.valence)")
      case "c":
        let checkIn = sink.checkIns.removeFirst()
        outcome.records.append("check-in \(checkIn.source.line) \(checkIn.date) \(checkIn.held) \(checkIn.ratings.sorted { $0.key < $1.key })")
      case "r":
        let reject = sink.rejects.removeFirst()
        outcome.records.append("reject \(reject.source.line) \(reject.reason)")
      default:
        let duplicate = sink.duplicates.removeFirst()
        outcome.records.append("duplicate \(duplicate.source.line) \(duplicate.reason)")
      }
    }
    // Skipped files and notices both reach standard error; the rule holds them alike.
    outcome.notices = sink.skipped.map { normal($0.description) } + sink.notices.map(normal)
    return outcome
  }

  /// Reads standard input through a pipe written `chunk` bytes at a time (standard input of
  /// this process is swapped for the pipe meanwhile, so the suite runs one test at a time).
  static func outcomeThroughStandardInput(_ bytes: [UInt8], chunk: Int, file: String) throws -> Outcome {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    signal(SIGPIPE, SIG_IGN)
    let (readEnd, writeEnd) = (fds[0], fds[1])
    let writer = Thread {
      CommandRunner.writeInChunks(bytes, to: writeEnd, chunk: chunk)
      close(writeEnd)
    }
    let saved = dup(0)
    dup2(readEnd, 0)
    close(readEnd)
    defer {
      dup2(saved, 0)
      close(saved)
    }
    writer.start()
    return try outcome("-", file: file)
  }

  /// Every fixture read by file, by folder, by glob and through standard input (whole, and
  /// in writes of 1, 4095 and 65536 bytes) gives the same records, lines, notices and counts.
  @Test(.serialized, arguments: everyFixture)
  func theSameRecordsHoweverTheInputArrives(_ path: String) throws {
    let byFile = try Self.outcome(path, file: path)
    let folder = TestSupport.temporaryFolder()
    let name = (path as NSString).lastPathComponent
    let copy = folder.appendingPathComponent(name).path
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    #expect(try Self.outcome(folder.path, file: copy) == byFile, "\(name) by folder")
    #expect(try Self.outcome(folder.path + "/*", file: copy) == byFile, "\(name) by glob")
    // A daily note's date is its file's name, which standard input does not have.
    if name.range(of: #"^\d{4}[-_.]?\d{2}[-_.]?\d{2}( [^/]*)?\.md$"#, options: .regularExpression) != nil { return }
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    for chunk in [Int.max, 1, 4095, 65536] {
      let piped = try Self.outcomeThroughStandardInput(bytes, chunk: chunk, file: path)
      #expect(piped == byFile, "\(name) through standard input in writes of \(chunk) bytes")
    }
  }

  /// Before: the first 4 KB block of standard input was lost (a 200-line file gave 181
  /// lines, the first reported as `-:1: not valid JSON`). Through the real command line,
  /// written a byte at a time.
  @Test func analyzeReadsAllOfStandardInputWrittenAByteAtATime() throws {
    let path = TestSupport.repositoryRoot.appendingPathComponent("data/devset/devset.jsonl").path
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let result = try CommandRunner.run(["analyze", "-", "--subject", "x", "--format", "jsonl"], stdinBytes: bytes, chunk: 1)
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout.split(separator: "\n")
    #expect(out.count == lines)
    #expect(out.first?.contains("\"source\":\"-:1\"") == true)
  }

  /// Before: `trends c01 c02 --subject folder` gave one subject, `default`, mixing two
  /// people's check-ins into a false "rushing".
  @Test func foldersNamedDirectlyAreTheirOwnSubjects() throws {
    let result = try CommandRunner.run(["trends", "data/clients/c01", "data/clients/c02", "--subject", "folder", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let subjects = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(subjects.compactMap { $0["subject"] as? String } == ["c01", "c02"])
  }

  /// Before: a reused analysed line of a check-in's note counted as nothing, so the run's
  /// records did not add up (the fuzzer's reconciliation invariant found it).
  @Test func reusedCheckInNotesReconcile() throws {
    let line = #"{"id":"n1","subject":"s","date":"2026-01-05","source":"in.jsonl:1","kind":"checkin","words":2,"valence":0,"emotions":{},"themes":{},"evidence":[]}"#
    let entry = line.replacingOccurrences(of: #""kind":"checkin""#, with: #""kind":"entry""#).replacingOccurrences(of: "n1", with: "e1")
    let path = TestSupport.temporaryFolder().appendingPathComponent("analysed.jsonl").path
    try (line + "\n" + entry + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let source = Ingest.Source(path: path, options: ImportOptions(timeZone: TimeZone(identifier: "UTC")!))
    let counts = try Ingest(sources: [source], analyzer: try #require(Self.analyzer)).run(into: CollectingSink()).total
    #expect(counts.reused == 2)
    #expect((counts.entries, counts.checkIns) == (1, 1))
    #expect(counts.records == 2, "every line read is counted once")
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
