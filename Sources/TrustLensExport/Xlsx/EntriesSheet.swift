import TrustLensCore

/// The Entries sheet: one row per analysed text, in the order given (``SortedEntries`` gives
/// them by subject, then date). Columns, the reading ones first: Date, Subject, Kind,
/// Valence, Text (when shown), Tags (the writer's own), Evidence; then one column per tag
/// with its intensity (zero left empty: sparse rows are cheap), Words, Source and ID.
/// Frozen header and date column, autofilter, colour scales on valence and intensities;
/// text and evidence wrapped, rows as tall as their text (up to ``maximumLines``); printed
/// landscape, its reading columns fitted to the page width. Continues on `Entries (2)`… past
/// `rowsPerSheet` rows.
struct EntriesSheet {
  /// What the columns must hold, gathered while the records were collected: widths follow it.
  struct Extent {
    var subject = 0
    var tags = 0
    var source = 0
    var id = 0

    mutating func include(_ record: AnalyzedRecord) {
      subject = max(subject, record.subject.count)
      source = max(source, record.source.file.count + 6)
      id = max(id, record.id.count)
      if !record.userTags.isEmpty { tags = max(tags, record.userTags.joined(separator: ", ").count) }
    }
  }

  /// Text and evidence column widths, in characters.
  static let textWidth = 80.0
  static let evidenceWidth = 45.0
  /// A row shows at most this many lines of its text; the rest is in the cell.
  static let maximumLines = 15

  private let workbook: XlsxWorkbook
  private let styles: WorkbookRenderer.Styles
  private let tagColumn: [String: Int]
  private let tags: [String]
  private let columns: [SheetColumn]
  private let showsText: Bool
  private let footer: (left: String, center: String)
  private let rowsPerSheet: Int
  private var sheet: XlsxWorkbook.Sheet
  private var sheetNumber = 1
  private var row = 0

  /// Column positions.
  private let valence = 3, firstTag: Int, words: Int
  private var text: Int? { showsText ? 4 : nil }
  private var userTags: Int { showsText ? 5 : 4 }
  private var evidence: Int { userTags + 1 }

  init(
    first: XlsxWorkbook.Sheet, tags: [String], showsText: Bool, extent: Extent, footer: (left: String, center: String),
    rowsPerSheet: Int, _ workbook: XlsxWorkbook, _ styles: WorkbookRenderer.Styles
  ) throws {
    self.workbook = workbook
    self.styles = styles
    self.tags = tags
    self.tagColumn = Dictionary(tags.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.showsText = showsText
    self.footer = footer
    self.rowsPerSheet = rowsPerSheet
    self.sheet = first
    func fit(_ characters: Int, _ low: Double, _ high: Double) -> Double { min(max(Double(characters) + 2, low), high) }
    var columns = [
      SheetColumn("Date", width: 16, number: true), SheetColumn("Subject", width: fit(extent.subject, 10, 30)),
      SheetColumn("Kind", width: 9), SheetColumn("Valence", width: 8, number: true, note: EntriesSheet.valenceNote),
    ]
    if showsText { columns.append(SheetColumn("Text", width: EntriesSheet.textWidth)) }
    columns.append(SheetColumn("Tags", width: fit(extent.tags, 8, 24), note: "The writer's own tags (Day One tags, Daylio activities, a tags field), not TrustLens's."))
    columns.append(SheetColumn("Evidence", width: EntriesSheet.evidenceWidth, note: EntriesSheet.evidenceNote))
    firstTag = columns.count
    columns += tags.map { SheetColumn($0, width: 8, number: true) }
    words = columns.count
    columns += [
      SheetColumn("Words", width: 7, number: true), SheetColumn("Source", width: fit(extent.source, 12, 60)),
      SheetColumn("ID", width: fit(extent.id, 8, 40)),
    ]
    self.columns = columns
    try prepare(first)
  }

  static let valenceNote = "Overall tone of the text in [-1, 1]: below 0 negative, above 0 positive (red to green)."
  static let evidenceNote =
    "The words that produced each tag, tag by tag; ×3: the words occur three times; (negation), (past): rules that changed the match. The tag columns to the right give each tag's intensity in (0, 1]; blank: absent."

  mutating func add(_ record: EntryRow) throws {
    if row == rowsPerSheet {
      try finish()
      sheetNumber += 1
      sheet = try workbook.addSheet("Entries (\(sheetNumber))", largeRows: true)
      try prepare(sheet)
      row = 0
    }
    row += 1
    let evidenceText = record.evidence
    let tagsText = record.userTags.joined(separator: ", ")
    let shownText = showsText ? EntriesSheet.cellText(record) : ""
    // Constant-memory mode: a row's height is set before its cells are written.
    var lines = max(
      WrappedLines.count(evidenceText, width: EntriesSheet.evidenceWidth), WrappedLines.count(tagsText, width: columns[userTags].shownWidth))
    if showsText { lines = max(lines, WrappedLines.count(shownText, width: EntriesSheet.textWidth)) }
    if lines > 1 { try workbook.setRowHeight(sheet, row: row, height: WrappedLines.height(lines: lines, maximumLines: EntriesSheet.maximumLines)) }
    let dateFormat = record.date.secondsOfDay == nil ? styles.date : styles.dateTime
    try workbook.write(XlsxWorkbook.serial(record.date), sheet, row: row, column: 0, dateFormat)
    try workbook.write(record.subject, sheet, row: row, column: 1, styles.top)
    try workbook.write(record.kind.rawValue, sheet, row: row, column: 2, styles.top)
    try workbook.write(record.valence, sheet, row: row, column: valence, styles.number2)
    if let text, !shownText.isEmpty { try workbook.write(shownText, sheet, row: row, column: text, styles.wrap) }
    if !tagsText.isEmpty { try workbook.write(tagsText, sheet, row: row, column: userTags, styles.wrap) }
    if !evidenceText.isEmpty { try workbook.write(evidenceText, sheet, row: row, column: evidence, styles.wrap) }
    // Only the tags present: a row's cells may be written in any column order.
    for (tag, value) in record.intensities where value > 0 {
      if let index = tagColumn[tag] { try workbook.write(value, sheet, row: row, column: firstTag + index, styles.intensity) }
    }
    try workbook.write(Double(record.words), sheet, row: row, column: words, styles.integer)
    try workbook.write(record.source.description, sheet, row: row, column: words + 1, styles.top)
    try workbook.write(record.id, sheet, row: row, column: words + 2, styles.top)
  }

  /// The text as its cell holds it: whole up to Excel's 32,767 characters; a longer one
  /// starts with a marker saying so and where the whole text is.
  static func cellText(_ record: EntryRow) -> String {
    XlsxWorkbook.fitted(record.text) { length in
      "[cut to Excel's 32,767-character limit: the text has \(length) characters; all of it is at \(record.source)] "
    }
  }

  /// Adds the autofilter and colour scales of the sheet being filled.
  func finish() throws {
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: columns.count - 1)
    guard row > 0 else { return }
    try workbook.colorScale(sheet, firstRow: 1, firstColumn: valence, lastRow: row, lastColumn: valence, threeColors: true)
    if !tags.isEmpty {
      try workbook.colorScale(sheet, firstRow: 1, firstColumn: firstTag, lastRow: row, lastColumn: firstTag + tags.count - 1, threeColors: false)
    }
  }

  private func prepare(_ sheet: XlsxWorkbook.Sheet) throws {
    try WorkbookRenderer.table(columns, sheet, workbook, styles, freezeColumns: 1, footer: footer, lastPrintedColumn: evidence)
  }
}
