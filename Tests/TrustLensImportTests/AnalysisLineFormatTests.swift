import Foundation
import Testing
import TrustLensCore

@testable import TrustLensImport

/// The analysed-line format: the contract's shape, and what reading it back keeps.
struct AnalysisLineFormatTests {
  static let record = AnalyzedRecord(
    id: "r1", subject: "c01", date: RecordDate(day: LocalDay(iso: "2026-03-01")!, secondsOfDay: 76_440, utcOffsetSeconds: -18_000),
    source: SourceLocation(file: "j.jsonl", line: 1), kind: .entry,
    analysis: TextAnalysis(
      words: 5, valence: -0.5, emotions: ["betrayal": 0.9], themes: ["deception": 0.7],
      evidence: [
        Evidence(tag: "betrayal", match: "=HYPERLINK(\"http://x\")", sentence: 1, start: 0, end: 5, weight: 0.9, rules: ["negated"])
      ]),
    author: "Sam", userTags: ["work", "family"])

  @Test func linesHaveTheContractShape() throws {
    var plain = Self.record
    plain.author = nil
    plain.userTags = []
    let line = AnalysisLineFormat.encode(plain)
    #expect(line.hasPrefix(#"{"id":"r1","subject":"c01","date":"2026-03-01T21:14:00-05:00","source":"j.jsonl:1","kind":"entry","words":5,"valence":-0.5,"emotions":{"betrayal":0.9},"themes":{"deception":0.7},"evidence":[{"tag":"betrayal""#))
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    #expect(object?["kind"] as? String == "entry")
    #expect(object?.keys.contains("author") == false && object?.keys.contains("tags") == false)
  }

  @Test func authorAndOwnTagsAreWrittenAndReadBack() throws {
    let line = AnalysisLineFormat.encode(Self.record)
    #expect(line.contains(#""author":"Sam","tags":["work","family"],"words":5"#))
    guard case .analyzed(let read) = AnalysisLineFormat.read(Array(line.utf8), location: SourceLocation(file: "a.jsonl", line: 7))
    else {
      Issue.record("not read back: \(line)")
      return
    }
    #expect(read.author == "Sam" && read.userTags == ["work", "family"])
    #expect(read.analysis == Self.record.analysis)
    #expect(read.source == Self.record.source)
    #expect(AnalysisLineFormat.encode(read) == line)
  }

  @Test func theScanKnowsItsOwnLines() {
    #expect(AnalysisLineFormat.looksAnalyzed(Array(AnalysisLineFormat.encode(Self.record).utf8)))
    #expect(!AnalysisLineFormat.looksAnalyzed(Array(#"{"id":"1","text":"valence kind emotions"}"#.utf8)))
  }

  @Test func outOfRangeValuesAreRejectedWithTheirLine() {
    let line = AnalysisLineFormat.encode(Self.record).replacingOccurrences(of: #""valence":-0.5"#, with: #""valence":-3"#)
    guard case .reject(let reject) = AnalysisLineFormat.read(Array(line.utf8), location: SourceLocation(file: "a.jsonl", line: 7))
    else {
      Issue.record("accepted a valence of -3")
      return
    }
    #expect(reject.source.description == "a.jsonl:7" && reject.reason.contains("valence -3"))
  }

  /// A source without a line of its own (`:0`, a negative or missing line) is the analysed
  /// line's own location, never a record "on line 0" (found by fuzzing the jsonl reader).
  @Test(arguments: ["j.jsonl:0", "j.jsonl:-4", "j.jsonl", "j.jsonl:x"])
  func aSourceWithoutALineIsTheLinesOwn(_ source: String) {
    let line = AnalysisLineFormat.encode(Self.record).replacingOccurrences(of: #""source":"j.jsonl:1""#, with: #""source":"\#(source)""#)
    guard case .analyzed(let read) = AnalysisLineFormat.read(Array(line.utf8), location: SourceLocation(file: "a.jsonl", line: 7))
    else {
      Issue.record("not read: \(line)")
      return
    }
    #expect(read.source == SourceLocation(file: "a.jsonl", line: 7))
  }
}
