import TrustLensCore
import TrustLensExport
import TrustLensTrends

/// Builds the monthly trend sheet's view of every subject: from its timeline while the report
/// takes it over, then its notable entries from one pass over the spilled records.
enum MonthBuilder {
  /// A subject's month, from its timeline, while the report takes the timeline over: daily
  /// mean valence in the month and the monthly rollups of the month and the five before it.
  /// Its notable entries come later, from the records (``attachNotables(month:to:records:)``).
  static func view(of timeline: Timeline, month: LocalDay) -> MonthView {
    let end = lastDay(of: month)
    var daily: [LocalDay: Double] = [:]
    for (day, bucket) in timeline.sortedDays where day >= month && day <= end && bucket.texts > 0 {
      daily[day] = bucket.valenceSum / Double(bucket.texts)
    }
    let months = Array(timeline.asOf(end).rollup(.month).suffix(6))
    return MonthView(month: month, dailyValence: daily, months: months, notable: [])
  }

  /// Adds to each subject's month view its notable entries: for each of its signals, the
  /// month's text whose signal tags are strongest. One pass over the records; only the
  /// month's texts are looked at.
  static func attachNotables(month: LocalDay, to report: inout Report, records: some RecordSource) throws {
    let end = lastDay(of: month)
    var best: [String: [String: (score: Double, record: AnalyzedRecord)]] = [:]
    let wanted = Dictionary(uniqueKeysWithValues: report.subjects.map { ($0.assessment.subject, $0.assessment.signals.map(\.kind)) })
    try records.forEachEntry(subject: nil) { record in
      guard record.date.day >= month, record.date.day <= end, let signals = wanted[record.subject] else { return }
      for signal in signals {
        let score = (SignalKind(rawValue: signal)?.evidenceTags ?? []).reduce(0.0) { $0 + record.analysis.intensity(of: $1) }
        if score > 0, score > (best[record.subject]?[signal]?.score ?? 0) { best[record.subject, default: [:]][signal] = (score, record) }
      }
    }
    for index in report.subjects.indices where report.subjects[index].month != nil {
      let subject = report.subjects[index].assessment.subject
      let signals = report.subjects[index].assessment.signals
      report.subjects[index].month?.notable = signals.compactMap { signal in
        guard let (score, record) = best[subject]?[signal.kind] else { return nil }
        let tags = Set(signal.signalKind?.evidenceTags ?? [])
        let evidence = record.analysis.evidence.filter { tags.contains($0.tag) }.map { "\($0.tag): \($0.match)" }
        return MonthView.Notable(signal: signal.kind, date: record.date, source: record.source, evidence: evidence, strength: score)
      }
    }
  }

  private static func lastDay(of month: LocalDay) -> LocalDay {
    month.adding(days: LocalDay.daysInMonth(year: month.year, month: month.month) - 1)
  }
}
