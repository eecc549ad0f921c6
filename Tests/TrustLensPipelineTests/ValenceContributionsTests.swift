import Foundation
import Testing
import TestSupport
import TrustLensAnalysis
import TrustLensCore

@testable import TrustLensPipeline

/// `analyze --format jsonl --contributions`: the words that moved the valence, as `explain`
/// shows them, and nothing else changed.
@Suite struct ValenceContributionsTests {
  static let text = "He lied to me again. I am not happy!"

  @Test func linesListTheTermsExplainShows() throws {
    let folder = TestSupport.temporaryFolder()
    TestSupport.write(#"{"date":"2026-03-01","text":"\#(Self.text)"}"# + "\n", "j.jsonl", in: folder)
    let plain = try CommandRunner.run(["analyze", "j.jsonl", "--subject", "c01"], directory: folder)
    let with = try CommandRunner.run(["analyze", "j.jsonl", "--subject", "c01", "--contributions"], directory: folder)
    #expect(plain.status == 0 && with.status == 0, "\(with.stderr)")
    #expect(!plain.stdout.contains("contributions"))
    // The flag only adds the last field.
    let line = with.stdout.trimmingCharacters(in: .newlines)
    #expect(line.hasPrefix(String(plain.stdout.trimmingCharacters(in: .newlines).dropLast()) + #","contributions":["#))
    #expect(line.contains(#"{"match":"lied to me","sentence":1,"start":3,"end":13,"base":-"#), "\(line)")
    #expect(line.contains(#""match":"happy","sentence":2,"start":30,"end":35,"base":"#) && line.contains(#""rules":["negation"]}"#))
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    let values = (object?["contributions"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? Double }
    let terms = try Commands.analyzerForTests().explain(Self.text).valenceTerms.map(\.value)
    // Foundation's JSON reader may miss the last bit of a 17-digit number.
    #expect(values.count == terms.count && zip(values, terms).allSatisfy { abs($0 - $1) < 1e-12 }, "\(values) \(terms)")
    #expect(terms.count == 2 && terms[0] < 0 && terms[1] < 0)
  }

  /// A record read back from analysed lines has no text: no field, not an empty list.
  @Test func recordsWithoutTheirTextGetNoField() throws {
    let record = AnalyzedRecord(
      id: "r", subject: "c01", date: RecordDate(day: LocalDay(iso: "2026-03-01")!), source: SourceLocation(file: "a", line: 1),
      kind: .entry, analysis: TextAnalysis(words: 3, valence: -0.5, emotions: [:], themes: [:], evidence: []))
    #expect(ValenceContributions.of(record, by: try Commands.analyzerForTests()) == nil)
  }

  @Test func otherFormatsRefuseTheFlag() throws {
    let result = try CommandRunner.run(["analyze", "data/personal", "--format", "csv", "--contributions"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("Error: --contributions needs --format jsonl\n"), "\(result.stderr)")
  }
}
