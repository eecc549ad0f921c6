import Testing
import TrustLensCore
import TrustLensTrends

@Suite struct CadenceTests {
  let start = LocalDay(iso: "2026-01-05")!

  func cadence(_ offsets: [Int]) -> Cadence? { Cadence(days: offsets.map { start.adding(days: $0) }) }

  @Test func regularIntervalsNameTheirCadence() {
    #expect(cadence([0, 7, 14, 22, 28, 35])?.kind == .weekly)
    #expect(cadence([0, 14, 27, 42, 56, 70])?.kind == .fortnightly)
    #expect(cadence([0, 14, 27, 42, 56, 70])?.usualInterval == 14)
    #expect(cadence([0, 3, 21, 25, 40, 41, 60])?.kind == .irregular)
    #expect(cadence([0, 7]) == nil, "two rows say nothing about a cadence")
  }

  @Test func missedSessionsAreCountedAtTheUsualInterval() {
    // Weekly, with a 28-day hole: three sessions missed.
    #expect(cadence([0, 7, 14, 21, 49, 56, 63])?.missed == 3)
    #expect(cadence([0, 14, 28, 42, 56])?.missed == 0)
    #expect(cadence([0, 3, 21, 25, 40, 41, 60])?.missed == 0, "an irregular cadence promises no dates")
  }

  @Test func theAllowedBreakFollowsTheCadence() {
    #expect(cadence([0, 7, 14, 21, 28])?.stopGap(floor: 21) == 21)
    #expect(cadence([0, 14, 28, 42, 56])?.stopGap(floor: 21) == 42)
    #expect(cadence([0, 3, 21, 25, 40, 41, 60])?.stopGap(floor: 21) == 30, "three usual intervals of 10 days")
    #expect(cadence([0, 3, 30, 34, 40, 41, 60])?.stopGap(floor: 21) == 27, "an irregular cadence allows its longest interval")
  }
}

@Suite struct CaseloadOutcomesTests {
  @Test func theReliableChangeIndexSortsSubjects() {
    let improved = RepairChange(measure: "trust", values: [2, 2, 3, 7, 8, 8], sd: 2, reliability: 0.8)
    let worse = RepairChange(measure: "trust", values: [8, 8, 7, 3, 2, 2], sd: 2, reliability: 0.8)
    let same = RepairChange(measure: "trust", values: [5, 6, 5, 5, 6, 5], sd: 2, reliability: 0.8)
    #expect(improved?.outcome == .improved)
    #expect(worse?.outcome == .deteriorated)
    #expect(same?.outcome == .unchanged)
    #expect(RepairChange(measure: "trust", values: [5], sd: 2, reliability: 0.8) == nil)
    func assessment(_ change: RepairChange?, inactive: Bool) -> Assessment {
      let day = LocalDay(iso: "2026-01-05")!
      let signals = inactive ? [Signal(kind: .inactive, from: day, to: day.adding(days: 60), strength: 0.5, evidence: [])] : []
      return Assessment(
        subject: "s", from: day, to: day, entries: 0, checkIns: 0, skippedCheckIns: 0, status: .plateau, statusEvidence: [],
        signals: signals, metrics: [:], lastEntry: nil, repairChange: change)
    }
    let outcomes = CaseloadOutcomes([
      assessment(improved, inactive: false), assessment(improved, inactive: true), assessment(worse, inactive: false),
      assessment(same, inactive: false), assessment(nil, inactive: true),
    ])
    #expect(outcomes.subjects == 5)
    #expect([outcomes.improved, outcomes.deteriorated, outcomes.unchanged, outcomes.notMeasured, outcomes.inactive] == [2, 1, 1, 1, 2])
    #expect(
      outcomes.sentence
        == "2 reliably improved, 1 reliably deteriorated, 1 no reliable change, 1 not measured (RCI on the repair rating); 2 inactive")
  }
}
