package import TrustLensCore
import Dispatch

/// Turns a subject's timeline into its assessment: status, signals, metrics.
///
/// Each subject is judged on its own course: the records up to the run's date, with every
/// window taken from its own records (its last record ends its course). How long before the run's
/// date that last record was is a fact beside the status (`daysSinceLastRecord`, and the
/// `inactive` signal past `inactiveDays`), never a reason to change it.
///
/// Status precedence, when several detectors fire: `insufficient-data` (fewer than
/// `minPoints` dated days) → `rushing` → `setback` → `avoidance` → `progress` → `plateau`.
/// Concerns come first because they are what a reader must act on; every detector that
/// fires is listed in `signals` whatever the status.
package struct Assessor: Sendable {
  package let settings: TrendSettings

  package init(settings: TrendSettings = TrendSettings()) {
    self.settings = settings
  }

  /// The assessment of `timeline` on the run's date `asOf` (default: the subject's last day):
  /// records after `asOf` are left out.
  package func assess(_ full: Timeline, asOf: LocalDay? = nil) -> Assessment {
    var sorted = full.sortedDays
    if let asOf, let last = sorted.last?.day, last > asOf { sorted = sorted.filter { $0.day <= asOf } }
    guard !sorted.isEmpty else {
      return Assessment(
        subject: full.subject, from: nil, to: nil, entries: 0, checkIns: 0, skippedCheckIns: 0,
        status: .insufficientData, statusEvidence: ["no records up to \(asOf?.description ?? "the run's date")"],
        signals: [], metrics: [:], lastEntry: nil, asOf: asOf)
    }
    let series = SubjectSeries(days: sorted)
    let runDate = asOf ?? series.end
    let counts = sorted.reduce((entries: 0, held: 0, skipped: 0)) {
      ($0.entries + $1.bucket.entries, $0.held + $1.bucket.checkInsHeld, $0.skipped + $1.bucket.checkInsSkipped)
    }
    let detectors = Detectors(series: series, settings: settings)
    var assessment = Assessment(
      subject: full.subject, from: series.firstDay, to: series.end, entries: counts.entries,
      checkIns: counts.held + counts.skipped, skippedCheckIns: counts.skipped, status: .plateau, statusEvidence: [],
      signals: [], metrics: metrics(series), lastEntry: series.lastEntry, asOf: runDate,
      daysSinceLastRecord: series.end.days(to: runDate), repairChange: detectors.repairChange)
    let inactive = inactiveSignal(series, runDate)

    let points = series.datedDayCount
    if points < settings.minPoints {
      assessment.status = .insufficientData
      assessment.statusEvidence = [
        "only \(points) dated \(points == 1 ? "day" : "days") of data (at least \(settings.minPoints) needed)"
      ]
      assessment.signals = inactive.map { [$0] } ?? []
      return assessment
    }
    let found = [
      detectors.rushing(), detectors.setback(), detectors.avoidance(), detectors.progress(),
      detectors.selfCareNeglect(),
    ].compactMap(\.self)
    // A rise claimed too fast is not progress, and an earlier rise before a setback is not the
    // course's end: signals describe where the course ends.
    let cancelsProgress = found.contains { $0.kind == SignalKind.rushing.rawValue || $0.kind == SignalKind.setback.rawValue }
    assessment.signals = found.filter { !(cancelsProgress && $0.kind == SignalKind.progress.rawValue) } + (inactive.map { [$0] } ?? [])
    let precedence: [SignalKind] = [.rushing, .setback, .avoidance, .progress]
    if let decisive = precedence.lazy.compactMap({ kind in found.first { $0.kind == kind.rawValue } }).first,
      let status = decisive.signalKind?.status
    {
      assessment.status = status
      assessment.statusEvidence = decisive.evidence
    } else {
      assessment.statusEvidence = plateauEvidence(series)
    }
    return assessment
  }

  /// Assesses many timelines in parallel on every core; the result is in input order and
  /// identical to assessing them one by one.
  package static func assessAll(_ timelines: [Timeline], with assessor: Assessor, asOf: LocalDay?) -> [Assessment] {
    let results = UnsafeMutableBufferPointer<Assessment?>.allocate(capacity: timelines.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: timelines.count) { index in
      slots[index] = assessor.assess(timelines[index], asOf: asOf)
    }
    return results.map { $0! }
  }

  /// `inactive` when the last record is more than `inactiveDays` before the run's date.
  private func inactiveSignal(_ series: SubjectSeries, _ runDate: LocalDay) -> Signal? {
    let days = series.end.days(to: runDate)
    guard days > settings.inactiveDays else { return nil }
    return Signal(
      kind: .inactive, from: series.end, to: runDate, strength: min(1, Double(days) / Double(4 * settings.inactiveDays)),
      evidence: ["no record since \(series.end), \(days) days before \(runDate) (inactive after \(settings.inactiveDays) days)"])
  }

  private func plateauEvidence(_ series: SubjectSeries) -> [String] {
    let weeks = series.firstDay.days(to: series.end) / 7
    let period = "over \(weeks) weeks (\(series.firstDay) to \(series.end))"
    if let test = TrendTest(SubjectSeries.points(series.repair.values)) {
      return [
        "no meaningful trend \(period): \(series.repair.name) slope \(format2(test.slopePerDay * 7)) per week (Mann-Kendall \(pText(test.p)))"
      ]
    }
    if let test = TrendTest(SubjectSeries.points(series.dailyValence)) {
      return [
        "no meaningful trend \(period): the writing's tone slope \(format2(test.slopePerDay * 7)) per week (Mann-Kendall \(pText(test.p)))"
      ]
    }
    return ["no meaningful trend \(period)"]
  }

  private func metrics(_ series: SubjectSeries) -> [String: Metric] {
    var result: [String: Metric] = [:]
    for name in series.ratingNames {
      if var metric = metric(series.rating(name)) {
        metric.reliableChange = ReliableChange(
          first: metric.first, last: metric.last, sd: settings.rciSD, reliability: settings.rciReliability)?.index
        result[name] = metric
      }
    }
    if let metric = metric(series.dailyValence) { result["valence"] = metric }
    return result
  }

  private func metric(_ values: [(day: LocalDay, value: Double)]) -> Metric? {
    guard let first = values.first, let last = values.last else { return nil }
    let test = TrendTest(SubjectSeries.points(values))
    return Metric(
      first: first.value, last: last.value, slopePerWeek: test.map { $0.slopePerDay * 7 },
      trendP: test?.p, points: values.count)
  }
}
