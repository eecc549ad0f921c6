import Testing
import TrustLensCore
@testable import TrustLensTrends

/// How `Timeline.add` folds an analysed text into its day: tag tallies, the precomputed
/// negative intensity, and a name that is both an emotion and a (custom) theme.
struct TimelineTests {
  private static let day = LocalDay(year: 2026, month: 3, day: 2)!

  private func record(_ id: String, emotions: [String: Double], themes: [String: Double], kind: AnalyzedKind = .entry)
    -> AnalyzedRecord
  {
    AnalyzedRecord(
      id: id, subject: "s", date: RecordDate(day: TimelineTests.day), source: SourceLocation(file: "f", line: 1),
      kind: kind, analysis: TextAnalysis(words: 10, valence: -0.5, emotions: emotions, themes: themes, evidence: []))
  }

  @Test func tagsAreCountedPerTextWithTheirSummedIntensity() {
    var timeline = Timeline(subject: "s")
    timeline.add(record("a", emotions: ["anger": 0.5, "hope": 0.25], themes: ["accountability": 1]))
    timeline.add(record("b", emotions: ["anger": 0.25], themes: [:], kind: .checkinNote))
    #expect(timeline.sortedDays.count == 1)
    let bucket = timeline.sortedDays[0].bucket
    #expect(bucket.texts == 2)
    #expect(bucket.entries == 1)
    #expect(timeline.entryCount == 1)
    #expect(bucket.valenceSum == -1)
    #expect(bucket.tagCounts == ["anger": 2, "hope": 1, "accountability": 1])
    #expect(bucket.meanIntensity(of: "anger") == 0.375)
    #expect(bucket.meanIntensity(of: "accountability") == 0.5)
  }

  @Test func negativeIntensitySumsOnlyTheNegativeEmotionsInTheTaxonomysOrder() {
    var timeline = Timeline(subject: "s")
    // hope and safety are not negative; a theme never counts, whatever its name. 0.1 + 0.2 +
    // 0.3 rounds differently in different orders: the sum must follow the taxonomy's.
    let negative = ["betrayal": 0.1, "anger": 0.2, "resentment": 0.3, "sadness": 0.7]
    timeline.add(record("a", emotions: negative.merging(["hope": 1, "safety": 1]) { $1 }, themes: ["avoidance": 1]))
    timeline.add(record("b", emotions: [:], themes: [:]))
    let expected = Taxonomy.negativeEmotions.reduce(0.0) { sum, tag in sum + (negative[tag] ?? 0) }
    #expect(expected.bitPattern != (0.1 + 0.7 + 0.3 + 0.2).bitPattern)
    #expect(timeline.sortedDays[0].bucket.negativeIntensity.bitPattern == expected.bitPattern)
    #expect(timeline.sortedDays[0].bucket.texts == 2)
  }

  @Test func aNameThatIsBothAnEmotionAndAThemeCountsOnceAtItsStrongerIntensity() {
    var timeline = Timeline(subject: "s")
    timeline.add(record("theme stronger", emotions: ["anger": 0.25], themes: ["anger": 0.75]))
    timeline.add(record("emotion stronger", emotions: ["anger": 0.75], themes: ["anger": 0.25]))
    timeline.add(record("tie", emotions: ["anger": 0.5], themes: ["anger": 0.5]))
    // Several tags in one text, colliding and not.
    timeline.add(
      record(
        "mixed", emotions: ["anger": 0.25, "hope": 0.5, "betrayal": 0.75],
        themes: ["anger": 0.5, "accountability": 0.25, "hope": 0.5]))
    let bucket = timeline.sortedDays[0].bucket
    #expect(bucket.tagCounts == ["anger": 4, "hope": 1, "betrayal": 1, "accountability": 1])
    #expect(bucket.meanIntensity(of: "anger") == (0.75 + 0.75 + 0.5 + 0.5) / 4)
    #expect(bucket.meanIntensity(of: "hope") == 0.5 / 4)
    #expect(bucket.meanIntensity(of: "accountability") == 0.25 / 4)
  }
}
