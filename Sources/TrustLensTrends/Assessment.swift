package import TrustLensCore

/// What the trend stage concludes about one subject as of a day.
///
/// The status and every signal but `inactive` describe the subject's own course, judged at its
/// own last record; how long ago that was is `daysSinceLastRecord`.
package struct Assessment: Sendable {
  package var subject: String
  /// The subject's first and last record (up to the run's date).
  package var from: LocalDay?
  package var to: LocalDay?
  package var entries: Int
  package var checkIns: Int
  package var skippedCheckIns: Int
  package var status: RepairStatus
  /// Why the status was chosen, as sentences.
  package var statusEvidence: [String]
  package var signals: [Signal]
  /// Metrics by name (`trust`, `safety`, …, `valence`), sorted by name when rendered.
  package var metrics: [String: Metric]
  /// The last day with an entry, for spotting stale subjects.
  package var lastEntry: LocalDay?
  /// The run's date the subject was assessed on (`nil` when none was given and the subject has
  /// no records).
  package var asOf: LocalDay?
  /// Whole days from the last record (`to`) to the run's date; `nil` without records.
  package var daysSinceLastRecord: Int?
  /// The reliable change of the repair rating over the course, for caseload outcomes; `nil`
  /// when it cannot be measured.
  package var repairChange: RepairChange?

  package init(
    subject: String, from: LocalDay?, to: LocalDay?, entries: Int, checkIns: Int, skippedCheckIns: Int,
    status: RepairStatus, statusEvidence: [String], signals: [Signal], metrics: [String: Metric],
    lastEntry: LocalDay?, asOf: LocalDay? = nil, daysSinceLastRecord: Int? = nil, repairChange: RepairChange? = nil
  ) {
    self.subject = subject
    self.from = from
    self.to = to
    self.entries = entries
    self.checkIns = checkIns
    self.skippedCheckIns = skippedCheckIns
    self.status = status
    self.statusEvidence = statusEvidence
    self.signals = signals
    self.metrics = metrics
    self.lastEntry = lastEntry
    self.asOf = asOf
    self.daysSinceLastRecord = daysSinceLastRecord
    self.repairChange = repairChange
  }

  /// Whether the subject shows a signal of `kind`.
  package func has(_ kind: SignalKind) -> Bool { signals.contains { $0.kind == kind.rawValue } }

  /// The strongest concern signal's strength, in [0, 1]; 0 when there is none.
  package var concern: Double { signals.filter(\.isConcern).map(\.strength).max() ?? 0 }
}
