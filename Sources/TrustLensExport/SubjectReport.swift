package import TrustLensCore
package import TrustLensTrends

/// What the report says of one subject.
package struct SubjectReport: Sendable {
  package var assessment: Assessment
  /// Weekly and monthly rollups up to the as-of day, in memory or on disk.
  package var rollups: Rollups
  /// Weekly rollup (keyed by Monday) up to the as-of day, for charts and sparklines.
  package var weekly: [(start: LocalDay, bucket: DayBucket)] {
    get throws(AtomicFile.WriteError) { try rollups.weekly }
  }
  /// Monthly rollup (keyed by the 1st) up to the as-of day.
  package var monthly: [(start: LocalDay, bucket: DayBucket)] {
    get throws(AtomicFile.WriteError) { try rollups.monthly }
  }
  /// What changed in the last week with data against the week before, as sentences.
  package var changes: [String]
  /// Status in the previous run, when run state is kept.
  package var previousStatus: String?
  /// Signals not present in the previous run; `nil` when there is no previous run.
  package var newSignals: [String]?
  /// The name shown for the subject (its id, or its pseudonym).
  package var displayName: String
  /// The monthly trend sheet's view, when a month was asked for.
  package var month: MonthView?

  package init(
    assessment: Assessment, weekly: [(start: LocalDay, bucket: DayBucket)],
    monthly: [(start: LocalDay, bucket: DayBucket)] = [], changes: [String] = [],
    previousStatus: String? = nil, newSignals: [String]? = nil, displayName: String? = nil
  ) {
    self.init(
      assessment: assessment, rollups: Rollups(weekly: weekly, monthly: monthly), changes: changes,
      previousStatus: previousStatus, newSignals: newSignals, displayName: displayName)
  }

  package init(
    assessment: Assessment, rollups: Rollups, changes: [String] = [], previousStatus: String? = nil,
    newSignals: [String]? = nil, displayName: String? = nil
  ) {
    self.assessment = assessment
    self.rollups = rollups
    self.changes = changes
    self.previousStatus = previousStatus
    self.newSignals = newSignals
    self.displayName = displayName ?? assessment.subject
  }

  /// Tags of the subject's texts, each with the share of texts carrying it, strongest first.
  /// `weekly`: the subject's weekly rollup, as the caller already read it.
  package static func topTags(
    in weekly: [(start: LocalDay, bucket: DayBucket)], kind: TagKind, limit: Int
  ) -> [(tag: String, share: Double)] {
    var counts: [String: Int] = [:]
    var texts = 0
    for (_, bucket) in weekly {
      texts += bucket.texts
      for (tag, count) in bucket.tagCounts { counts[tag, default: 0] += count }
    }
    guard texts > 0 else { return [] }
    return counts.filter { (Taxonomy.kind(of: $0.key) ?? .theme) == kind }
      .map { (tag: $0.key, share: Double($0.value) / Double(texts)) }
      .sorted { $0.share != $1.share ? $0.share > $1.share : $0.tag < $1.tag }
      .prefix(limit).map { $0 }
  }
}
