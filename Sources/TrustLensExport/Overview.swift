public import TrustLensCore
import TrustLensTrends

/// One row per subject for a caseload overview, in the report's attention order.
public struct OverviewRow: Sendable {
  public var subject: String
  public var status: String
  public var signals: [String]
  /// The strongest concern signal (not `progress`), in [0, 1]; 0 when none.
  public var concern: Double
  public var lastEntry: LocalDay?
  /// Days from the last entry to the report's as-of day.
  public var daysSinceLastEntry: Int?
  public var checkInsHeld: Int
  public var checkIns: Int

  /// Held check-ins as a share of all, or `nil` without check-ins.
  public var adherence: Double? { checkIns > 0 ? Double(checkInsHeld) / Double(checkIns) : nil }

  /// The rows of a report.
  public static func rows(_ report: Report) -> [OverviewRow] {
    report.subjects.map { subject in
      let a = subject.assessment
      return OverviewRow(
        subject: subject.displayName, status: a.status.rawValue, signals: a.signals.map(\.kind),
        concern: a.concern, lastEntry: a.lastEntry,
        daysSinceLastEntry: a.lastEntry.flatMap { last in report.asOf.map { last.days(to: $0) } },
        checkInsHeld: a.heldCheckIns, checkIns: a.checkIns)
    }
  }
}
