public import TrustLensCore
import TrustLensTrends

/// Renders a report as an Excel workbook: `Summary` (one block per subject), `Entries` (one
/// row per analysed text, streamed), `Rejects`.
///
/// The file appears only when complete (temporary file + rename), mode 0600, and is
/// byte-identical for the same report and entries.
public struct WorkbookRenderer {
  public init() {}

  /// Writes the workbook to `path`.
  /// - Parameter forEachEntry: calls its argument once per analysed text, in output order.
  public func write(
    _ report: Report, to path: String,
    forEachEntry: ((AnalyzedRecord) throws -> Void) throws -> Void
  ) throws {
    let temporary = AtomicFile.temporaryPath(for: path)
    let folder = path.asPath.folder
    let workbook = try XlsxWorkbook(path: temporary, constantMemory: true, temporaryFolder: folder)
    let styles = Styles(workbook)
    try writeSummary(report, workbook, styles)
    try writeEntries(report, workbook, styles, forEachEntry: forEachEntry)
    try writeRejects(report, workbook, styles)
    try workbook.close()
    try AtomicFile.commit(temporary, to: path)
  }

  /// Characters that fit one line of the Summary's text column (width 70).
  static let textWidth = 78.0

  struct Styles {
    let title, header, bold, wrap, dateTime, date, number2, intensity, muted: XlsxWorkbook.Format
    let status: [RepairStatus: XlsxWorkbook.Format]

    init(_ workbook: XlsxWorkbook) {
      title = workbook.format(.init(bold: true, fontSize: 16))
      header = workbook.format(.init(bold: true, fontColor: 0xFFFFFF, background: 0x44546A))
      bold = workbook.format(.init(bold: true))
      wrap = workbook.format(.init(wrap: true, verticalTop: true))
      dateTime = workbook.format(.init(numberFormat: "yyyy-mm-dd hh:mm"))
      date = workbook.format(.init(numberFormat: "yyyy-mm-dd"))
      number2 = workbook.format(.init(numberFormat: "0.00"))
      intensity = workbook.format(.init(numberFormat: "0.00"))
      muted = workbook.format(.init(italic: true, fontColor: 0x595959))
      var status: [RepairStatus: XlsxWorkbook.Format] = [:]
      let colors: [RepairStatus: UInt32] = [
        .progress: 0xC6EFCE, .setback: 0xFFC7CE, .rushing: 0xFFC7CE, .avoidance: 0xFFEB9C,
        .plateau: 0xDDEBF7, .insufficientData: 0xEDEDED,
      ]
      for (key, color) in colors { status[key] = workbook.format(.init(bold: true, background: color)) }
      self.status = status
    }
  }

  // MARK: Summary

