import TrustLensCore
import TrustLensTrends
import TrustLensExport

/// Builds the one Report every exporter renders, from the aggregated timelines.
enum ReportBuilder {
  /// Subjects assessed together (in parallel) before their days are let go.
  static let subjectsPerRound = 64

  /// Builds the report from the store's timelines, taking them over a group at a time and
  /// 64 subjects at a time within a group, so a large caseload's days are freed while its
  /// report grows (the store is empty afterwards).
  /// - Parameter annotate: adds what else a subject's report needs from its whole timeline
  ///   (the monthly sheet's view), before the timeline is let go.
  static func build(
    name: String, timelines store: TimelineStore, asOf: LocalDay?, settings: TrendSettings,
    counts: RunCounts, categories: [(name: String, kind: TagKind)], lexicons: [String],
    rejects: [Reject], annotate: ((Timeline, inout SubjectReport) -> Void)? = nil
  ) throws -> Report {
    let day = asOf ?? store.lastDay
    let assessor = Assessor(settings: settings)
    // A caseload too large for memory (its timelines went to disk) keeps its rollups on disk.
    let rollupFile = try store.spilled ? RollupFile(folder: store.folder) : nil
    var subjects: [SubjectReport] = []
    try store.drain { timelines in
      let names = timelines.keys.sorted()
      for start in stride(from: 0, to: names.count, by: subjectsPerRound) {
        let ordered = names[start..<min(start + subjectsPerRound, names.count)].map { timelines.removeValue(forKey: $0)! }
        let assessments = Assessor.assessAll(ordered, with: assessor, asOf: day)
        for (timeline, assessment) in zip(ordered, assessments) {
          let view = day.map { timeline.asOf($0) } ?? timeline
          let weekly = view.rollup(.week), monthly = view.rollup(.month)
          let rollups = try rollupFile?.store(weekly: weekly, monthly: monthly) ?? Rollups(weekly: weekly, monthly: monthly)
          var subject = SubjectReport(assessment: assessment, rollups: rollups, changes: changes(weekly))
          annotate?(timeline, &subject)
          subjects.append(subject)
        }
      }
    }
    return Report(
      pipeline: name, asOf: day, counts: counts, subjects: Attention.order(subjects),
      categories: categories, lexicons: lexicons, rejects: rejects)
  }

  /// What changed in the last week with data against the week before it.
  static func changes(_ weekly: [(start: LocalDay, bucket: DayBucket)]) -> [String] {
    guard weekly.count >= 2 else { return [] }
    let (start, now) = weekly[weekly.count - 1]
    let (previousStart, before) = weekly[weekly.count - 2]
    var parts: [String] = []
    func short(_ value: Double) -> String {
      let rounded = (value * 10).rounded() / 10
      return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
    if now.texts > 0, before.texts > 0 {
      let a = before.valenceSum / Double(before.texts), b = now.valenceSum / Double(now.texts)
      parts.append("valence \(short(a)) → \(short(b))")
    }
    for name in ["trust", "safety", "communication", "self_care", "mood"] {
      if let a = before.rating(name), let b = now.rating(name), a != b { parts.append("\(name) \(short(a)) → \(short(b))") }
    }
    parts.append("\(now.entries) entries (\(before.entries) the week before)")
    if now.checkInsSkipped > 0 { parts.append("\(now.checkInsSkipped) check-in\(now.checkInsSkipped == 1 ? "" : "s") skipped") }
    return ["week of \(start) against week of \(previousStart): " + parts.joined(separator: "; ")]
  }
}
