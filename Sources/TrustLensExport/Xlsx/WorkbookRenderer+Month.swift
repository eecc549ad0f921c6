import TrustLensCore
import TrustLensTrends

extension WorkbookRenderer {
  /// The monthly trend sheet: per subject a calendar of daily valence as a coloured grid,
  /// the month against the months before it, and the month's notable entries.
  func writeMonth(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    workbook.setTabColor(sheet, 0x70AD47)
    try workbook.printSetup(sheet, footer: WorkbookRenderer.footer(report))
    try workbook.setColumn(sheet, first: 0, last: 0, width: 14)
    try workbook.setColumn(sheet, first: 1, last: 7, width: 11)
    try workbook.setColumn(sheet, first: 8, last: 8, width: 60)
    var row = 0
    for subject in report.subjects {
      guard let view = subject.month else { continue }
      try workbook.write("\(subject.displayName) · \(view.title)", sheet, row: row, column: 0, styles.title)
      try workbook.write(subject.assessment.status.rawValue, sheet, row: row, column: 2, styles.status[subject.assessment.status] ?? .none)
      row += 1
      try workbook.write("Valence per day (red negative, green positive; blank: no entry)", sheet, row: row, column: 0, styles.muted)
      row += 1
      try WorkbookRenderer.header(["Week of", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { SheetColumn($0, number: $0 != "Week of") }, sheet, workbook, styles, row: row)
      row += 1
      let first = row
      for week in view.weeks {
        if let monday = week.compactMap({ $0 }).first?.startOfISOWeek {
          try workbook.write(XlsxWorkbook.serial(RecordDate(day: monday)), sheet, row: row, column: 0, styles.date)
        }
        for (index, day) in week.enumerated() {
          guard let day, let value = view.dailyValence[day] else { continue }
          try workbook.write(value, sheet, row: row, column: 1 + index, styles.number2)
        }
        row += 1
      }
      try workbook.colorScale(sheet, firstRow: first, firstColumn: 1, lastRow: row - 1, lastColumn: 7, threeColors: true)
      row += 1
      let comparison = ["Month", "Texts", "Valence", "trust", "mood", "Held", "Skipped", "", "Top emotions"]
      try WorkbookRenderer.header(comparison.map { SheetColumn($0, number: !["Month", "", "Top emotions"].contains($0)) }, sheet, workbook, styles, row: row)
      row += 1
      for (start, bucket) in view.months {
        try workbook.write(WeekAxis.monthLabel(start), sheet, row: row, column: 0)
        try workbook.write(Double(bucket.texts), sheet, row: row, column: 1, styles.integer)
        if let valence = bucket.meanValence { try workbook.write(valence, sheet, row: row, column: 2, styles.number2) }
        if let trust = bucket.rating("trust") { try workbook.write(trust, sheet, row: row, column: 3, styles.number2) }
        if let mood = bucket.rating("mood") { try workbook.write(mood, sheet, row: row, column: 4, styles.number2) }
        try workbook.write(Double(bucket.checkInsHeld), sheet, row: row, column: 5, styles.integer)
        try workbook.write(Double(bucket.checkInsSkipped), sheet, row: row, column: 6, styles.integer)
        try workbook.write(bucket.topEmotions(limit: 3).joined(separator: ", "), sheet, row: row, column: 8)
        row += 1
      }
      row += 1
      if !view.notable.isEmpty {
        try WorkbookRenderer.header(["Notable", "Date", "", "", "", "", "", "", "Evidence (source)"].map { SheetColumn($0) }, sheet, workbook, styles, row: row)
        row += 1
        for notable in view.notable {
          let evidence = "\(notable.evidence.joined(separator: "; ")) (\(notable.source))"
          let lines = WrappedLines.count(evidence, width: 60)
          if lines > 1 { try workbook.setRowHeight(sheet, row: row, height: WrappedLines.height(lines: lines, maximumLines: 10)) }
          try workbook.write(notable.signal, sheet, row: row, column: 0, styles.top)
          try workbook.write(XlsxWorkbook.serial(notable.date), sheet, row: row, column: 1, styles.date)
          try workbook.write(evidence, sheet, row: row, column: 8, styles.wrap)
          row += 1
        }
      }
      row += 2
    }
  }
}
