public import TrustLensCore

/// The status of a subject's repair: exactly one, per the contract.
public enum RepairStatus: String, Sendable, CaseIterable, Codable {
  case progress, setback, rushing, avoidance, plateau
  case insufficientData = "insufficient-data"
}

/// A pattern found in a subject's data, with its dates and human-readable evidence.
public struct Signal: Sendable, Equatable {
  /// `rushing`, `setback`, `avoidance`, `progress` or `self-care-neglect`.
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
public struct Assessment: Sendable {
  public var subject: String
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
}
