package import TrustLensCore

/// Options of `trustlens run` that are not in the pipeline file.
public struct RunOptions: Sendable {
  /// Per-entry outputs (analysis, Entries sheet) keep records from this day on; trends
  /// always use the whole history.
  package var since: LocalDay?
  package var asOf: LocalDay?
  public var failOn: [String] = []
  public var failOnAny: [String] = []
  /// The month of a monthly trend sheet (its first day); assessed as of its last day.
  package var month: LocalDay?
  /// Write into an existing output folder that TrustLens did not make.
  public var force = false
  /// Day buckets (subject × day, about 250 bytes each) the run keeps in memory before it
  /// moves the timelines to disk; the default holds about a year of days for 180 subjects.
  public var timelineDaysInMemory = RunOptions.defaultTimelineDaysInMemory
  public static let defaultTimelineDaysInMemory = 65_536

  /// The defaults: every day, as of the last record, no extra failing signals.
  public init() {}

  package init(
    since: LocalDay? = nil, asOf: LocalDay? = nil, failOn: [String] = [], failOnAny: [String] = [], month: LocalDay? = nil,
    force: Bool = false
  ) {
    self.since = since
    self.month = month
    self.asOf = asOf ?? month.map { $0.adding(days: LocalDay.daysInMonth(year: $0.year, month: $0.month) - 1) }
    self.failOn = failOn
    self.failOnAny = failOnAny
    self.force = force
  }
}
