import TrustLensCore

/// The Entries sheet, filled one record at a time: Date, Subject, Kind, Words, Valence, one
/// column per tag, Evidence, Source, ID; frozen header, autofilter, colour scales on valence
/// and intensities; zero intensities left empty (sparse rows are cheap); continues on
/// `Entries (2)`… past `rowsPerSheet` rows.
struct EntriesSheet {
  private let workbook: XlsxWorkbook
  private let styles: WorkbookRenderer.Styles
  private let tags: [String]
  private let tagColumn: [String: Int]
  private let headers: [String]
  private let rowsPerSheet: Int
  private var sheet: XlsxWorkbook.Sheet
  private var sheetNumber = 1
  private var row = 0

  init(
    first: XlsxWorkbook.Sheet, tags: [String], rowsPerSheet: Int, _ workbook: XlsxWorkbook,
    _ styles: WorkbookRenderer.Styles
  ) throws {
    self.workbook = workbook
    self.styles = styles
    self.tags = tags
    self.tagColumn = Dictionary(tags.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.headers = ["Date", "Subject", "Kind", "Words", "Valence"] + tags + ["Evidence", "Source", "ID"]
    self.rowsPerSheet = rowsPerSheet
    self.sheet = first
    try prepare(first)
  }

  mutating func add(_ record: AnalyzedRecord) throws {
    if row == rowsPerSheet {
      try finish()
      sheetNumber += 1
      sheet = try workbook.addSheet("Entries (\(sheetNumber))", largeRows: true)
      try prepare(sheet)
      row = 0
    }
    row += 1
    let a = record.analysis
    let dateFormat = record.date.secondsOfDay == nil ? styles.date : styles.dateTime
    try workbook.write(XlsxWorkbook.serial(record.date), sheet, row: row, column: 0, dateFormat)
    try workbook.write(record.subject, sheet, row: row, column: 1)
    try workbook.write(record.kind.rawValue, sheet, row: row, column: 2)
    try workbook.write(Double(a.words), sheet, row: row, column: 3)
    try workbook.write(a.valence, sheet, row: row, column: 4, styles.number2)
    // Only the tags present: a row's cells may be written in any column order.
    for (tag, value) in a.emotions where value > 0 {
      if let index = tagColumn[tag] { try workbook.write(value, sheet, row: row, column: 5 + index, styles.intensity) }
    }
    for (tag, value) in a.themes where value > 0 && a.emotions[tag] == nil {
      if let index = tagColumn[tag] { try workbook.write(value, sheet, row: row, column: 5 + index, styles.intensity) }
    }
    if !a.evidence.isEmpty { try workbook.write(EvidenceText.line(a.evidence), sheet, row: row, column: 5 + tags.count) }
    try workbook.write(record.source.description, sheet, row: row, column: 6 + tags.count)
    try workbook.write(record.id, sheet, row: row, column: 7 + tags.count)
  }

  /// Adds the autofilter and colour scales of the sheet being filled.
  func finish() throws {
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: headers.count - 1)
    guard row > 0 else { return }
    try workbook.colorScale(sheet, firstRow: 1, firstColumn: 4, lastRow: row, lastColumn: 4, threeColors: true)
    if !tags.isEmpty {
      try workbook.colorScale(sheet, firstRow: 1, firstColumn: 5, lastRow: row, lastColumn: 4 + tags.count, threeColors: false)
    }
  }

  private func prepare(_ sheet: XlsxWorkbook.Sheet) throws {
    try workbook.setColumn(sheet, first: 0, last: 0, width: 16)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 14)
    try workbook.setColumn(sheet, first: 2, last: 4, width: 8)
    if !tags.isEmpty { try workbook.setColumn(sheet, first: 5, last: 4 + tags.count, width: 11) }
    try workbook.setColumn(sheet, first: 5 + tags.count, last: 5 + tags.count, width: 60)
    try workbook.setColumn(sheet, first: 6 + tags.count, last: 7 + tags.count, width: 24)
    for (column, title) in headers.enumerated() { try workbook.write(title, sheet, row: 0, column: column, styles.header) }
    workbook.freeze(sheet, rows: 1, columns: 0)
    try workbook.printSetup(sheet, pagesWide: 0, headerRows: 1)
  }
}
