package import TrustLensCore
import TrustLensTrends

/// One row per subject for a caseload overview, in the report's attention order.
package struct OverviewRow: Sendable {
  package var subject: String
  package var status: String
  package var signals: [String]
  /// The strongest concern signal (not `progress`), in [0, 1]; 0 when none.
  package var concern: Double
  package var lastEntry: LocalDay?
  /// Days from the last entry to the report's as-of day.
  package var daysSinceLastEntry: Int?
  package var checkInsHeld: Int
  package var checkIns: Int

  /// Held check-ins as a share of all, or `nil` without check-ins.
  package var adherence: Double? { checkIns > 0 ? Double(checkInsHeld) / Double(checkIns) : nil }

  /// The rows of a report.
  package static func rows(_ report: Report) -> [OverviewRow] {
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
