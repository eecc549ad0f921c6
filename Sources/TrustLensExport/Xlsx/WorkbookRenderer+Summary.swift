import TrustLensCore
import TrustLensTrends

extension WorkbookRenderer {
  /// One block per subject: status, period, evidence, signals, metrics, then a 2×2 grid of
  /// native charts over the subject's Weekly rows (for the first ``chartedSubjects``; the
  /// others name their Weekly rows).
  func writeSummary(
    _ report: Report, _ layout: RollupLayout, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles
  ) throws {
    workbook.setTabColor(sheet, 0x44546A)
    try workbook.setColumn(sheet, first: 0, last: 0, width: 22)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 70)
    try workbook.setColumn(sheet, first: 2, last: 6, width: 12)
    try workbook.printSetup(sheet, pagesWide: 1)
    var row = 0
    try workbook.write("TrustLens report · \(report.pipeline)", sheet, row: row, column: 0, styles.title)
    row += 1
    let c = report.counts
    try workbook.write(
      "As of \(report.asOf?.description ?? "—") · \(c.records) records = \(c.entries) entries + \(c.checkIns) check-ins + \(c.rejected) rejected + \(c.duplicates) duplicates",
      sheet, row: row, column: 0, styles.muted)
    row += 2
    for (index, subject) in report.subjects.enumerated() {
      let a = subject.assessment
      try workbook.write(subject.displayName, sheet, row: row, column: 0, styles.title)
      try workbook.write(a.status.rawValue, sheet, row: row, column: 1, styles.status[a.status] ?? .none)
      row += 1
      try workbook.write("Period", sheet, row: row, column: 0, styles.bold)
      try workbook.write(
        "\(a.from?.description ?? "—") to \(a.to?.description ?? "—") · \(a.entries) entries · \(a.checkIns) check-ins (\(a.skippedCheckIns) skipped) · last entry \(a.lastEntry?.description ?? "—")",
        sheet, row: row, column: 1)
      row += 1
      func wrapped(_ text: String, label: String?) throws {
        let lines = max(1, Int((Double(text.count) / WorkbookRenderer.textWidth).rounded(.up)))
        if lines > 1 { try workbook.setRowHeight(sheet, row: row, height: 15 * Double(lines)) }
        if let label { try workbook.write(label, sheet, row: row, column: 0, styles.bold) }
        try workbook.write(text, sheet, row: row, column: 1, styles.wrap)
        row += 1
      }
      for (index, sentence) in a.statusEvidence.enumerated() { try wrapped(sentence, label: index == 0 ? "Why" : nil) }
      for signal in a.signals {
        try wrapped(
          "\(signal.from) to \(signal.to), strength \(Int((signal.strength * 100).rounded()))%",
          label: "Signal: \(signal.kind)")
        for sentence in signal.evidence where !a.statusEvidence.contains(sentence) { try wrapped("· " + sentence, label: nil) }
      }
      for (index, change) in subject.changes.enumerated() { try wrapped(change, label: index == 0 ? "Last week" : nil) }
      if !a.metrics.isEmpty {
        try header(["", "Measure", "First", "Last", "Slope / week", "Trend p", "RCI"], sheet, workbook, styles, row: row)
        row += 1
        for name in a.metrics.keys.sorted() {
          let metric = a.metrics[name]!
          try workbook.write(name, sheet, row: row, column: 1)
          try workbook.write(metric.first, sheet, row: row, column: 2, styles.number2)
          try workbook.write(metric.last, sheet, row: row, column: 3, styles.number2)
          if let slope = metric.slopePerWeek { try workbook.write(slope, sheet, row: row, column: 4, styles.number2) }
          if let p = metric.trendP { try workbook.write(p, sheet, row: row, column: 5, styles.number2) }
          if let rci = metric.reliableChange { try workbook.write(rci, sheet, row: row, column: 6, styles.number2) }
          row += 1
        }
      }
      row += 1
      if index < WorkbookRenderer.chartedSubjects {
        row = try insertCharts(for: subject, weeklyStart: layout.weeklyStart[index], at: row, sheet, workbook)
      } else if subject.rollups.weeklyCount > 0 {
        let first = layout.weeklyStart[index] + 1, last = layout.weeklyStart[index] + subject.rollups.weeklyCount
        try workbook.write(
          "Weekly rows \(first)–\(last) of the Weekly sheet (charts are drawn for the first \(WorkbookRenderer.chartedSubjects) subjects)",
          sheet, row: row, column: 1, styles.muted)
        row += 1
      }
      row += 1
    }
  }

  /// Charts of one subject's weekly rows, two per line; returns the next free row.
  private func insertCharts(
    for subject: SubjectReport, weeklyStart: Int, at row: Int, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook
  ) throws -> Int {
    let weekly = try subject.weekly
    guard !weekly.isEmpty else { return row }
    let first = weeklyStart, last = weeklyStart + weekly.count - 1
    func range(_ column: Int) -> XlsxWorkbook.CellRange {
      XlsxWorkbook.CellRange(sheet: "Weekly", firstRow: first, firstColumn: column, lastRow: last, lastColumn: column)
    }
    let weeks = range(1)
    var charts: [XlsxWorkbook.Chart] = []
    let buckets = weekly.map(\.bucket)
    let rated = ["trust", "safety", "communication"].filter { name in buckets.contains { $0.rating(name) != nil } }
    if !rated.isEmpty {
      let chart = try workbook.addChart(.line, title: "Weekly ratings", valueAxis: 0...10)
      for name in rated { try workbook.addSeries(chart, name: name, categories: weeks, values: range(RollupLayout.column(of: name))) }
      charts.append(chart)
    }
    if buckets.contains(where: { $0.texts > 0 }) {
      let chart = try workbook.addChart(.line, title: "Valence (mean per week)", valueAxis: -1...1, valueFormat: "0.0")
      try workbook.addSeries(chart, name: "valence", categories: weeks, values: range(RollupLayout.column(of: "Valence")))
      charts.append(chart)
    }
    let top = SubjectReport.topTags(in: weekly, kind: .emotion, limit: 5).map(\.tag)
    if !top.isEmpty {
      let chart = try workbook.addChart(.stackedColumn, title: "Emotions (mean intensity per text)")
      for tag in top {
        guard let index = Taxonomy.emotions.firstIndex(of: tag) else { continue }
        try workbook.addSeries(chart, name: tag, categories: weeks, values: range(RollupLayout.emotionColumn + index))
      }
      charts.append(chart)
    }
    if buckets.contains(where: { $0.checkInsHeld + $0.checkInsSkipped > 0 }) {
      let chart = try workbook.addChart(.stackedColumn, title: "Check-ins held and skipped")
      try workbook.addSeries(chart, name: "held", categories: weeks, values: range(RollupLayout.column(of: "Held")))
      try workbook.addSeries(chart, name: "skipped", categories: weeks, values: range(RollupLayout.column(of: "Skipped")))
      charts.append(chart)
    }
    var next = row
    for (index, chart) in charts.enumerated() {
      let top = row + (index / 2) * 16
      try workbook.insert(chart, into: sheet, row: top, column: index % 2 == 0 ? 0 : 2, xScale: 1.0, yScale: 1.0)
      next = top + 16
    }
    return next
  }
}
