internal import CXlsxWriter
internal import CXlsxShims
import Foundation
import TrustLensCore

/// The thin, private boundary to libxlsxwriter.
///
/// One owner: the workbook is closed (written and freed) exactly once, by ``close()`` or,
/// if never called, freed by `deinit` without writing a file. Every `lxw_error` becomes an
/// ``XlsxError``. Rows and columns are zero-based. Text is always written as a string, never
/// a formula; strings longer than Excel's 32,767 characters are cut with a marker.
final class XlsxWorkbook {
  struct Sheet {
    fileprivate let pointer: UnsafeMutablePointer<lxw_worksheet>
    let name: String
  }

  struct Format {
    fileprivate let pointer: UnsafeMutablePointer<lxw_format>?
    static var none: Format { Format(pointer: nil) }
  }

  struct Chart {
    fileprivate let pointer: UnsafeMutablePointer<lxw_chart>
  }

  enum ChartKind {
    case line, stackedColumn

    var code: UInt8 {
      switch self {
      case .line: return UInt8(LXW_CHART_LINE.rawValue)
      case .stackedColumn: return UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
      }
    }
  }

  /// A chart's value axis: its range, its number format, and the step between its labels
  /// (1 for counts, so a count axis never reads 0.2, 0.4 …).
  struct ValueAxis {
    var range: ClosedRange<Double>?
    var format: String?
    var step: Double?
  }

  /// A block of cells on one sheet (zero-based, inclusive).
  struct CellRange {
    var sheet: String
    var firstRow: Int
    var firstColumn: Int
    var lastRow: Int
    var lastColumn: Int
  }

  struct FormatSpec: Hashable {
    var bold = false
    var italic = false
    var wrap = false
    var numberFormat: String?
    var fontSize: Double?
    var fontColor: UInt32?
    var background: UInt32?
    var verticalTop = false
    /// Right-aligned: headers over number columns.
    var alignRight = false
  }

  let path: String
  private var workbook: UnsafeMutablePointer<lxw_workbook>?
  private var formats: [FormatSpec: Format] = [:]
  /// C strings handed to libxlsxwriter that must outlive the workbook.
  private var retained: [UnsafeMutablePointer<CChar>] = []
  /// 64 KB stdio buffers for libxlsxwriter's temporary files where they are large: the row
  /// files of sheets added with `largeRows`, and the files it writes each sheet's XML into
  /// when the workbook closes (the first ``largeFileBuffers``; the sheets come first). With
  /// stdio's default of 4 KB, the 1.1 GB of a 1M-row Entries sheet takes some 280,000 write
  /// calls each time it is written. Freed with the workbook, except those of files libxlsxwriter left
  /// open (see `Sources/CXlsxShims/XlsxTempFiles.c`).
  private let tempFileBuffers = trustlens_xlsx_buffers_new(XlsxWorkbook.largeFileBuffers)
  private static let largeFileBuffers: Int32 = 40

  /// The deflate level of the workbook's zip entries. Deflating the sheets is most of the
  /// time spent closing a big workbook: with 1M Entries rows closing took 16.4 s at
  /// libxlsxwriter's fixed level 6 and 9.1 s at level 2; a 100k-row workbook grew from 12.8
  /// to 17.9 MB. Level 2 compressed the Entries XML as fast as level 1, and smaller.
  static let deflateLevel: Int32 = 2

  /// How many threads deflate each zip entry when the workbook closes (see
  /// `Sources/CXlsxShims`).
  let deflateThreads: Int

  /// Starts a workbook that will be written to `path` on ``close()``.
  init(path: String, constantMemory: Bool, temporaryFolder: String, deflateThreads: Int) throws(XlsxError) {
    self.path = path
    self.deflateThreads = deflateThreads
    _ = trustlens_set_xlsx_zip_level(XlsxWorkbook.deflateLevel)
    var options = lxw_workbook_options()
    options.constant_memory = constantMemory ? 1 : 0
    options.tmpdir = try retain(temporaryFolder)
    options.use_zip64 = 1
    guard let workbook = workbook_new_opt(path, &options) else {
      throw XlsxError(path: path, reason: "cannot create the workbook")
    }
    self.workbook = workbook
    // Fixed document properties: the same inputs give byte-identical files.
    var properties = lxw_doc_properties()
    properties.title = try retain("TrustLens report")
    properties.author = try retain("TrustLens")
    properties.created = 1_767_225_600  // 2026-01-01T00:00:00Z
    workbook_set_properties(workbook, &properties)
  }

