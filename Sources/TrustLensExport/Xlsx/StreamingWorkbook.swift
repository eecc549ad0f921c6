package import TrustLensCore
import Foundation

/// A workbook that takes its Entries rows while records stream in (``add(_:)``, on any one
/// thread at a time) and writes them, with every other sheet, in
/// ``finish(_:records:subject:)`` once the report is known. The rows wait in an anonymous
/// spill file (``SortedEntries``) so the Entries sheet can run by subject, then date, whatever
/// order the records came in; memory keeps 16 bytes per row. Sheets are created in tab order
/// (Month, Overview, Summary, Entries, …) and each is written top to bottom, as
/// constant-memory mode asks.
///
/// Until ``finish(_:records:subject:)`` succeeds nothing appears at `path`; a workbook
/// dropped unfinished leaves no file behind.
package final class StreamingWorkbook {
  private let path: String
  private let temporary: String
  private let scratch: String
  private let renderer: WorkbookRenderer
  private let workbook: XlsxWorkbook
  private let styles: WorkbookRenderer.Styles
  private let tags: [String]
  private let month: XlsxWorkbook.Sheet?
  private let overview: XlsxWorkbook.Sheet?
  private let summary: XlsxWorkbook.Sheet
  private let entriesSheet: XlsxWorkbook.Sheet
  private let rows: SortedEntries
  private var extent = EntriesSheet.Extent()
  private var committed = false
  private let keepsText: Bool

  /// - Parameters:
  ///   - tags: the tag columns of the Entries sheet (the report's categories, in order).
  ///   - month: whether the report will carry a monthly trend sheet (hidden if it does not).
  ///   - overview: whether to make the caseload Overview sheet; when the report turns out to
  ///     have a single subject it is hidden.
  ///   - keepsText: whether the waiting rows keep their texts; false when the report will
  ///     not show them (`Report.showsText`), so they are never spilled.
  package init(
    path: String, tags: [String], month: Bool, overview: Bool, keepsText: Bool = true, renderer: WorkbookRenderer = WorkbookRenderer()
  ) throws {
    self.keepsText = keepsText
    self.path = path
    self.renderer = renderer
    self.tags = tags
    temporary = AtomicFile.temporaryPath(for: path)
    // libxlsxwriter's own temporary files (constant-memory rows) and the waiting Entries rows
    // go to a hidden folder beside the workbook: private like the outputs, and removed by the
    // next run if this one is killed.
    scratch = StreamingWorkbook.folder(of: path) + "/" + WorkbookRenderer.scratchFolder
    // Only the scratch folder is created here, never the workbook's own folder; a link
    // planted at its name is refused, never followed.
    try RunFolder.makeSubfolder(scratch)
    rows = try SortedEntries(folder: scratch)
    // The temporary is created here, exclusively and without following a link, so that
    // libxlsxwriter (which opens it by name when it closes) writes into a file of this run.
    try FileSink(path: temporary).close()
    workbook = try XlsxWorkbook(path: temporary, constantMemory: true, temporaryFolder: scratch, deflateThreads: renderer.deflateThreads)
    styles = WorkbookRenderer.Styles(workbook)
    // Sheets are created in tab order; each is written top to bottom (constant memory).
    self.month = month ? try workbook.addSheet("Month") : nil
    self.overview = overview ? try workbook.addSheet("Overview") : nil
    summary = try workbook.addSheet("Summary")
    entriesSheet = try workbook.addSheet("Entries", largeRows: true)
  }

  /// Keeps one row of the Entries sheet.
  package func add(_ record: AnalyzedRecord) throws {
    if keepsText {
      try rows.add(record)
    } else {
      var record = record
      record.text = ""
      try rows.add(record)
    }
    extent.include(record)
  }

  /// Writes the Entries rows (with their text when `report.showsText`), the report's sheets
  /// and the check-ins of `subject` (all when nil) from `records`, then the file.
  package func finish(_ report: Report, records: some RecordSource, subject: String?) throws {
    defer { rmdir(scratch) }
    let footer = WorkbookRenderer.footer(report)
    var entries = try EntriesSheet(
      first: entriesSheet, tags: tags, showsText: report.showsText, extent: extent, footer: footer,
      rowsPerSheet: renderer.rowsPerSheet, workbook, styles)
    try rows.forEach { try entries.add($0) }
    try entries.finish()
    let layout = RollupLayout(report)
    let showsMonth = report.subjects.contains { $0.month != nil }, showsOverview = report.subjects.count > 1
    if let month { try renderer.writeMonth(report, month, workbook, styles) }
    if let overview { try renderer.writeOverview(report, overview, workbook, styles) }
    if let month, !showsMonth { workbook.hide(month) }
    if let overview, !showsOverview { workbook.hide(overview) }
    if (month != nil && !showsMonth) || (overview != nil && !showsOverview) {
      // Hiding resets the sheet that opens: open the first one still shown.
      workbook.activate((showsMonth ? month : nil) ?? (showsOverview ? overview : nil) ?? summary)
    }
    try renderer.writeSummary(report, layout, summary, workbook, styles)
    try renderer.writeWeekly(report, layout, try workbook.addSheet("Weekly"), workbook, styles)
    try renderer.writeMonthly(report, try workbook.addSheet("Monthly"), workbook, styles)
    try renderer.writeCheckIns(report, records, subject, try workbook.addSheet("Check-ins"), workbook, styles)
    try renderer.writeSignals(report, try workbook.addSheet("Signals"), workbook, styles)
    if !report.ownTags.isEmpty { try renderer.writeOwnTags(report, try workbook.addSheet("Own tags"), workbook, styles) }
    try renderer.writeRejects(report, try workbook.addSheet("Rejects"), workbook, styles)
    try renderer.writeAbout(report, try workbook.addSheet("About"), workbook, styles)
    try workbook.close()
    try AtomicFile.commit(temporary, to: path)
    committed = true
  }

  deinit {
    if !committed { unlink(temporary) }
  }

  /// The folder part of a path (`.` for a bare file name).
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
