import TrustLensCore
import Foundation
import TrustLensTrends

/// Renders a report as an Excel workbook (in one go; ``StreamingWorkbook`` takes the Entries
/// rows while records still arrive).
///
/// Sheets: `Summary` (per subject: status, evidence, signals, metrics and native charts),
/// `Entries` (one row per analysed text with its text, by subject then date; continues on
/// `Entries (2)`… past Excel's row limit), `Weekly` and `Monthly` rollups, `Check-ins`,
/// `Signals`, `Rejects` and `About`; every sheet prints landscape, fitted to the page width,
/// with its header row repeated and a footer naming the pipeline, the subject and the page.
/// Constant-memory mode: memory does not grow with rows. The file appears only when complete
/// (temporary file + rename), mode 0600, byte-identical for the same report and records.
/// Text from input is always written as a string, never a formula.
package struct WorkbookRenderer {
  /// Data rows per Entries sheet: Excel's 1,048,576 rows less the header.
  package var rowsPerSheet: Int
  /// Threads that deflate the workbook's sheets when it closes, after its rows are written and
  /// the cores are free: every core by default. The 1.1 GB of Entries XML of a 1M-row run,
  /// deflated on one thread, made the last 7 s of the run; on two, 5 s. The file's bytes are
  /// the same for any count.
  package var deflateThreads: Int

  package init(rowsPerSheet: Int = 1_048_575, deflateThreads: Int? = nil) {
    self.rowsPerSheet = rowsPerSheet
    self.deflateThreads = deflateThreads ?? ProcessInfo.processInfo.activeProcessorCount
  }

  /// Writes the workbook to `path`, reading per-record rows of `subject` (all when `nil`)
  /// from `records`.
  package func write(_ report: Report, records: some RecordSource, subject: String? = nil, to path: String) throws {
    let book = try StreamingWorkbook(
      path: path, tags: report.categories.map(\.name), month: report.subjects.contains { $0.month != nil },
      overview: report.subjects.count > 1, renderer: self)
    try records.forEachEntry(subject: subject) { try book.add($0) }
    try book.finish(report, records: records, subject: subject)
  }

  /// The hidden folder beside a workbook that holds libxlsxwriter's temporary files.
  package static let scratchFolder = ".trustlens-tmp"

  /// Characters that fit one line of the Summary's text column (width 70).
  static let textWidth = 78.0

  /// Subjects whose Summary block has charts, in attention order. A caseload of thousands
  /// would otherwise get up to four charts each (5,712 for 1,428 subjects), which
  /// libxlsxwriter keeps in memory until the file is closed (the run's peak rose by ~28 MB in
  /// the stage where they were written). The others name their rows on the Weekly sheet.
  package static let chartedSubjects = 100

  struct Styles {
    let title, header, headerRight, bold, wrap, top, dateTime, date, number2, integer, intensity, muted, percent, pValue:
      XlsxWorkbook.Format
    let status: [RepairStatus: XlsxWorkbook.Format]

    init(_ workbook: XlsxWorkbook) {
      title = workbook.format(.init(bold: true, fontSize: 16))
      header = workbook.format(.init(bold: true, fontColor: 0xFFFFFF, background: 0x44546A))
      headerRight = workbook.format(.init(bold: true, fontColor: 0xFFFFFF, background: 0x44546A, alignRight: true))
      bold = workbook.format(.init(bold: true, verticalTop: true))
      wrap = workbook.format(.init(wrap: true, verticalTop: true))
      top = workbook.format(.init(verticalTop: true))
      dateTime = workbook.format(.init(numberFormat: "yyyy-mm-dd hh:mm", verticalTop: true))
      date = workbook.format(.init(numberFormat: "yyyy-mm-dd", verticalTop: true))
      number2 = workbook.format(.init(numberFormat: "0.00", verticalTop: true))
      integer = workbook.format(.init(numberFormat: "0", verticalTop: true))
      intensity = workbook.format(.init(numberFormat: "0.00", verticalTop: true))
      muted = workbook.format(.init(italic: true, fontColor: 0x595959))
      percent = workbook.format(.init(numberFormat: "0%", verticalTop: true))
      // A p-value as the evidence sentences write it: `< 0.001` below 0.001, else 0.012.
      pValue = workbook.format(.init(numberFormat: #"[<0.001]"< 0.001";0.000"#, verticalTop: true))
      var status: [RepairStatus: XlsxWorkbook.Format] = [:]
      let colors: [RepairStatus: UInt32] = [
        .progress: 0xC6EFCE, .setback: 0xFFC7CE, .rushing: 0xFFC7CE, .avoidance: 0xFFEB9C,
        .plateau: 0xDDEBF7, .insufficientData: 0xEDEDED,
      ]
      for (key, color) in colors { status[key] = workbook.format(.init(bold: true, background: color, verticalTop: true)) }
      self.status = status
    }
  }

  /// Writes a header row in the header style (right-aligned over number columns), with its
  /// notes.
  static func header(_ columns: [SheetColumn], _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles, row: Int = 0, from first: Int = 0) throws {
    for (index, column) in columns.enumerated() {
      try workbook.write(column.title, sheet, row: row, column: first + index, column.number ? styles.headerRight : styles.header)
      if let note = column.note { try workbook.note(note, sheet, row: row, column: first + index) }
    }
  }

  /// Starts a table sheet: column widths, the header row, frozen panes, and the print setup
  /// (the header row repeated on every page).
  static func table(
    _ columns: [SheetColumn], _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles, freezeColumns: Int = 0,
    footer: (left: String, center: String), lastPrintedColumn: Int? = nil
  ) throws {
    for (index, column) in columns.enumerated() {
      try workbook.setColumn(sheet, first: index, last: index, width: column.shownWidth)
    }
    try header(columns, sheet, workbook, styles)
    workbook.freeze(sheet, rows: 1, columns: freezeColumns)
    try workbook.printSetup(sheet, headerRows: 1, footer: footer, lastPrintedColumn: lastPrintedColumn)
  }

  /// The footer of every printed page: the pipeline on the left, whose report it is in the
  /// middle (the subject, or the number of subjects), the page on the right.
  static func footer(_ report: Report) -> (left: String, center: String) {
    let whose = report.subjects.count == 1 ? report.subjects[0].displayName : NumberText.count(report.subjects.count, "subject")
    return ("TrustLens · \(report.pipeline)", whose)
  }
}