  /// A C copy of `text` that lives as long as the workbook (libxlsxwriter keeps the pointer).
  private func retain(_ text: String) throws(XlsxError) -> UnsafeMutablePointer<CChar> {
    guard let copy = strdup(text) else { throw XlsxError(path: path, reason: "out of memory") }
    retained.append(copy)
    return copy
  }

  deinit {
    if let workbook {
      // Never closed: free it without writing anything (its row files are anonymous).
      lxw_workbook_free(workbook)
    }
    trustlens_xlsx_buffers_free(tempFileBuffers)
    retained.forEach { free($0) }
  }

  /// Adds a sheet. `largeRows`: the sheet will hold many rows (the Entries sheet), so its
  /// temporary row file gets a larger buffer (see ``tempFileBuffers``).
  func addSheet(_ name: String, largeRows: Bool = false) throws(XlsxError) -> Sheet {
    if largeRows { trustlens_xlsx_buffers_collect(tempFileBuffers) }
    let sheet = workbook.flatMap { workbook_add_worksheet($0, name) }
    trustlens_xlsx_buffers_collect(nil)
    guard let sheet else { throw XlsxError(path: path, reason: "cannot add sheet \(name)") }
    return Sheet(pointer: sheet, name: name)
  }

  func format(_ spec: FormatSpec) -> Format {
    if let existing = formats[spec] { return existing }
    guard let workbook, let pointer = workbook_add_format(workbook) else { return .none }
    if spec.bold { format_set_bold(pointer) }
    if spec.italic { format_set_italic(pointer) }
    if spec.wrap { format_set_text_wrap(pointer) }
    if spec.verticalTop { format_set_align(pointer, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
    if spec.alignRight { format_set_align(pointer, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
    if let numberFormat = spec.numberFormat { format_set_num_format(pointer, numberFormat) }
    if let size = spec.fontSize { format_set_font_size(pointer, size) }
    if let color = spec.fontColor { format_set_font_color(pointer, lxw_color_t(color)) }
    if let color = spec.background {
      format_set_bg_color(pointer, lxw_color_t(color))
      format_set_pattern(pointer, UInt8(LXW_PATTERN_SOLID.rawValue))
    }
    let format = Format(pointer: pointer)
    formats[spec] = format
    return format
  }

  static let maxStringLength = 32_767

  func write(_ text: String, _ sheet: Sheet, row: Int, column: Int, _ format: Format = .none) throws(XlsxError) {
    let value = XlsxWorkbook.fitted(text) { _ in " …[cut by TrustLens]" }
    try check(worksheet_write_string(sheet.pointer, lxw_row_t(row), lxw_col_t(column), value, format.pointer))
  }

  /// `text` as it fits a cell: whole when it holds at most ``maxStringLength`` UTF-16 units
  /// (Excel's limit), else its start cut on a character boundary with `marker` — given the
  /// text's length in characters — before it (a marker ending in a space) or after it.
  static func fitted(_ text: String, marker: (Int) -> String) -> String {
    // UTF-16 never needs more units than UTF-8 bytes: count UTF-16 only for long texts.
    guard text.utf8.count > maxStringLength, text.utf16.count > maxStringLength else { return text }
    let mark = marker(text.count)
    var budget = maxStringLength - mark.utf16.count
    var kept = ""
    for character in text {
      budget -= character.utf16.count
      guard budget >= 0 else { break }
      kept.append(character)
    }
    return mark.hasSuffix(" ") ? mark + kept : kept + mark
  }

  /// Writes a number; non-finite values are left blank (Excel cannot store them).
  func write(_ number: Double, _ sheet: Sheet, row: Int, column: Int, _ format: Format = .none) throws(XlsxError) {
    guard number.isFinite else { return }
    try check(worksheet_write_number(sheet.pointer, lxw_row_t(row), lxw_col_t(column), number, format.pointer))
  }

  func setColumn(_ sheet: Sheet, first: Int, last: Int, width: Double, _ format: Format = .none) throws(XlsxError) {
    try check(worksheet_set_column(sheet.pointer, lxw_col_t(first), lxw_col_t(last), width, format.pointer))
  }

  /// Sets a row's height in points. In constant-memory mode call it before writing the row.
  func setRowHeight(_ sheet: Sheet, row: Int, height: Double) throws(XlsxError) {
    try check(worksheet_set_row(sheet.pointer, lxw_row_t(row), height, nil))
  }

  func freeze(_ sheet: Sheet, rows: Int, columns: Int) {
    worksheet_freeze_panes(sheet.pointer, lxw_row_t(rows), lxw_col_t(columns))
  }

  func autofilter(_ sheet: Sheet, lastRow: Int, lastColumn: Int) throws(XlsxError) {
    try check(worksheet_autofilter(sheet.pointer, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)))
  }

  /// A new chart with a title, its legend at the bottom, a value axis as given, and a
  /// category axis of text labels (one category per label, so each week's bar has the
  /// width of a week; `labelEvery`: show every n-th label); blank cells are gaps.
  func addChart(_ kind: ChartKind, title: String, valueAxis: ValueAxis = ValueAxis(), labelEvery: Int = 1) throws(XlsxError) -> Chart {
    guard let workbook, let chart = workbook_add_chart(workbook, kind.code) else {
      throw XlsxError(path: path, reason: "cannot add a chart")
    }
    chart_title_set_name(chart, title)
    chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
    chart_show_blanks_as(chart, UInt8(LXW_CHART_BLANKS_AS_GAP.rawValue))
    if let axis = chart.pointee.y_axis {
      if let range = valueAxis.range {
        chart_axis_set_min(axis, range.lowerBound)
        chart_axis_set_max(axis, range.upperBound)
      }
      if let format = valueAxis.format { chart_axis_set_num_format(axis, format) }
      if let step = valueAxis.step { chart_axis_set_major_unit(axis, step) }
    }
    if let axis = chart.pointee.x_axis {
      chart_axis_set_label_position(axis, UInt8(LXW_CHART_AXIS_LABEL_POSITION_LOW.rawValue))
      if labelEvery > 1 {
        chart_axis_set_interval_unit(axis, UInt16(clamping: labelEvery))
        chart_axis_set_interval_tick(axis, UInt16(clamping: labelEvery))
      }
    }
    return Chart(pointer: chart)
  }

  /// Adds a series named `name` plotting `values` against `categories`; `markers`: a dot on
  /// every point (a line series with gaps or few points is otherwise hard to see).
  func addSeries(_ chart: Chart, name: String, categories: CellRange, values: CellRange, markers: Bool = false) throws(XlsxError) {
    guard let series = chart_add_series(chart.pointer, nil, nil) else {
      throw XlsxError(path: path, reason: "cannot add a chart series")
    }
    if markers {
      chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
      chart_series_set_marker_size(series, 5)
    }
    chart_series_set_categories(
      series, categories.sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
      lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
    chart_series_set_values(
      series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn), lxw_row_t(values.lastRow),
      lxw_col_t(values.lastColumn))
    chart_series_set_name(series, name)
  }

  /// Places `chart` with its top-left corner at a cell, scaled from the default 480×288 px.
  func insert(_ chart: Chart, into sheet: Sheet, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws(XlsxError) {
    var options = lxw_chart_options()
    options.x_scale = xScale
    options.y_scale = yScale
    try check(worksheet_insert_chart_opt(sheet.pointer, lxw_row_t(row), lxw_col_t(column), chart.pointer, &options))
  }

  /// A colour scale over a block: red → yellow → green with three colours, white → blue with two.
  func colorScale(_ sheet: Sheet, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, threeColors: Bool) throws(XlsxError) {
    guard lastRow >= firstRow, lastColumn >= firstColumn else { return }
    var rule = lxw_conditional_format()
    if threeColors {
      rule.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
      rule.min_color = 0xF8696B
      rule.mid_color = 0xFFEB84
      rule.max_color = 0x63BE7B
    } else {
      rule.type = UInt8(LXW_CONDITIONAL_2_COLOR_SCALE.rawValue)
      rule.min_color = 0xFFFFFF
      rule.max_color = 0x5B9BD5
    }
    try check(
      worksheet_conditional_format_range(
        sheet.pointer, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), &rule))
  }

  /// Hides a sheet (it stays in the file; Excel's Unhide shows it).
  func hide(_ sheet: Sheet) { worksheet_hide(sheet.pointer) }

  /// Makes a sheet the one shown when the file opens.
  func activate(_ sheet: Sheet) { worksheet_activate(sheet.pointer) }

  func setTabColor(_ sheet: Sheet, _ color: UInt32) {
    worksheet_set_tab_color(sheet.pointer, lxw_color_t(color))
  }

  /// Print setup: landscape, fitted to one page wide (as many tall as it takes), the first
  /// `headerRows` rows repeated on every page, `footer` at the foot of each page (left,
  /// centre, right; the right part followed by the page number), and — when given — only
  /// the columns up to `lastPrintedColumn` printed.
  func printSetup(
    _ sheet: Sheet, headerRows: Int = 0, footer: (left: String, center: String), lastPrintedColumn: Int? = nil
  ) throws(XlsxError) {
    worksheet_set_landscape(sheet.pointer)
    worksheet_fit_to_pages(sheet.pointer, 1, 0)
    if headerRows > 0 { try check(worksheet_repeat_rows(sheet.pointer, 0, lxw_row_t(headerRows - 1))) }
    if let lastPrintedColumn {
      try check(worksheet_print_area(sheet.pointer, 0, 0, lxw_row_t(LXW_ROW_MAX - 1), lxw_col_t(lastPrintedColumn)))
    }
    // Excel's header and footer codes: & starts one, && is a literal &; 255 characters at most.
    func part(_ text: String, _ room: Int) -> String {
      String(text.prefix(room)).replacingOccurrences(of: "&", with: "&&")
    }
    let text = "&L\(part(footer.left, 60))&C\(part(footer.center, 60))&RPage &P of &N"
    try check(worksheet_set_footer(sheet.pointer, text))
  }

  /// A note (comment) on a cell, shown when the pointer rests on it.
  func note(_ text: String, _ sheet: Sheet, row: Int, column: Int) throws(XlsxError) {
    var options = lxw_comment_options()
    options.width = 320
    options.height = 120
    try check(worksheet_write_comment_opt(sheet.pointer, lxw_row_t(row), lxw_col_t(column), text, &options))
  }

  /// Writes the file and frees the workbook. Call once; later calls do nothing.
  func close() throws(XlsxError) {
    guard let workbook else { return }
    self.workbook = nil
    trustlens_set_xlsx_deflate_threads(Int32(clamping: max(1, deflateThreads)))
    trustlens_xlsx_buffers_collect(tempFileBuffers)
    errno = 0
    let result = workbook_close(workbook)
    let systemError = errno
    trustlens_xlsx_buffers_collect(nil)
    trustlens_set_xlsx_deflate_threads(0)
    guard result == LXW_NO_ERROR else {
      trustlens_xlsx_deflate_abandon()
      unlink(path)
      // libxlsxwriter names the step ("Zip generic error ZIP_ERRNO…"); for a file operation
      // the system says why.
      let fileErrors = [
        LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE,
        LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE,
      ]
      let why = systemError != 0 && fileErrors.contains(result) ? " (\(String(cString: strerror(systemError))))" : ""
      throw XlsxError(path: path, reason: String(cString: lxw_strerror(result)) + why)
    }
  }

  private func check(_ result: lxw_error) throws(XlsxError) {
    guard result == LXW_NO_ERROR else {
      throw XlsxError(path: path, reason: String(cString: lxw_strerror(result)))
    }
  }

  /// Excel's serial date for a record date (days since 1899-12-30, time as a fraction).
  static func serial(_ date: RecordDate) -> Double {
    Double(serialBase.days(to: date.day)) + Double(date.secondsOfDay ?? 0) / 86_400
  }

  /// Day 0 of Excel's serial dates, 1899-12-30 (693,593 days after 0001-01-01).
  private static let serialBase = LocalDay(dayNumber: 693_593)
}
