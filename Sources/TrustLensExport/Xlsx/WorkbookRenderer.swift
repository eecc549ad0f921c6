public import TrustLensCore
import Foundation
import TrustLensTrends

/// Renders a report as an Excel workbook (in one go; ``StreamingWorkbook`` fills the
/// Entries sheet while records still arrive).
///
/// Sheets: `Summary` (per subject: status, evidence, signals, metrics and native charts),
/// `Entries` (one row per analysed text, streamed; continues on `Entries (2)`… past Excel's
/// row limit), `Weekly` and `Monthly` rollups, `Check-ins`, `Signals`, `Rejects` and `About`.
/// Constant-memory mode: memory does not grow with rows. The file appears only when complete
/// (temporary file + rename), mode 0600, byte-identical for the same report and records.
/// Text from input is always written as a string, never a formula.
public struct WorkbookRenderer {
  /// Data rows per Entries sheet: Excel's 1,048,576 rows less the header.
  public var rowsPerSheet: Int
  /// Threads that deflate the workbook's sheets when it closes, after its rows are written and
  /// the cores are free: every core by default. The 1.1 GB of Entries XML of a 1M-row run,
  /// deflated on one thread, made the last 7 s of the run; on two, 5 s. The file's bytes are
  /// the same for any count.
  public var deflateThreads: Int

  public init(rowsPerSheet: Int = 1_048_575, deflateThreads: Int? = nil) {
    self.rowsPerSheet = rowsPerSheet
    self.deflateThreads = deflateThreads ?? ProcessInfo.processInfo.activeProcessorCount
  }

  /// Writes the workbook to `path`, reading per-record rows of `subject` (all when `nil`)
  /// from `records`.
  public func write(_ report: Report, records: some RecordSource, subject: String? = nil, to path: String) throws {
    let book = try StreamingWorkbook(
      path: path, tags: report.categories.map(\.name), month: report.subjects.contains { $0.month != nil },
      overview: report.subjects.count > 1, renderer: self)
    try records.forEachEntry(subject: subject) { try book.add($0) }
    try book.finish(report, records: records, subject: subject)
  }

  /// The hidden folder beside a workbook that holds libxlsxwriter's temporary files.
  public static let scratchFolder = ".trustlens-tmp"

  /// Characters that fit one line of the Summary's text column (width 70).
  static let textWidth = 78.0

  /// Subjects whose Summary block has charts, in attention order. A caseload of thousands
  /// would otherwise get up to four charts each (5,712 for 1,428 subjects), which
  /// libxlsxwriter keeps in memory until the file is closed (the run's peak rose by ~28 MB in
  /// the stage where they were written). The others name their rows on the Weekly sheet.
  public static let chartedSubjects = 100

  struct Styles {
    let title, header, bold, wrap, dateTime, date, number2, intensity, muted, percent: XlsxWorkbook.Format
    let status: [RepairStatus: XlsxWorkbook.Format]

    init(_ workbook: XlsxWorkbook) {
      title = workbook.format(.init(bold: true, fontSize: 16))
      header = workbook.format(.init(bold: true, fontColor: 0xFFFFFF, background: 0x44546A))
      bold = workbook.format(.init(bold: true, verticalTop: true))
      wrap = workbook.format(.init(wrap: true, verticalTop: true))
      dateTime = workbook.format(.init(numberFormat: "yyyy-mm-dd hh:mm"))
      date = workbook.format(.init(numberFormat: "yyyy-mm-dd"))
      number2 = workbook.format(.init(numberFormat: "0.00"))
      intensity = workbook.format(.init(numberFormat: "0.00"))
      muted = workbook.format(.init(italic: true, fontColor: 0x595959))
      percent = workbook.format(.init(numberFormat: "0%"))
      var status: [RepairStatus: XlsxWorkbook.Format] = [:]
      let colors: [RepairStatus: UInt32] = [
        .progress: 0xC6EFCE, .setback: 0xFFC7CE, .rushing: 0xFFC7CE, .avoidance: 0xFFEB9C,
        .plateau: 0xDDEBF7, .insufficientData: 0xEDEDED,
      ]
      for (key, color) in colors { status[key] = workbook.format(.init(bold: true, background: color)) }
      self.status = status
    }
  }

  /// Writes a header row in the header style.
  func header(_ titles: [String], _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles, row: Int = 0) throws {
    for (column, title) in titles.enumerated() { try workbook.write(title, sheet, row: row, column: column, styles.header) }
  }
}

/// Where each subject's rows sit in the Weekly and Monthly sheets (charts point at them).
struct RollupLayout {
  /// First data row of each subject in Weekly, by index in `report.subjects`.
  let weeklyStart: [Int]
  let monthlyStart: [Int]

