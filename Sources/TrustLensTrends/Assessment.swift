public import TrustLensCore

/// The status of a subject's repair: exactly one, per the contract.
public enum RepairStatus: String, Sendable, CaseIterable, Codable {
  case progress, setback, rushing, avoidance, plateau
  case insufficientData = "insufficient-data"
}

/// A pattern found in a subject's data, with its dates and human-readable evidence.
public struct Signal: Sendable, Equatable {
  /// The contract's spelling of the kind (`rushing`, `self-care-neglect`, …): a
  /// ``SignalKind`` raw value.
  public var kind: String
  public var from: LocalDay
  public var to: LocalDay
  /// How strongly the data shows it, in (0, 1].
  public var strength: Double
  /// Plain sentences with the numbers and dates behind the signal.
  public var evidence: [String]

  public init(kind: String, from: LocalDay, to: LocalDay, strength: Double, evidence: [String]) {
    self.kind = kind
    self.from = from
    self.to = to
    self.strength = strength
    self.evidence = evidence
  }

  public init(kind: SignalKind, from: LocalDay, to: LocalDay, strength: Double, evidence: [String]) {
    self.init(kind: kind.rawValue, from: from, to: to, strength: strength, evidence: evidence)
  }

  /// The kind as the vocabulary's type, or `nil` for a kind it does not know.
  public var signalKind: SignalKind? { SignalKind(rawValue: kind) }

  /// Whether a reader must act on the signal (see ``SignalKind/isConcern``).
  public var isConcern: Bool { signalKind?.isConcern ?? true }
}

/// The first and last value of a measure and its trend.
public struct Metric: Sendable, Equatable {
  public var first: Double
  public var last: Double
  /// Sen's slope per week, or `nil` when the trend test is undefined.
  public var slopePerWeek: Double?
  /// Mann-Kendall two-sided p-value, or `nil` when undefined.
  public var trendP: Double?
  public var points: Int
  /// Jacobson–Truax reliable change index from first to last (ratings only).
  public var reliableChange: Double?
}

/// What the trend stage concludes about one subject as of a day.
///
/// The status and every signal but `inactive` describe the subject's own course, judged at its
/// own last record; how long ago that was is `daysSinceLastRecord`.
public struct Assessment: Sendable {
  public var subject: String
  /// The subject's first and last record (up to the run's date).
  public var from: LocalDay?
  public var to: LocalDay?
  public var entries: Int
  public var checkIns: Int
  public var skippedCheckIns: Int
  public var status: RepairStatus
  /// Why the status was chosen, as sentences.
  public var statusEvidence: [String]
  public var signals: [Signal]
  /// Metrics by name (`trust`, `safety`, …, `valence`), sorted by name when rendered.
  public var metrics: [String: Metric]
  /// The last day with an entry, for spotting stale subjects.
  public var lastEntry: LocalDay?
  /// The run's date the subject was assessed on (`nil` when none was given and the subject has
  /// no records).
  public var asOf: LocalDay?
  /// Whole days from the last record (`to`) to the run's date; `nil` without records.
  public var daysSinceLastRecord: Int?
  /// The reliable change of the repair rating over the course, for caseload outcomes; `nil`
  /// when it cannot be measured.
  public var repairChange: RepairChange?

  public init(
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
  public func has(_ kind: SignalKind) -> Bool { signals.contains { $0.kind == kind.rawValue } }

  /// The strongest concern signal's strength, in [0, 1]; 0 when there is none.
  public var concern: Double { signals.filter(\.isConcern).map(\.strength).max() ?? 0 }
}
