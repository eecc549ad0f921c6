import Foundation
import Testing
import TestSupport
import TrustLensAnalysis
import TrustLensCore
import TrustLensImport

@testable import TrustLensPipeline

/// The analysed-line format read back gives the same line: `analyze --format jsonl` over the
/// fuzz corpus and the sample data, each line decoded and encoded again.
@Suite struct AnalysisLineRoundTripTests {
  static let root = TestSupport.repositoryRoot.path

  /// Every line `analyze --format jsonl` writes for `paths`.
  static func analysedLines(_ paths: [String], subject: SubjectRule) throws -> [String] {
    let folder = TestSupport.temporaryFolder("roundTrip-\(paths.count)-\(paths.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "")")
    let output = folder.appendingPathComponent("analysis.jsonl").path
    var selection = InputSelection(paths: paths)
    selection.subject = subject
    selection.timeZone = TimeZone(identifier: "UTC")!
    _ = try Commands.analyze(selection, format: .jsonl, output: try FileSink(path: output), diagnostic: { _ in })
    return try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  /// Each line decodes to an analysed record whose encoding is the line again.
  static func expectRoundTrip(_ lines: [String]) {
    for (index, line) in lines.enumerated() {
      switch AnalysisLineFormat.read(Array(line.utf8), location: SourceLocation(file: "analysis.jsonl", line: index + 1)) {
      case .analyzed(let record): #expect(AnalysisLineFormat.encode(record) == line)
      default: Issue.record("line \(index + 1) does not read back: \(line)")
      }
    }
  }

  @Test(arguments: ["csv", "daily-notes", "daylio", "dayone", "jrnl", "jsonl", "markdown"])
  func fuzzCorpusLinesRoundTrip(_ format: String) throws {
    let lines = try Self.analysedLines(["\(Self.root)/scripts/fuzz-corpus/\(format)"], subject: .fixed("c01"))
    #expect(!lines.isEmpty)
    Self.expectRoundTrip(lines)
  }

  /// The analyzer's fuzz seeds (texts, not journals; hostile Unicode among them), each
  /// analysed as one record.
  @Test func fuzzCorpusTextsRoundTrip() throws {
    let analyzer = try Commands.analyzerForTests()
    let folder = "\(Self.root)/scripts/fuzz-corpus/text"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(names.count > 10)
    let lines = try names.enumerated().map { index, name in
      let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
      let record = AnalyzedRecord(
        id: name, subject: "c01", date: RecordDate(day: LocalDay(dayNumber: 20_000 + index)),
        source: SourceLocation(file: name, line: 1), kind: .entry, analysis: analyzer.analyze(text), text: text)
      return AnalysisLineFormat.encode(record)
    }
    Self.expectRoundTrip(lines)
  }

  @Test func sampleDataLinesRoundTrip() throws {
    let clients = try Self.analysedLines(["\(Self.root)/data/clients"], subject: .folder)
    let personal = try Self.analysedLines(["\(Self.root)/data/personal", "\(Self.root)/data/devset"], subject: .field)
    #expect(clients.count > 50 && !personal.isEmpty)
    Self.expectRoundTrip(clients + personal)
  }

  /// People's own tags and author reach the analysed lines and come back from them.
  @Test func ownTagsAndAuthorSurviveTheLine() throws {
    let folder = TestSupport.temporaryFolder()
    let input = TestSupport.write(
      #"{"date":"2026-03-01","subject":"c01","author":"Sam","tags":["work","family"],"text":"He lied to me again."}"# + "\n",
      "j.jsonl", in: folder)
    let lines = try Self.analysedLines([input], subject: .field)
    #expect(lines.count == 1 && lines[0].contains(#""author":"Sam","tags":["work","family"]"#), "\(lines)")
    Self.expectRoundTrip(lines)
  }
}
