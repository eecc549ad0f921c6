import TrustLensCore
import TrustLensTrends

extension WorkbookRenderer {
  /// The caseload overview: one row per subject, those needing attention first.
  func writeOverview(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    workbook.setTabColor(sheet, 0xC00000)
    let rows = OverviewRow.rows(report)
    let subjectWidth = Double(rows.map(\.subject.count).max() ?? 0) + 2
    let signalsWidth = Double(rows.map { $0.signals.joined(separator: ", ").count }.max() ?? 0) + 2
    let columns = [
      SheetColumn("Subject", width: min(max(subjectWidth, 10), 30)), SheetColumn("Status", width: 17),
      SheetColumn("Signals", width: min(max(signalsWidth, 10), 50)),
      SheetColumn("Strongest concern", width: 10, number: true, note: "The strength of the subject's strongest concern signal (every signal but progress), 0–100%; 0% when there is none."),
      SheetColumn("Last entry", width: 11), SheetColumn("Days since", width: 7, number: true, note: "Days from the last entry to the report's as-of day."),
      SheetColumn("Held", width: 6, number: true, note: "Check-ins held."), SheetColumn("Check-ins", width: 7, number: true, note: "All check-ins, held and skipped."),
      SheetColumn("Adherence", width: 9, number: true, note: "Held check-ins as a share of all check-ins."),
    ]
    try WorkbookRenderer.table(columns, sheet, workbook, styles, freezeColumns: 1, footer: WorkbookRenderer.footer(report))
    for (index, row) in rows.enumerated() {
      let r = index + 1
      try workbook.write(row.subject, sheet, row: r, column: 0)
      let status = RepairStatus(rawValue: row.status).flatMap { styles.status[$0] } ?? .none
      try workbook.write(row.status, sheet, row: r, column: 1, status)
      try workbook.write(row.signals.joined(separator: ", "), sheet, row: r, column: 2)
      try workbook.write(row.concern, sheet, row: r, column: 3, styles.percent)
      if let last = row.lastEntry { try workbook.write(XlsxWorkbook.serial(RecordDate(day: last)), sheet, row: r, column: 4, styles.date) }
      if let days = row.daysSinceLastEntry { try workbook.write(Double(days), sheet, row: r, column: 5, styles.integer) }
      try workbook.write(Double(row.checkInsHeld), sheet, row: r, column: 6, styles.integer)
      try workbook.write(Double(row.checkIns), sheet, row: r, column: 7, styles.integer)
      if let adherence = row.adherence { try workbook.write(adherence, sheet, row: r, column: 8, styles.percent) }
    }
    try workbook.autofilter(sheet, lastRow: max(rows.count, 1), lastColumn: columns.count - 1)
  }
}
