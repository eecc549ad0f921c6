/// The counts of a run; `records == entries + checkIns + rejected + duplicates`.
package struct RunCounts: Sendable, Equatable {
  package var entries = 0
  package var checkIns = 0
  package var rejected = 0
  package var duplicates = 0
  /// Texts analysed in this run.
  package var analyzed = 0
  /// Texts whose analysis came from an earlier run's state.
  package var reused = 0

  package init() {}

  package var records: Int { entries + checkIns + rejected + duplicates }
}
