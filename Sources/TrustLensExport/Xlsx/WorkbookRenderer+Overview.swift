import TrustLensCore
import TrustLensTrends

extension WorkbookRenderer {
  /// The caseload overview: one row per subject, those needing attention first, and under the
  /// table the caseload's outcomes (``Report/outcomes``), a count per outcome.
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
    try writeOutcomes(report.outcomes, sheet, workbook, styles, row: max(rows.count, 1) + 2)
  }

  /// The outcomes block from `row`: a title (with a cell note on what RCI means), a line on
  /// what is counted, then one line per outcome, the count (a number) in the first column and
  /// its name beside it. Title and line stand alone in their rows, so neither is cut off by
  /// the narrow first column.
  func writeOutcomes(_ outcomes: CaseloadOutcomes, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles, row: Int) throws {
    try workbook.write("Caseload outcomes", sheet, row: row, column: 0, styles.bold)
    try workbook.note(
      "Reliable change index (Jacobson–Truax) of the repair rating (trust, safety and communication; mood when none of them is rated), from the mean of its first ratings to the mean of its last (up to three each): beyond ±1.96 the change is larger than measurement error explains. Inactive: no record for more than inactive_days before the as-of day (the status still describes the course).",
      sheet, row: row, column: 0)
    try workbook.write("RCI on the repair rating, first to last; inactive counted apart", sheet, row: row + 1, column: 0, styles.muted)
    let lines: [(Int, String)] = [
      (outcomes.improved, "reliably improved"), (outcomes.deteriorated, "reliably deteriorated"),
      (outcomes.unchanged, "no reliable change"), (outcomes.notMeasured, "not measured (fewer than two repair ratings)"),
      (outcomes.inactive, "inactive"),
    ]
    for (offset, line) in lines.enumerated() {
      try workbook.write(Double(line.0), sheet, row: row + 2 + offset, column: 0, styles.integer)
      try workbook.write(line.1, sheet, row: row + 2 + offset, column: 1)
    }
  }
}
