import Foundation
import TestSupport
import TrustLensCore
import TrustLensExport
import TrustLensTrends

/// A small report and its entries, with hostile text in the places input reaches.
enum ExportFixtures {
  static let day = LocalDay(iso: "2026-03-01")!

  static var records: [AnalyzedRecord] {
    [
      AnalyzedRecord(
        id: "r1", subject: "c01", date: RecordDate(day: day, secondsOfDay: 76_440, utcOffsetSeconds: -18_000),
        source: SourceLocation(file: "j.jsonl", line: 1), kind: .entry,
        analysis: TextAnalysis(
          words: 5, valence: -0.5, emotions: ["betrayal": 0.9], themes: ["deception": 0.7],
          evidence: [Evidence(tag: "betrayal", match: "=HYPERLINK(\"http://x\")", sentence: 1, start: 0, end: 5, weight: 0.9)])),
      AnalyzedRecord(
        id: "@r2", subject: "c01", date: RecordDate(day: day.adding(days: 1)),
        source: SourceLocation(file: "j.jsonl", line: 2), kind: .checkinNote,
        analysis: TextAnalysis(words: 3, valence: 0.2, emotions: [:], themes: [:], evidence: [])),
    ]
  }

  static var report: Report {
    var timeline = Timeline(subject: "c01")
    records.forEach { timeline.add($0) }
    let assessment = Assessor().assess(timeline)
    return Report(
      pipeline: "test", asOf: day.adding(days: 1), counts: { var c = RunCounts(); c.entries = 1; c.checkIns = 1; c.rejected = 1; return c }(),
      subjects: [SubjectReport(assessment: assessment, weekly: timeline.rollup(.week), displayName: "c01\u{1B}[31m")],
      categories: [("betrayal", .emotion), ("deception", .theme)], lexicons: ["builtin"],
      rejects: [Reject(source: SourceLocation(file: "j.jsonl", line: 3), reason: "empty text")])
  }

  /// Two subjects over five weeks: check-ins (one skipped) with trust and mood, entries with
  /// emotions, and a week without any record.
  static var course: (report: Report, records: InMemoryRecords) {
    let monday = LocalDay(iso: "2026-03-02")!
    var entries: [AnalyzedRecord] = []
    var checkIns: [CheckIn] = []
    for (week, trust) in [(0, 3.0), (1, 4.0), (3, 6.0), (4, 7.0)] {
      let day = monday.adding(days: 7 * week)
      checkIns.append(
        CheckIn(
          id: "k\(week)", subject: "c01", date: RecordDate(day: day), source: SourceLocation(file: "k.csv", line: week + 2),
          held: week != 1, ratings: week != 1 ? ["trust": trust, "mood": trust - 1] : [:]))
      entries.append(
        AnalyzedRecord(
          id: "e\(week)", subject: "c01", date: RecordDate(day: day.adding(days: 1)), source: SourceLocation(file: "j.jsonl", line: week + 1),
          kind: .entry, analysis: TextAnalysis(words: 4, valence: -0.5 + 0.2 * Double(week), emotions: ["betrayal": 0.8, "hope": 0.4], themes: ["progress": 0.5], evidence: [])))
    }
    var timeline = Timeline(subject: "c01")
    entries.forEach { timeline.add($0) }
    checkIns.forEach { timeline.add($0) }
    let subject = SubjectReport(assessment: Assessor().assess(timeline), weekly: timeline.rollup(.week))
    var other = subject
    other.displayName = "c02"
    let report = Report(
      pipeline: "test", asOf: monday.adding(days: 35), counts: RunCounts(), subjects: [subject, other],
      categories: [("betrayal", .emotion), ("hope", .emotion), ("progress", .theme)], lexicons: ["builtin"], rejects: [])
    return (report, InMemoryRecords(entries: entries, checkIns: checkIns))
  }

  static func zipPart(_ path: String, _ part: String) throws -> String { try TestSupport.zipPart(path, part) }
}
