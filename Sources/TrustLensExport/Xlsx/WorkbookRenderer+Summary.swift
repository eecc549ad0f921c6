import TrustLensCore
import TrustLensTrends

extension WorkbookRenderer {
  /// One block per subject: status, period, evidence, signals, metrics, then a grid of
  /// native charts over the subject's Weekly rows, two side by side (for the first
  /// ``chartedSubjects``; the others name their Weekly rows).
  func writeSummary(
    _ report: Report, _ layout: RollupLayout, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles
  ) throws {
    workbook.setTabColor(sheet, 0x44546A)
    try workbook.setColumn(sheet, first: 0, last: 0, width: 22)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 70)
    try workbook.setColumn(sheet, first: 2, last: 6, width: 12)
    try workbook.printSetup(sheet, footer: WorkbookRenderer.footer(report))
    var row = 0
    try workbook.write("TrustLens report · \(report.pipeline)", sheet, row: row, column: 0, styles.title)
    row += 1
    try workbook.write("As of \(report.asOf?.description ?? "—") · \(RunCountsText.sum(report.counts))", sheet, row: row, column: 0, styles.muted)
    row += 2
    for (index, subject) in report.subjects.enumerated() {
      let a = subject.assessment
      try workbook.setRowHeight(sheet, row: row, height: 21)
      try workbook.write(subject.displayName, sheet, row: row, column: 0, styles.title)
      try workbook.write(a.status.rawValue, sheet, row: row, column: 1, styles.status[a.status] ?? .none)
      row += 1
      func wrapped(_ text: String, label: String?) throws {
        let lines = WrappedLines.count(text, width: 70)
        if lines > 1 { try workbook.setRowHeight(sheet, row: row, height: WrappedLines.height(lines: lines, maximumLines: 20)) }
        if let label { try workbook.write(label, sheet, row: row, column: 0, styles.bold) }
        try workbook.write(text, sheet, row: row, column: 1, styles.wrap)
        row += 1
      }
      try wrapped(a.periodText(), label: "Period")
      for (index, sentence) in a.statusEvidence.enumerated() { try wrapped(sentence, label: index == 0 ? "Why" : nil) }
      for signal in a.signals {
        try wrapped("\(signal.from) to \(signal.to), strength \(NumberText.percent(signal.strength))", label: "Signal: \(signal.kind)")
        for sentence in signal.evidence where !a.statusEvidence.contains(sentence) { try wrapped("· " + sentence, label: nil) }
      }
      for (index, change) in subject.changes.enumerated() { try wrapped(change, label: index == 0 ? "Last week" : nil) }
      if !a.metrics.isEmpty {
        try WorkbookRenderer.header(WorkbookRenderer.metricColumns, sheet, workbook, styles, row: row, from: 1)
        row += 1
        for (name, metric) in a.orderedMetrics {
          try workbook.write(name, sheet, row: row, column: 1)
          try workbook.write(metric.first, sheet, row: row, column: 2, styles.number2)
          try workbook.write(metric.last, sheet, row: row, column: 3, styles.number2)
          if let slope = metric.slopePerWeek { try workbook.write(slope, sheet, row: row, column: 4, styles.number2) }
          if let p = metric.trendP { try workbook.write(p, sheet, row: row, column: 5, styles.pValue) }
          if let rci = metric.reliableChange { try workbook.write(rci, sheet, row: row, column: 6, styles.number2) }
          row += 1
        }
      }
      row += 1
      if index < WorkbookRenderer.chartedSubjects {
        row = try SummaryCharts(subject: subject, weeklyStart: layout.weeklyStart[index]).insert(at: row, sheet, workbook)
      } else if subject.rollups.weekCount > 0 {
        let first = layout.weeklyStart[index] + 1, last = layout.weeklyStart[index] + subject.rollups.weekCount
        try workbook.write(
          "Weekly rows \(first)–\(last) of the Weekly sheet (charts are drawn for the first \(WorkbookRenderer.chartedSubjects) subjects)",
          sheet, row: row, column: 1, styles.muted)
        row += 1
      }
      row += 1
    }
  }

  /// The header of a subject's measures, with notes explaining Slope, Trend p and RCI.
  static let metricColumns = [
    SheetColumn("Measure"), SheetColumn("First", number: true), SheetColumn("Last", number: true),
    SheetColumn("Slope / week", number: true, note: "Sen's slope: the median change per week between every pair of points."),
    SheetColumn(
      "Trend p", number: true,
      note: "Mann-Kendall test, two-sided: the chance of a trend at least this steady if the values only varied at random. Below 0.05 a trend counts; < 0.001 means below 0.001."),
    SheetColumn(
      "RCI", number: true,
      note: "Reliable change index (Jacobson–Truax) from first to last: beyond ±1.96 the change is larger than measurement error explains. Ratings only."),
  ]
}