  init(_ report: Report) {
    var row = 1
    var weekly: [Int] = []
    for subject in report.subjects {
      weekly.append(row)
      row += subject.rollups.weeklyCount
    }
    row = 1
    var monthly: [Int] = []
    for subject in report.subjects {
      monthly.append(row)
      row += subject.rollups.monthlyCount
    }
    weeklyStart = weekly
    monthlyStart = monthly
  }

  /// Rollup columns: fixed measures, then the built-in emotions' mean intensities.
  static let measures = ["Texts", "Entries", "Valence", "trust", "safety", "communication", "self_care", "mood", "Held", "Skipped", "Commitments made", "Commitments kept"]
  static let emotionColumn = 2 + measures.count
  static func column(of measure: String) -> Int { 2 + measures.firstIndex(of: measure)! }
}

/// The folder part of a path.
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

/// A workbook whose Entries sheet is filled while records stream in (``add(_:)``, on any one
/// thread at a time), and whose other sheets are written by ``finish(_:records:subject:)``
/// once the report is known. Sheets that come before Entries in tab order (Month, Overview,
/// Summary) are created up front and filled at the end: constant-memory mode only asks that
/// each sheet be written top to bottom.
///
/// Until ``finish(_:records:subject:)`` succeeds nothing appears at `path`; a workbook
/// dropped unfinished leaves no file behind.
public final class StreamingWorkbook {
  private let path: String
  private let temporary: String
  private let scratch: String
  private let renderer: WorkbookRenderer
  private let workbook: XlsxWorkbook
  private let styles: WorkbookRenderer.Styles
  private let month: XlsxWorkbook.Sheet?
  private let overview: XlsxWorkbook.Sheet?
  private let summary: XlsxWorkbook.Sheet
  private var entries: EntriesSheet
  private var committed = false

  /// - Parameters:
  ///   - tags: the tag columns of the Entries sheet (the report's categories, in order).
  ///   - month: whether the report will carry a monthly trend sheet (hidden if it does not).
  ///   - overview: whether to make the caseload Overview sheet; when the report turns out to
  ///     have a single subject it is hidden.
  public init(path: String, tags: [String], month: Bool, overview: Bool, renderer: WorkbookRenderer = WorkbookRenderer()) throws {
    self.path = path
    self.renderer = renderer
    temporary = AtomicFile.temporaryPath(for: path)
    // libxlsxwriter's own temporary files (constant-memory rows) go to a hidden folder beside
    // the workbook: private like the outputs, and removed by the next run if this one is killed.
    scratch = path.asPath.folder + "/" + WorkbookRenderer.scratchFolder
    // Only the scratch folder is created here, never the workbook's own folder; a link
    // planted at its name is refused, never followed.
    try RunFolder.makeSubfolder(scratch)
    // The temporary is created here, exclusively and without following a link, so that
    // libxlsxwriter (which opens it by name when it closes) writes into a file of this run.
    try FileSink(path: temporary).close()
    workbook = try XlsxWorkbook(path: temporary, constantMemory: true, temporaryFolder: scratch, deflateThreads: renderer.deflateThreads)
    styles = WorkbookRenderer.Styles(workbook)
    // Sheets are created in tab order; each is written top to bottom (constant memory).
    self.month = month ? try workbook.addSheet("Month") : nil
    self.overview = overview ? try workbook.addSheet("Overview") : nil
    summary = try workbook.addSheet("Summary")
    entries = try EntriesSheet(
      first: try workbook.addSheet("Entries", largeRows: true), tags: tags, rowsPerSheet: renderer.rowsPerSheet, workbook, styles)
  }

  /// Adds one row to the Entries sheet.
  public func add(_ record: AnalyzedRecord) throws { try entries.add(record) }

  /// Writes the report's sheets and the check-ins of `subject` (all when nil) from
  /// `records`, then the file.
  public func finish(_ report: Report, records: some RecordSource, subject: String?) throws {
    defer { rmdir(scratch) }
    let layout = RollupLayout(report)
    try entries.finish()
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
    try renderer.writeRollup(report, period: .week, layout, try workbook.addSheet("Weekly"), workbook, styles)
    try renderer.writeRollup(report, period: .month, layout, try workbook.addSheet("Monthly"), workbook, styles)
    try renderer.writeCheckIns(records, subject, try workbook.addSheet("Check-ins"), workbook, styles)
    try renderer.writeSignals(report, try workbook.addSheet("Signals"), workbook, styles)
    try renderer.writeRejects(report, try workbook.addSheet("Rejects"), workbook, styles)
    try renderer.writeAbout(report, try workbook.addSheet("About"), workbook, styles)
    try workbook.close()
    try AtomicFile.commit(temporary, to: path)
    committed = true
  }

  deinit {
    if !committed { unlink(temporary) }
  }
}
