import TrustLensCore
import TrustLensExport

/// Analysed records made on the fly (nothing held in memory), shaped like real ones: a few
/// tags each, evidence text, dates over several years.
struct SyntheticRecords: RecordSource {
  let count: Int

  func forEachEntry(subject: String?, _ body: (AnalyzedRecord) throws -> Void) throws {
    var random = SplitMix(seed: 7)
    let start = LocalDay(iso: "2020-01-01")!
    let tags = Taxonomy.emotions + Taxonomy.themes
    for index in 0..<count {
      var emotions: [String: Double] = [:], themes: [String: Double] = [:]
      var evidence: [Evidence] = []
      for _ in 0..<(1 + Int(random.next() % 4)) {
        let tag = tags[Int(random.next() % UInt64(tags.count))]
        let value = Double(random.next() % 100) / 100 + 0.01
        if Taxonomy.kind(of: tag) == .emotion { emotions[tag] = value } else { themes[tag] = value }
        evidence.append(Evidence(tag: tag, match: "went behind my back", sentence: 1, start: 0, end: 19, weight: value))
      }
      try body(
        AnalyzedRecord(
          id: "e\(index)", subject: "c\(index % 50)",
          date: RecordDate(day: start.adding(days: index / 500), secondsOfDay: index % 86_400, utcOffsetSeconds: 3600),
          source: SourceLocation(file: "journal.jsonl", line: index + 1), kind: .entry,
          analysis: TextAnalysis(words: 90, valence: Double(random.next() % 200) / 100 - 1, emotions: emotions, themes: themes, evidence: evidence)))
    }
  }

  func forEachCheckIn(subject: String?, _ body: (CheckIn) throws -> Void) throws {}
}
