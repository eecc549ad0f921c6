import Testing
import TestSupport
import TrustLensCore
import TrustLensTrends

/// Builds timelines day by day, the way the pipeline does.
struct TimelineBuilder {
  var timeline = Timeline(subject: "s")
  let records = RecordFactory()

  mutating func entry(day: Int, tags: [String: Double] = [:], valence: Double = 0) {
    timeline.add(records.entry(day: day, tags: tags, valence: valence))
  }

  mutating func checkIn(day: Int, trust: Double? = nil, held: Bool = true, selfCare: Double? = nil) {
    var ratings: [String: Double] = [:]
    if let trust { ratings["trust"] = trust; ratings["safety"] = trust; ratings["communication"] = trust }
    if let selfCare { ratings["self_care"] = selfCare }
    timeline.add(records.checkIn(day: day, held: held, ratings: ratings))
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
    #expect(signal?.evidence.first == "trust 3 → 9 in 7 days (2026-01-26 to 2026-02-02): level 2.5 before, 9 after")
  }

  @Test func mostlySkippedCheckInsAreAvoidance() {
    var b = TimelineBuilder()
    for week in 0..<8 {
      b.checkIn(day: week * 7, trust: week % 4 == 0 ? 3 : nil, held: week % 4 == 0)
      b.entry(day: week * 7 + 1, tags: ["avoidance": 0.7])
    }
    let a = assessor.assess(b.timeline)
    #expect(a.status == .avoidance)
    #expect(a.statusEvidence.first == "6 of 8 check-ins skipped (75% not held)")
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

/// Each subject is judged on its own course: its last record ends it, whatever the run's date.
@Suite struct OwnCourseTests {
  let assessor = Assessor()

  /// Weekly held check-ins rising from 3 to about 7 over 12 weeks, with an entry two days after
  /// each: a progress course that ends on day 79 (2026-03-25).
  func progressCourse() -> TimelineBuilder {
    var b = TimelineBuilder()
    for week in 0..<12 {
      b.checkIn(day: week * 7, trust: 3 + Double(week) * 0.35 + (week % 2 == 0 ? 0.2 : -0.2))
      b.entry(day: week * 7 + 2, tags: week < 6 ? ["anger": 0.6] : ["hope": 0.5])
    }
    return b
  }

  @Test func aFinishedCourseInALongerCaseloadKeepsItsStatusAndIsInactive() {
    let b = progressCourse()
    let end = LocalDay(iso: "2026-03-25")!
    let runDate = LocalDay(iso: "2026-10-31")!  // the caseload runs on for seven more months
    let a = assessor.assess(b.timeline, asOf: runDate)
    #expect(a.status == .progress)
    #expect(!a.has(.avoidance))
    #expect(a.to == end)
    #expect(a.daysSinceLastRecord == end.days(to: runDate))
    let inactive = a.signals.first { $0.kind == "inactive" }
    #expect(inactive?.evidence == ["no record since 2026-03-25, 220 days before 2026-10-31 (inactive after 28 days)"])
    #expect(a.concern == 0, "neither progress nor inactive is a concern")
    // The same course judged on its own last day says the same, without `inactive`.
    let own = assessor.assess(b.timeline)
    #expect(own.status == a.status && own.statusEvidence == a.statusEvidence)
    #expect(!own.has(.inactive))
  }

  @Test func inactiveIsRaisedExactlyPastInactiveDays() {
    let b = progressCourse()
    let end = LocalDay(iso: "2026-03-25")!
    for (days, expected) in [(0, false), (27, false), (28, false), (29, true), (200, true)] {
      let a = assessor.assess(b.timeline, asOf: end.adding(days: days))
      #expect(a.has(.inactive) == expected, "\(days) days after the last record")
      #expect(a.daysSinceLastRecord == days)
    }
    var settings = TrendSettings()
    settings.inactiveDays = 7
    let strict = Assessor(settings: settings)
    #expect(!strict.assess(b.timeline, asOf: end.adding(days: 7)).has(.inactive))
    #expect(strict.assess(b.timeline, asOf: end.adding(days: 8)).has(.inactive))
  }

  /// Held check-ins every `interval` days to day 112, and journaling every fourth day to day 137.
  func journalingAfterCheckIns(every interval: Int) -> TimelineBuilder {
    var b = TimelineBuilder()
    for day in stride(from: 0, through: 112, by: interval) { b.checkIn(day: day, trust: 5 + Double(day % 3) * 0.3) }
    for day in stride(from: 1, through: 140, by: 4) { b.entry(day: day) }
    return b
  }

  @Test func aFortnightlyCadenceAllowsALongerBreakThanAWeeklyOne() {
    // 25 days of journaling after the last check-in: under two sessions at a fortnightly
    // cadence, over three at a weekly one.
    let fortnightly = assessor.assess(journalingAfterCheckIns(every: 14).timeline)
    #expect(!fortnightly.has(.avoidance), "\(fortnightly.signals.map(\.evidence))")
    #expect(fortnightly.status == .plateau)
    let weekly = assessor.assess(journalingAfterCheckIns(every: 7).timeline)
    #expect(weekly.status == .avoidance)
    #expect(
      weekly.statusEvidence.first
        == "no check-in held after 2026-04-27 while the journal went on for 25 days to 2026-05-22 (7 entries); the cadence was weekly (every 7 days), so a break over 21 days counts"
    )
  }

  @Test func aFortnightlyCadenceWithEverySessionKeptIsNotSkipping() {
    var b = TimelineBuilder()
    for session in 0..<10 { b.checkIn(day: session * 14, trust: 5 + Double(session % 2) * 0.5) }
    for day in stride(from: 2, through: 126, by: 5) { b.entry(day: day) }
    let a = assessor.assess(b.timeline)
    #expect(a.status == .plateau)
    #expect(!a.has(.avoidance))
  }

  @Test func aJournalOnlyCourseCanShowProgress() {
    var b = TimelineBuilder()
    for index in 0..<24 {
      let rise = Double(index) / 23
      b.entry(
        day: index * 3, tags: rise < 0.5 ? ["anger": 0.8 - rise, "betrayal": 0.5] : ["hope": rise, "connection": 0.4],
        valence: -0.6 + 1.2 * rise + (index % 2 == 0 ? 0.05 : -0.05))
    }
    let a = assessor.assess(b.timeline)
    #expect(a.status == .progress)
    #expect(a.statusEvidence.first?.hasPrefix("the writing's tone rose over 24 days of writing from 2026-01-05 to 2026-03-15") == true)
    #expect(a.repairChange == nil, "no ratings, no reliable change")
  }
}
