package import TrustLensCore

/// Records for tests, with every field a test does not care about filled in the same plain
/// way: a subject `s`, a day counted from ``start`` (a Monday), a source line equal to the day.
/// Name only what the test is about.
package struct RecordFactory {
  /// Day 0.
  package var start: LocalDay
  package var subject: String

  package init(start: LocalDay = LocalDay(iso: "2026-01-05")!, subject: String = "s") {
    self.start = start
    self.subject = subject
  }

  /// An analysed journal entry (or, with `kind: .checkinNote`, a check-in's note) on `day`.
  package func entry(
    day: Int, id: String? = nil, emotions: [String: Double] = [:], themes: [String: Double] = [:],
    valence: Double = 0, words: Int = 50, kind: AnalyzedKind = .entry, file: String = "j.jsonl", line: Int? = nil,
    text: String = ""
  ) -> AnalyzedRecord {
    AnalyzedRecord(
      id: id ?? "e\(day)", subject: subject, date: RecordDate(day: start.adding(days: day)),
      source: SourceLocation(file: file, line: line ?? day + 1), kind: kind,
      analysis: TextAnalysis(words: words, valence: valence, emotions: emotions, themes: themes, evidence: []), text: text)
  }

  /// An entry whose tags are split into emotions and themes by the taxonomy.
  package func entry(day: Int, tags: [String: Double], valence: Double = 0) -> AnalyzedRecord {
    entry(
      day: day, emotions: tags.filter { Taxonomy.kind(of: $0.key) == .emotion },
      themes: tags.filter { Taxonomy.kind(of: $0.key) != .emotion }, valence: valence)
  }

  /// A check-in on `day`; a skipped one (`held: false`) carries no ratings.
  package func checkIn(
    day: Int, id: String? = nil, held: Bool = true, ratings: [String: Double] = [:], commitmentsMade: Double? = nil,
    commitmentsKept: Double? = nil, file: String = "c.csv", line: Int? = nil
  ) -> CheckIn {
    CheckIn(
      id: id ?? "c\(day)", subject: subject, date: RecordDate(day: start.adding(days: day)),
      source: SourceLocation(file: file, line: line ?? day + 1), held: held, ratings: held ? ratings : [:],
      commitmentsMade: commitmentsMade, commitmentsKept: commitmentsKept)
  }
}
