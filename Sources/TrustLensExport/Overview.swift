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
        checkInsHeld: a.checkIns - a.skippedCheckIns, checkIns: a.checkIns)
    }
  }
}

extension WorkbookRenderer {
  /// The caseload overview: one row per subject, those needing attention first.
  func writeOverview(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    workbook.setTabColor(sheet, 0xC00000)
    let headers = ["Subject", "Status", "Signals", "Strongest concern", "Last entry", "Days since", "Check-ins held", "Adherence"]
    try workbook.setColumn(sheet, first: 0, last: 1, width: 18)
    try workbook.setColumn(sheet, first: 2, last: 2, width: 40)
    try workbook.setColumn(sheet, first: 3, last: 7, width: 14)
    try header(headers, sheet, workbook, styles)
    workbook.freeze(sheet, rows: 1, columns: 1)
    let rows = OverviewRow.rows(report)
    for (index, row) in rows.enumerated() {
      let r = index + 1
      try workbook.write(row.subject, sheet, row: r, column: 0)
      let status = RepairStatus(rawValue: row.status).flatMap { styles.status[$0] } ?? .none
      try workbook.write(row.status, sheet, row: r, column: 1, status)
      try workbook.write(row.signals.joined(separator: ", "), sheet, row: r, column: 2)
      try workbook.write(row.concern, sheet, row: r, column: 3, styles.percent)
      if let last = row.lastEntry { try workbook.write(XlsxWorkbook.serial(RecordDate(day: last)), sheet, row: r, column: 4, styles.date) }
      if let days = row.daysSinceLastEntry { try workbook.write(Double(days), sheet, row: r, column: 5) }
      try workbook.write("\(row.checkInsHeld) of \(row.checkIns)", sheet, row: r, column: 6)
      if let adherence = row.adherence { try workbook.write(adherence, sheet, row: r, column: 7, styles.percent) }
    }
    try workbook.autofilter(sheet, lastRow: max(rows.count, 1), lastColumn: headers.count - 1)
  }
}
