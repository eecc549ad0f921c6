public import TrustLensCore
import Dispatch

/// Turns a subject's timeline into its assessment: status, signals, metrics.
///
/// Status precedence, when several detectors fire: `insufficient-data` (fewer than
/// `minPoints` dated days) → `rushing` → `setback` → `avoidance` → `progress` → `plateau`.
/// Concerns come first because they are what a reader must act on; every detector that
/// fires is listed in `signals` whatever the status.
public struct Assessor: Sendable {
  public let settings: TrendSettings

  public init(settings: TrendSettings = TrendSettings()) {
    self.settings = settings
  }

  /// The assessment of `timeline` as it would have been on `asOf` (default: its last day).
  public func assess(_ full: Timeline, asOf: LocalDay? = nil) -> Assessment {
    var sorted = full.sortedDays
    if let asOf, let last = sorted.last?.day, last > asOf { sorted = sorted.filter { $0.day <= asOf } }
    let day = asOf ?? sorted.last?.day ?? LocalDay(year: 1970, month: 1, day: 1)!
    let series = SubjectSeries(days: sorted, asOf: day)
    let counts = sorted.reduce((entries: 0, held: 0, skipped: 0)) {
      ($0.entries + $1.bucket.entries, $0.held + $1.bucket.checkInsHeld, $0.skipped + $1.bucket.checkInsSkipped)
    }
    var assessment = Assessment(
      subject: full.subject, from: series.firstDay, to: series.lastDay,
      entries: counts.entries, checkIns: counts.held + counts.skipped,
      skippedCheckIns: counts.skipped, status: .plateau, statusEvidence: [], signals: [],
      metrics: metrics(series), lastEntry: sorted.last(where: { $0.bucket.entries > 0 })?.day)

    let points = series.datedPointCount
    if points < settings.minPoints {
      assessment.status = .insufficientData
      assessment.statusEvidence = [
        "only \(points) dated \(points == 1 ? "day" : "days") of data (at least \(settings.minPoints) needed)"
      ]
      return assessment
    }
    let detectors = Detectors(series: series, settings: settings)
    let found: [(RepairStatus?, Signal?)] = [
      (.rushing, detectors.rushing()), (.setback, detectors.setback()),
      (.avoidance, detectors.avoidance()), (.progress, detectors.progress()),
      (nil, detectors.selfCareNeglect()),
    ]
    assessment.signals = found.compactMap(\.1)
    // A rise that is claimed too fast is not progress.
    if assessment.signals.contains(where: { $0.kind == "rushing" }) {
      assessment.signals.removeAll { $0.kind == "progress" }
    }
    if let (status, signal) = found.first(where: { $0.0 != nil && $0.1 != nil }), let status, let signal {
      assessment.status = status
      assessment.statusEvidence = signal.evidence
    } else {
      assessment.statusEvidence = plateauEvidence(series)
    }
    return assessment
  }

  /// Assesses many timelines in parallel on every core; the result is in input order and
  /// identical to assessing them one by one.
  public static func assessAll(_ timelines: [Timeline], with assessor: Assessor, asOf: LocalDay?) -> [Assessment] {
    let results = UnsafeMutableBufferPointer<Assessment?>.allocate(capacity: timelines.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: timelines.count) { index in
      slots[index] = assessor.assess(timelines[index], asOf: asOf)
    }
    return results.map { $0! }
  }

  private func plateauEvidence(_ series: SubjectSeries) -> [String] {
    let weeks = (series.firstDay?.days(to: series.asOf) ?? 0) / 7
    let repair = series.repairRating
    if let test = TrendTest(SubjectSeries.points(repair)) {
      return [
        "no meaningful trend over \(weeks) weeks: trust/safety/communication slope \(format2(test.slopePerDay * 7)) per week (Mann-Kendall \(pText(test.p)))"
      ]
    }
    if let test = TrendTest(SubjectSeries.points(series.weeklyValence)) {
      return [
        "no meaningful trend over \(weeks) weeks: valence slope \(format2(test.slopePerDay * 7)) per week (Mann-Kendall \(pText(test.p)))"
      ]
    }
    return ["no meaningful trend over \(weeks) weeks"]
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
    if let metric = metric(series.weeklyValence) { result["valence"] = metric }
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