  private func writeSummary(_ report: Report, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    let sheet = try workbook.addSheet("Summary")
    try workbook.setColumn(sheet, first: 0, last: 0, width: 22)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 70)
    try workbook.setColumn(sheet, first: 2, last: 5, width: 12)
    try workbook.printSetup(sheet, pagesWide: 1)
    var row = 0
    try workbook.write("TrustLens report · \(report.pipeline)", sheet, row: row, column: 0, styles.title)
    row += 1
    let c = report.counts
    try workbook.write(
      "As of \(report.asOf?.description ?? "—") · \(c.records) records = \(c.entries) entries + \(c.checkIns) check-ins + \(c.rejected) rejected + \(c.duplicates) duplicates",
      sheet, row: row, column: 0, styles.muted)
    row += 2
    for subject in report.subjects {
      let a = subject.assessment
      try workbook.write(subject.displayName, sheet, row: row, column: 0, styles.title)
      try workbook.write(a.status.rawValue, sheet, row: row, column: 1, styles.status[a.status] ?? .none)
      row += 1
      try workbook.write("Period", sheet, row: row, column: 0, styles.bold)
      try workbook.write(
        "\(a.from?.description ?? "—") to \(a.to?.description ?? "—") · \(a.entries) entries · \(a.checkIns) check-ins (\(a.skippedCheckIns) skipped)",
        sheet, row: row, column: 1)
      row += 1
      func wrapped(_ text: String, label: String?) throws {
        let lines = max(1, Int((Double(text.count) / WorkbookRenderer.textWidth).rounded(.up)))
        if lines > 1 { try workbook.setRowHeight(sheet, row: row, height: 15 * Double(lines)) }
        if let label { try workbook.write(label, sheet, row: row, column: 0, styles.bold) }
        try workbook.write(text, sheet, row: row, column: 1, styles.wrap)
        row += 1
      }
      for (index, sentence) in a.statusEvidence.enumerated() {
        try wrapped(sentence, label: index == 0 ? "Why" : nil)
      }
      for signal in a.signals {
        try wrapped(
          "\(signal.from) to \(signal.to), strength \(Int((signal.strength * 100).rounded()))%",
          label: "Signal: \(signal.kind)")
        for sentence in signal.evidence where !a.statusEvidence.contains(sentence) {
          try wrapped("· " + sentence, label: nil)
        }
      }
      if !a.metrics.isEmpty {
        for (column, title) in ["", "Measure", "First", "Last", "Slope / week", "Trend p"].enumerated() {
          try workbook.write(title, sheet, row: row, column: column, styles.header)
        }
        row += 1
        for name in a.metrics.keys.sorted() {
          let metric = a.metrics[name]!
          try workbook.write(name, sheet, row: row, column: 1)
          try workbook.write(metric.first, sheet, row: row, column: 2, styles.number2)
          try workbook.write(metric.last, sheet, row: row, column: 3, styles.number2)
          if let slope = metric.slopePerWeek { try workbook.write(slope, sheet, row: row, column: 4, styles.number2) }
          if let p = metric.trendP { try workbook.write(p, sheet, row: row, column: 5, styles.number2) }
          row += 1
        }
      }
      row += 1
    }
  }

  // MARK: Entries

  /// Entries columns: Date, Subject, Kind, Words, Valence, one per tag, Evidence, Source, ID.
  private func writeEntries(
    _ report: Report, _ workbook: XlsxWorkbook, _ styles: Styles,
    forEachEntry: ((AnalyzedRecord) throws -> Void) throws -> Void
  ) throws {
    let sheet = try workbook.addSheet("Entries")
    let tags = report.categories.map(\.name)
    let fixed = ["Date", "Subject", "Kind", "Words", "Valence"]
    let trailing = ["Evidence", "Source", "ID"]
    let headers = fixed + tags + trailing
    try workbook.setColumn(sheet, first: 0, last: 0, width: 16)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 14)
    try workbook.setColumn(sheet, first: 2, last: 4, width: 8)
    if !tags.isEmpty { try workbook.setColumn(sheet, first: 5, last: 4 + tags.count, width: 11) }
    try workbook.setColumn(sheet, first: 5 + tags.count, last: 5 + tags.count, width: 60)
    try workbook.setColumn(sheet, first: 6 + tags.count, last: 7 + tags.count, width: 24)
    for (column, title) in headers.enumerated() {
      try workbook.write(title, sheet, row: 0, column: column, styles.header)
    }
    workbook.freeze(sheet, rows: 1, columns: 0)
    try workbook.printSetup(sheet, pagesWide: 0, headerRows: 1)
    var row = 0
    try forEachEntry { record in
      row += 1
      let a = record.analysis
      let dateFormat = record.date.secondsOfDay == nil ? styles.date : styles.dateTime
      try workbook.write(XlsxWorkbook.serial(record.date), sheet, row: row, column: 0, dateFormat)
      try workbook.write(record.subject, sheet, row: row, column: 1)
      try workbook.write(record.kind.rawValue, sheet, row: row, column: 2)
      try workbook.write(Double(a.words), sheet, row: row, column: 3)
      try workbook.write(a.valence, sheet, row: row, column: 4, styles.number2)
      for (index, tag) in tags.enumerated() {
        let value = a.intensity(of: tag)
        if value > 0 { try workbook.write(value, sheet, row: row, column: 5 + index, styles.intensity) }
      }
      let evidence = a.evidence.map { "\($0.tag): \($0.match)\($0.rules.isEmpty ? "" : " (\($0.rules.joined(separator: ", ")))")" }
      if !evidence.isEmpty {
        try workbook.write(evidence.joined(separator: "; "), sheet, row: row, column: 5 + tags.count)
      }
      try workbook.write(record.source.description, sheet, row: row, column: 6 + tags.count)
      try workbook.write(record.id, sheet, row: row, column: 7 + tags.count)
    }
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: headers.count - 1)
  }

  // MARK: Rejects

  private func writeRejects(_ report: Report, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    let sheet = try workbook.addSheet("Rejects")
    try workbook.setColumn(sheet, first: 0, last: 0, width: 50)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 8)
    try workbook.setColumn(sheet, first: 2, last: 2, width: 70)
    for (column, title) in ["File", "Line", "Reason"].enumerated() {
      try workbook.write(title, sheet, row: 0, column: column, styles.header)
    }
    for (index, reject) in report.rejects.enumerated() {
      try workbook.write(reject.source.file, sheet, row: index + 1, column: 0)
      try workbook.write(Double(reject.source.line), sheet, row: index + 1, column: 1)
      try workbook.write(reject.reason, sheet, row: index + 1, column: 2)
    }
    if report.counts.rejected > report.rejects.count {
      try workbook.write(
        "… \(report.counts.rejected - report.rejects.count) more in rejects.csv", sheet,
        row: report.rejects.count + 1, column: 0, styles.muted)
    }
  }
}

/// The folder part of a path, without Foundation's NSString.
struct NSStringPath {
  let path: String
  var folder: String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}

extension String {
  var asPath: NSStringPath { NSStringPath(path: self) }
}
