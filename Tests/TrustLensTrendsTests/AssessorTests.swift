import Testing
import TrustLensCore
import TrustLensTrends

/// Builds timelines day by day, the way the pipeline does.
struct TimelineBuilder {
  var timeline = Timeline(subject: "s")
  let start = LocalDay(iso: "2026-01-05")!

  mutating func entry(day: Int, tags: [String: Double] = [:], valence: Double = 0) {
    let emotions = tags.filter { Taxonomy.kind(of: $0.key) == .emotion }
    let themes = tags.filter { Taxonomy.kind(of: $0.key) != .emotion }
    timeline.add(
      AnalyzedRecord(
        id: "e\(day)", subject: "s", date: RecordDate(day: start.adding(days: day)),
        source: SourceLocation(file: "f", line: day), kind: .entry,
        analysis: TextAnalysis(words: 50, valence: valence, emotions: emotions, themes: themes, evidence: [])))
  }

  mutating func checkIn(day: Int, trust: Double? = nil, held: Bool = true, selfCare: Double? = nil) {
    var ratings: [String: Double] = [:]
    if let trust { ratings["trust"] = trust; ratings["safety"] = trust; ratings["communication"] = trust }
    if let selfCare { ratings["self_care"] = selfCare }
    timeline.add(
      CheckIn(
        id: "c\(day)", subject: "s", date: RecordDate(day: start.adding(days: day)),
        source: SourceLocation(file: "c", line: day), held: held, ratings: held ? ratings : [:]))
  }
}

@Suite struct AssessorTests {
  let assessor = Assessor()

  @Test func tooLittleDataIsInsufficient() {
    var b = TimelineBuilder()
    b.entry(day: 0)
    b.checkIn(day: 3, trust: 4)
    let a = assessor.assess(b.timeline)
    #expect(a.status == .insufficientData)
    #expect(a.statusEvidence == ["only 2 dated days of data (at least 4 needed)"])
  }

  @Test func aSlowSteadyRiseIsProgressNotPlateau() {
    var b = TimelineBuilder()
    for week in 0..<12 {
      b.checkIn(day: week * 7, trust: 3 + Double(week) * 0.35 + (week % 2 == 0 ? 0.2 : -0.2))
      b.entry(day: week * 7 + 2, tags: week < 6 ? ["anger": 0.6] : ["hope": 0.5])
    }
    let a = assessor.assess(b.timeline)
    #expect(a.status == .progress)
    #expect(a.statusEvidence.first?.hasPrefix("trust/safety/communication rose from 3.2 to") == true)
  }

  @Test func aShortDipInsideALongRiseIsNotASetback() {
    var b = TimelineBuilder()
    let values: [Double] = [3, 3.5, 4, 4.5, 5, 3.5, 5.5, 6, 6.5, 7, 7, 7.5]
    for (week, value) in values.enumerated() { b.checkIn(day: week * 7, trust: value) }
    let a = assessor.assess(b.timeline)
    #expect(a.status == .progress)
    #expect(!a.signals.contains { $0.kind == "setback" })
  }

  @Test func aPersistingDeclineAfterARiseIsASetback() {
    var b = TimelineBuilder()
    let values: [Double] = [3, 4, 5, 6, 7, 7, 6.5, 7, 4, 3, 3, 3]
    for (week, value) in values.enumerated() { b.checkIn(day: week * 7, trust: value) }
    let a = assessor.assess(b.timeline)
    #expect(a.status == .setback)
  }

  @Test func aJumpWhileTheHurtPersistsIsRushing() {
    var b = TimelineBuilder()
    let values: [Double] = [2, 3, 2, 3, 9, 9]
    for (week, value) in values.enumerated() { b.checkIn(day: week * 7, trust: value) }
    for day in stride(from: 1, to: 70, by: 3) {
      b.entry(day: day, tags: ["betrayal": 0.8, "anger": 0.5] .merging(day % 2 == 0 ? ["rushing": 0.7] : [:]) { a, _ in a })
    }
    let a = assessor.assess(b.timeline)
    #expect(a.status == .rushing)
    let signal = a.signals.first { $0.kind == "rushing" }
    #expect(signal?.evidence.first == "trust 3 → 9 in 7 days (2026-01-26 to 2026-02-02)")
  }

  @Test func mostlySkippedCheckInsAreAvoidance() {
    var b = TimelineBuilder()
    for week in 0..<8 {
      b.checkIn(day: week * 7, trust: week % 4 == 0 ? 3 : nil, held: week % 4 == 0)
      b.entry(day: week * 7 + 1, tags: ["avoidance": 0.7])
    }
    let a = assessor.assess(b.timeline)
    #expect(a.status == .avoidance)
    #expect(a.statusEvidence.first == "6 of 8 check-ins skipped (75%)")
  }

  @Test func flatNoiseIsAPlateau() {
    var b = TimelineBuilder()
    let values: [Double] = [5, 6, 4, 5, 6, 5, 4, 6, 5, 5]
    for (week, value) in values.enumerated() { b.checkIn(day: week * 7, trust: value) }
    #expect(assessor.assess(b.timeline).status == .plateau)
  }

  @Test func lowSelfCareRatingsAreNeglect() {
    var b = TimelineBuilder()
    for week in 0..<6 { b.checkIn(day: week * 7, trust: 5, selfCare: week < 3 ? 6 : 2) }
    #expect(assessor.assess(b.timeline).signals.contains { $0.kind == "self-care-neglect" })
  }

  @Test func asOfSeesOnlyThePast() {
    var b = TimelineBuilder()
    let values: [Double] = [3, 4, 5, 6, 7, 7, 6.5, 7, 4, 3, 3, 3]
    for (week, value) in values.enumerated() { b.checkIn(day: week * 7, trust: value) }
    let a = assessor.assess(b.timeline, asOf: LocalDay(iso: "2026-02-23"))
    #expect(a.status == .progress)
    #expect(a.to == LocalDay(iso: "2026-02-23"))
  }
}
