import TrustLensCore

/// Reads a daily note — one Markdown file per day, the date in its name (`2026-03-02.md`,
/// Logseq's `2026_03_02.md`, `20260302.md`, `2026-03-02 Monday.md`, `2026-03-02-journal.md`,
/// Obsidian's `202603021014.md`), as Obsidian, Logseq and Foam keep them — as one entry of
/// that date.
///
/// YAML front matter at the top (between `---` lines) is skipped, and its `tags:` (a list,
/// `[a, b]`, or `a, b`) become the entry's tags. A note longer than 1 MiB is rejected; a
/// note holding nothing but front matter gives no record (the file is listed as skipped).
struct DailyNoteReader {
  static let maxNoteSize = 1 << 20

  let builder: RecordBuilder
  /// The file's name (its date).
  let fileName: String

  var context: ReadContext { builder.context }

  func read(_ source: ByteSource) throws {
    guard let named = DailyNoteReader.dateFields(ofFileName: fileName) else {
      return try context.reject(line: 1, "not a daily note: the file name holds no date (name it YYYY-MM-DD.md)")
    }
    guard let day = LocalDay(year: named.year, month: named.month, day: named.day) else {
      return try context.reject(line: 1, "invalid date \(named.isoText) in the daily note's file name: no such day")
    }
    var lines = LineReader(source: source)
    var body: [String] = []
    var size = 0
    var tooLong = false
    var invalid: String?
    var frontMatter = FrontMatter()
    var bodyLine: Int?
    while let line = try lines.next() {
      if line.tooLong {
        tooLong = true
        continue
      }
      if tooLong { continue }
      let text = String(decoding: line.bytes, as: UTF8.self)
      if invalid == nil, let offset = firstInvalidUTF8Offset(line.bytes) {
        invalid = "invalid UTF-8 at byte \(offset + 1) of line \(line.number)"
      }
      if frontMatter.take(text, lineNumber: line.number) { continue }
      if bodyLine == nil && !text.isAllWhitespace { bodyLine = line.number }
      size += line.bytes.count + 1
      if size > DailyNoteReader.maxNoteSize {
        tooLong = true
        body = []
        continue
      }
      body.append(text)
    }
    if tooLong { return try context.reject(line: 1, "record longer than 1 MiB") }
    if frontMatter.isOpen { return try context.reject(line: 1, "front matter without its closing --- line") }
    if let invalid { return try context.reject(line: 1, invalid) }
    let text = body.joined(separator: "\n").trimmed()
    guard !text.isEmpty else {
      context.report.skipped = SkippedFile(path: context.file, reason: .emptyDailyNote)
      return
    }
    var fields: [String: FieldValue] = [FieldNames.date: .string(day.description), FieldNames.text: .string(text)]
    if !frontMatter.tags.isEmpty { fields[FieldNames.tags] = .array(frontMatter.tags.map(FieldValue.string)) }
    try context.emit(builder.build(fields, line: bodyLine ?? 1, kind: .journal))
  }

  /// The date a daily note's file name starts with (`YYYY-MM-DD`, `YYYY_MM_DD`,
  /// `YYYY.MM.DD` or `YYYYMMDD`, then the extension or a space), or `nil`.
  static func day(ofFileName name: String) -> LocalDay? {
    dateFields(ofFileName: name).flatMap { LocalDay(year: $0.year, month: $0.month, day: $0.day) }
  }

  /// A year, month and day as a note's name spells them, a real day or not.
  struct NamedDate {
    var year: Int
    var month: Int
    var day: Int

    /// `2026-02-30`: as written, whether or not such a day exists.
    var isoText: String {
      func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
      return "\(year)-\(two(month))-\(two(day))"
    }
  }

  /// The date a daily note's name is shaped as (`2026-02-30.md` too: no such day, but a daily
  /// note all the same, rejected for its date rather than read as a journal).
  static func dateFields(ofFileName name: String) -> NamedDate? {
    let stem = name.split(separator: ".", omittingEmptySubsequences: false).count > 1
      ? String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)]) : name
    let bytes = Array(stem.utf8)
    func digits(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
      return bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
    }
    let separated = bytes.count >= 10 && [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(bytes[4])
      && bytes[7] == bytes[4]
    let (yearRange, monthRange, dayRange, end) = separated ? (0..<4, 5..<7, 8..<10, 10) : (0..<4, 4..<6, 6..<8, 8)
    guard let year = digits(yearRange), let month = digits(monthRange), let day = digits(dayRange) else { return nil }
    // After the date: nothing, a space, `-`, `_` or `T` and more (`2026-03-05-journal.md`,
    // `2026-03-05T10:00.md`), or a time of four or six digits (Obsidian's `202603051000.md`).
    let after = bytes[end...]
    let ends = after.first.map { [32, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "T")].contains($0) } ?? true
    let clock = [4, 6].contains(after.count) && after.allSatisfy { $0 >= 48 && $0 <= 57 }
    guard ends || clock else { return nil }
    return NamedDate(year: year, month: month, day: day)
  }
}
