public import TrustLensCore

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
    let timeline = asOf.map { full.asOf($0) } ?? full
    let sorted = timeline.sortedDays
    let day = asOf ?? sorted.last?.day ?? LocalDay(year: 1970, month: 1, day: 1)!
    let series = SubjectSeries(timeline, asOf: day)
    var assessment = Assessment(
      subject: timeline.subject, from: series.firstDay, to: series.lastDay,
      entries: timeline.entryCount, checkIns: timeline.checkInCount,
      skippedCheckIns: timeline.skippedCount, status: .plateau, statusEvidence: [], signals: [],
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

  private func plateauEvidence(_ series: SubjectSeries) -> [String] {
    let weeks = (series.firstDay?.days(to: series.asOf) ?? 0) / 7
    let repair = series.repairRating
    if let test = TrendTest(SubjectSeries.points(repair)) {
      return [
        "no meaningful trend over \(weeks) weeks: trust/safety/communication slope \(format2(test.slopePerDay * 7)) per week (Mann-Kendall \(pText(test.p)))"
      ]
    }
    if let test = TrendTest(SubjectSeries.points(series.valence)) {
      return [
        "no meaningful trend over \(weeks) weeks: valence slope \(format2(test.slopePerDay * 7)) per week (Mann-Kendall \(pText(test.p)))"
      ]
    }
    return ["no meaningful trend over \(weeks) weeks"]
  }

  private func metrics(_ series: SubjectSeries) -> [String: Metric] {
    var names = Set<String>()
    for d in series.days { names.formUnion(d.bucket.ratingCounts.keys) }
    var result: [String: Metric] = [:]
    for name in names {
      if var metric = metric(series.rating(name)) {
        metric.reliableChange = ReliableChange(
          first: metric.first, last: metric.last, sd: settings.rciSD, reliability: settings.rciReliability)?.index
        result[name] = metric
      }
    }
    if let metric = metric(series.valence) { result["valence"] = metric }
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
