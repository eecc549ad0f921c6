/// The counts of a run; `records == entries + checkIns + rejected + duplicates`.
public struct RunCounts: Sendable, Equatable {
  public var entries = 0
  public var checkIns = 0
  public var rejected = 0
  public var duplicates = 0
  /// Texts analysed in this run.
  public var analyzed = 0
  /// Texts whose analysis came from an earlier run's state.
  public var reused = 0

  public init() {}

  public var records: Int { entries + checkIns + rejected + duplicates }
}
