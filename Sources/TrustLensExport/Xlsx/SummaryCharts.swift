import TrustLensCore
import TrustLensTrends

/// A subject's native charts on the Summary sheet, drawn over its rows of the Weekly sheet
/// (one row per week from its first week to its last, so every chart has one time base):
/// repair ratings, self-care and mood, valence, its four strongest emotions (share of the
/// week's texts carrying each, 0–100%), and check-ins held and skipped (a count axis).
/// The category axis holds the weeks' labels, one category per week, so bars are a week wide;
/// empty weeks are gaps, and a line series with gaps or few points gets a marker per point.
struct SummaryCharts {
  let subject: SubjectReport
  /// The subject's first data row on the Weekly sheet.
  let weeklyStart: Int

  /// Rows a chart takes on the Summary (480 × 288 pixels at the default row height).
  static let rowsPerChart = 16
  /// A line series gets markers below this many points, or when it has gaps.
  static let markerLimit = 30

  /// Inserts the charts two per line from `row`; returns the next free row.
  func insert(at row: Int, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook) throws -> Int {
    let weeks = WeekAxis.weeks(try subject.weekly)
    guard !weeks.isEmpty else { return row }
    let last = weeklyStart + weeks.count - 1
    func range(_ column: Int) -> XlsxWorkbook.CellRange {
      XlsxWorkbook.CellRange(sheet: "Weekly", firstRow: weeklyStart, firstColumn: column, lastRow: last, lastColumn: column)
    }
    let labels = range(RollupLayout.period)
    let labelEvery = max(1, weeks.count / 12)
    /// Whether a series (a value per week or nil) wants markers: few points, or gaps.
    func markers(_ values: [Double?]) -> Bool {
      let present = values.indices.filter { values[$0] != nil }
      guard let first = present.first, let end = present.last else { return false }
      return present.count < SummaryCharts.markerLimit || present.count < end - first + 1
    }
    var charts: [XlsxWorkbook.Chart] = []
    func lineChart(_ title: String, _ axis: XlsxWorkbook.ValueAxis, _ series: [(name: String, column: Int, values: [Double?])]) throws {
      let present = series.filter { $0.values.contains { $0 != nil } }
      guard !present.isEmpty else { return }
      let chart = try workbook.addChart(.line, title: title, valueAxis: axis, labelEvery: labelEvery)
      for item in present {
        try workbook.addSeries(chart, name: item.name, categories: labels, values: range(item.column), markers: markers(item.values))
      }
      charts.append(chart)
    }
    func ratings(_ group: [Rating]) -> [(name: String, column: Int, values: [Double?])] {
      group.map { rating in (rating.label, RollupLayout.column(of: rating), weeks.map { $0.bucket?.rating(rating.rawValue) }) }
    }
    let repair = ratings(Rating.repair), personal = ratings([.selfCare, .mood])
    let top = (repair + personal).flatMap(\.values).compactMap { $0 }.max() ?? 0
    let scale = XlsxWorkbook.ValueAxis(range: 0...max(10, top.rounded(.up)), format: "0", step: 2)
    try lineChart("Repair ratings (weekly mean)", scale, repair)
    try lineChart("Self-care and mood (weekly mean)", scale, personal)
    try lineChart(
      "Valence (weekly mean, −1 to 1)", XlsxWorkbook.ValueAxis(range: -1...1, format: "0.0", step: 0.5),
      [("valence", RollupLayout.valence, weeks.map { $0.bucket?.meanValence })])
    let emotions = SubjectReport.topTags(in: try subject.weekly, kind: .emotion, limit: 4).compactMap { item in
      RollupLayout.column(ofEmotion: item.tag).map { column in
        (name: item.tag, column: column, values: weeks.map { week -> Double? in
          guard let bucket = week.bucket, bucket.texts > 0 else { return nil }
          return Double(bucket.tagCounts[item.tag] ?? 0) / Double(bucket.texts)
        })
      }
    }
    try lineChart("Emotions (share of the week's texts)", XlsxWorkbook.ValueAxis(range: 0...1, format: "0%", step: 0.25), emotions)
    let checkIns = weeks.map { ($0.bucket?.checkInsHeld ?? 0) + ($0.bucket?.checkInsSkipped ?? 0) }
    if let most = checkIns.max(), most > 0 {
      let axis = XlsxWorkbook.ValueAxis(range: 0...Double(max(most, 1)), format: "0", step: most <= 10 ? 1 : nil)
      let chart = try workbook.addChart(.stackedColumn, title: "Check-ins held and skipped (per week)", valueAxis: axis, labelEvery: labelEvery)
      try workbook.addSeries(chart, name: "held", categories: labels, values: range(RollupLayout.held))
      try workbook.addSeries(chart, name: "skipped", categories: labels, values: range(RollupLayout.skipped))
      charts.append(chart)
    }
    var next = row
    for (index, chart) in charts.enumerated() {
      let top = row + (index / 2) * SummaryCharts.rowsPerChart
      try workbook.insert(chart, into: sheet, row: top, column: index % 2 == 0 ? 0 : 2, xScale: 1.0, yScale: 1.0)
      next = top + SummaryCharts.rowsPerChart
    }
    return next
  }
}
