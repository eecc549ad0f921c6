import Foundation
import Testing
import TestSupport
import TrustLensCore
@testable import TrustLensImport

/// People's own exports as they come (`Exports/`): each reads right, or gets a one-line
/// message that names the fix.
@Suite struct ExportsTests {
  static func fixture(_ name: String) -> String {
    TestSupport.repositoryRoot.appendingPathComponent("Tests/TrustLensImportTests/Exports/\(name)").path
  }

  /// As Excel saves CSV in Germany, France, Italy or the Netherlands. Before: "row has 2
  /// cells, header has 1", 3 of 3 rejected.
  @Test func semicolonsWithDecimalCommas() throws {
    let path = Self.fixture("semicolon-decimal-comma.csv")
    let plain = try readFile(path, options: options())
    #expect(plain.report.delimiter == .semicolon && plain.report.delimiterOrigin == .guessed)
    #expect(plain.messages.first == "columns separated by \";\" (detected; set delimiter: to choose another)")
    // Day-first dates need saying so once: the message names the fix.
    #expect(plain.rejects.map(\.reason) == [
      "ambiguous date \"01.03.2026\": write it as YYYY-MM-DD or set date_format",
      "ambiguous date \"02.03.2026\": write it as YYYY-MM-DD or set date_format",
      "ambiguous date \"25.03.2026\": looks like DD/MM/YYYY: set date_format: DD/MM/YYYY",
    ])
    var dayFirst = options()
    dayFirst.dayOrder = .dayMonthYear
    let read = try readFile(path, options: dayFirst)
    #expect(read.rejects.isEmpty)
    #expect(read.checkIns.map { $0.ratings["trust"] } == [3.5, 4.25, 2])
    #expect(read.checkIns.map(\.note) == ["We talked; finally, for an hour", "He kept his promise", "I still don't feel safe"])
    #expect(read.checkIns.map(\.date.description) == ["2026-03-01", "2026-03-02", "2026-03-25"])
    // The same with a pattern, and with the delimiter named.
    var pattern = options()
    pattern.reading.datePattern = try DatePattern("DD.MM.YYYY")
    pattern.reading.delimiter = .semicolon
    let named = try readFile(path, options: pattern)
    #expect(named.summary == read.summary && named.report.delimiterOrigin == .given && named.notices.isEmpty)
  }

  @Test func aDecimalCommaInACommaFileNamesTheFix() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("date,trust\n2026-03-01,\"3,5\"\n", "c.csv", in: folder)
    #expect(try readFile(path, options: options()).rejects.map(\.reason) == [
      "rating trust \"3,5\" is not a number (for decimal commas set decimal: comma)"
    ])
    var comma = options()
    comma.reading.decimalComma = true
    #expect(try readFile(path, options: comma).checkIns.map { $0.ratings["trust"] } == [3.5])
  }

  /// Older Notepad and Excel's "CSV (Comma delimited)". Before: every row with an accent was
  /// "invalid UTF-8 at byte 4 of a cell".
  @Test func windows1252IsRecognisedAndSaid() throws {
    let read = try readFile(Self.fixture("windows-1252.csv"), options: options())
    #expect(read.rejects.isEmpty)
    #expect(read.checkIns.map(\.note) == ["Café with him – it felt “ok” at last", "Naïve of me? Maybe. 5 € for flowers"])
    #expect(read.report.encoding == .windows1252 && read.report.encodingOrigin == .guessed)
    #expect(read.messages == ["not UTF-8: read as windows-1252 (set encoding: to choose another, e.g. latin-1)"])
    var latin1 = options()
    latin1.reading.encoding = .latin1
    let given = try readFile(Self.fixture("windows-1252.csv"), options: latin1)
    #expect(given.checkIns.first?.note == "Café with him \u{96} it felt \u{93}ok\u{94} at last")
    #expect(given.notices.isEmpty)
  }

  /// A UTF-8 file with one stray byte further down keeps UTF-8 and rejects that row with the
  /// fix (a guess from a valid start would garble the rest).
  @Test func aStrayByteInAUTF8FileIsOneRejectWithTheFix() throws {
    let folder = TestSupport.temporaryFolder()
    let bytes = Array("date,text\n2026-03-01,Café\n2026-03-02,Caf".utf8) + [0xE9] + Array("\n".utf8)
    let read = try readFile(TestSupport.write(bytes: bytes, "j.csv", in: folder), options: options())
    #expect(read.entries.map(\.text) == ["Café"])
    #expect(read.rejects.map(\.reason) == [
      "invalid UTF-8 at byte 4 of a cell (if the file is not UTF-8, set encoding:, e.g. windows-1252)"
    ])
  }

  /// Excel's "Unicode Text": tab-separated UTF-16 LE with a byte-order mark, saved as .txt.
  @Test func excelUnicodeText() throws {
    let read = try readFile(Self.fixture("excel-unicode-text.txt"), options: options())
    #expect(read.report.format == .tsv && read.report.encoding == .utf16LE && read.report.encodingOrigin == .file)
    #expect(read.checkIns.map { $0.ratings["trust"] } == [3, 5])
    #expect(read.checkIns.last?.note == "We went for a walk; it was calm 😀")
    #expect(read.report.columns.map(\.field) == ["date", "text", "trust"])
  }

  /// A header of the writer's own names: told once, and read once mapped.
  @Test func aMappedHeader() throws {
    let path = Self.fixture("own-names.csv")
    let plain = try readFile(path, options: options())
    #expect(plain.rejects.count == 2)
    // `When` is a known name of the date; the others are not.
    #expect(plain.messages == [
      "no text column in When, What happened, How much I trust him (1-10), Weather; name one with columns: (every row is rejected)",
      "columns \"What happened\", \"How much I trust him (1-10)\", \"Weather\" hold text that is not read (not a known column; name its field with columns:)",
    ])
    var mapped = options()
    for (field, column) in [("text", "What happened"), ("trust", "how much I trust him")] {
      #expect(mapped.reading.columns.map(field, to: column) == nil)
    }
    let read = try readFile(path, options: mapped)
    #expect(read.rejects.isEmpty)
    #expect(read.checkIns.map(\.note) == ["He told me the truth about the messages", "We argued again about the phone"])
    #expect(read.checkIns.map { $0.ratings["trust"] } == [4, 3])
    #expect(read.messages == ["column \"Weather\" holds text that is not read (not a known column; name its field with columns:)"])
    #expect(mapped.reading.columns.map("feelings", to: "x")?.hasPrefix("unknown field \"feelings\" in columns") == true)
  }

  @Test(arguments: [
    ("Self Care", "self_care"), ("self-care", "self_care"), ("SELF_CARE", "self_care"), ("Notes", "text"),
    ("content", "text"), ("Body", "text"), ("Journal Entry", "text"), ("Trust (0-10)", "trust"), ("Created At", "date"),
    ("Tags", "tags"), ("UUID", "id"), ("Mood [1-5]", "mood"),
  ])
  func commonSpellingsAreRecognised(_ name: String, _ field: String) {
    #expect(FieldNames.field(for: name)?.field == field)
  }

  /// Spreadsheets' CSV keeps dates as day numbers when the column is not formatted as text.
  @Test func excelSerialDates() throws {
    let read = try readFile(Self.fixture("excel-serial-dates.csv"), options: options(zone: "UTC"))
    #expect(read.rejects.isEmpty)
    #expect(read.checkIns.map(\.date.description) == ["2026-03-01", "2026-03-02T18:00:00Z", "2026-03-09"])
  }

  @Test func monthNamesAndTwelveHourTimes() throws {
    let read = try readFile(Self.fixture("month-names.csv"), options: options(zone: "UTC"))
    #expect(read.rejects.isEmpty)
    #expect(read.entries.map(\.date.description) == [
      "2026-03-02", "2026-03-02", "2026-03-02T21:14:00Z", "2026-03-03T07:05:00Z", "2026-03-04",
    ])
  }

  /// Obsidian, Logseq and Foam keep one note per day. Before: rejected whole ("text before
  /// the first dated entry").
  @Test func dailyNotesWithFrontMatter() throws {
    let folder = Self.fixture("daily")
    var entries: [Entry] = []
    var skipped: [SkippedFile] = []
    for file in try InputFiles.expand(folder).files {
      let read = try readFile(file.path, options: options())
      entries += read.entries
      if let skip = read.report.skipped { skipped.append(skip) }
      #expect(read.report.format == .dailyNotes)
    }
    #expect(entries.map(\.date.description) == ["2026-03-02", "2026-03-03"])
    #expect(entries.map(\.userTags) == [["therapy", "hard day"], ["therapy", "walk"]])
    #expect(entries[0].text == "# Monday\nSession with Dr. K. He listened for once.\n\n- walk\n- call mum")
    #expect(entries[0].source.line == 7)
    #expect(skipped.map(\.reason) == [SkipReason.emptyDailyNote.text])
  }

  @Test func forcingDailyNotesOnAFileWithoutADateNamesTheFix() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("Some thoughts.\n", "thoughts.md", in: folder)
    #expect(try readFile(path, options: options(format: .dailyNotes)).rejects.map(\.reason) == [
      "not a daily note: the file name holds no date (name it YYYY-MM-DD.md)"
    ])
  }

  /// A `.md` named with a date but holding headings dated other days is a Markdown journal, read
  /// entry by entry (its later entries were folded into the first); a note whose heading is its
  /// own day stays a daily note.
  @Test func aJournalNamedWithADateIsAJournal() throws {
    let folder = TestSupport.temporaryFolder()
    let journal = TestSupport.write(
      "# March journal\n## 2026-03-01\nHe lied to me.\n## 2026-03-15\nWe talked it through.\n## 2026-03-30\nBetter week.\n",
      "2026-03-01 March journal.md", in: folder)
    let read = try readFile(journal, options: options())
    #expect(read.report.format == .markdown)
    #expect(read.entries.map(\.date.description) == ["2026-03-01", "2026-03-15", "2026-03-30"])
    let note = TestSupport.write("## 2026-03-02\nMy note of the day.\n", "2026-03-02.md", in: folder)
    #expect(try readFile(note, options: options()).report.format == .dailyNotes)
    // A note's own text before a heading dated another day, or such a heading in a code
    // fence, keeps it one daily note: its text is read, not left as a preamble.
    for (name, text) in [
      ("2026-03-03.md", "Today he lied to me.\n## 2026-03-04 plan for tomorrow\nTalk calmly.\n"),
      ("2026-03-05.md", "today text\n```\n## 2026-03-06\n```\n"),
    ] {
      let read = try readFile(TestSupport.write(text, name, in: folder), options: options())
      #expect(read.report.format == .dailyNotes, "\(name)")
      #expect(read.entries.count == 1 && read.entries[0].text.hasPrefix(text.split(separator: "\n")[0]), "\(name)")
    }
  }

  /// Daily-note names with more after the date (`-journal`, a `T` time, Obsidian's twelve
  /// digits) are daily notes (their whole text was a "not read" notice).
  @Test(arguments: [("2026-03-05-journal.md", "2026-03-05"), ("2026-03-05T10.00.md", "2026-03-05"), ("202603051000.md", "2026-03-05"), ("2026_03_05_notes.md", "2026-03-05")])
  func dailyNoteNamesWithMoreAfterTheDate(_ name: String, _ day: String) throws {
    let folder = TestSupport.temporaryFolder()
    let read = try readFile(TestSupport.write("A hard day, but we talked.\n", name, in: folder), options: options())
    #expect(read.report.format == .dailyNotes)
    #expect(read.entries.map(\.date.description) == [day])
  }

  /// A note named for a day that does not exist is a daily note rejected for its date, not a
  /// Markdown journal whose every line is an unread preamble (it was lost with a notice only).
  @Test(arguments: ["2026-02-30.md", "2026-13-01.md", "20260230.md"])
  func aDailyNoteNamedForNoDayIsRejected(_ name: String) throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("He lied to me again and I cried.\n", name, in: folder)
    let read = try readFile(path, options: options())
    #expect(read.report.format == .dailyNotes)
    #expect(read.entries.isEmpty)
    #expect(read.rejects.map(\.reason).first?.hasSuffix("in the daily note's file name: no such day") == true)
  }

  @Test func peoplesOwnTagsAndAuthorsFromEveryReader() throws {
    let folder = TestSupport.temporaryFolder()
    let jsonl = TestSupport.write(#"{"date":"2026-03-01","text":"x","tags":["therapy"],"author":"Sam"}"# + "\n", "j.jsonl", in: folder)
    let csv = TestSupport.write("date,text,tags,author\n2026-03-01,x,therapy; walk,Sam\n", "j.csv", in: folder)
    let jrnl = TestSupport.write("[2026-03-01 09:00] Session @therapy, mail me at a@b.c\n", "j.txt", in: folder)
    #expect(try readFile(jsonl, options: options()).entries.map { [$0.author ?? ""] + $0.userTags } == [["Sam", "therapy"]])
    #expect(try readFile(csv, options: options()).entries.map { [$0.author ?? ""] + $0.userTags } == [["Sam", "therapy", "walk"]])
    #expect(try readFile(jrnl, options: options()).entries.map(\.userTags) == [["therapy"]])
  }

  @Test(arguments: [
    ("DD.MM.YYYY HH:mm", "01.03.2026 21:14", "2026-03-01T21:14:00Z"),
    ("MM/DD/YY h:mm A", "03/01/26 9:14 PM", "2026-03-01T21:14:00Z"),
    ("D MMMM YYYY", "1 March 2026", "2026-03-01"),
    ("dddd, MMM D, YYYY [at] h:mm a", "Sunday, Mar 1, 2026 at 9:14 pm", "2026-03-01T21:14:00Z"),
    ("YYYYMMDD", "20260301", "2026-03-01"),
    ("DD.MM.YYYY", "01.03.2026 07:05", "2026-03-01T07:05:00Z"),
    ("DD.MM.YYYY", "2026-03-01", "2026-03-01"),
  ])
  func datePatterns(_ pattern: String, _ value: String, _ expected: String) throws {
    let parser = DateParser(timeZone: TimeZone(identifier: "UTC")!, pattern: try DatePattern(pattern))
    #expect((try? parser.parse(value).get())?.description == expected)
  }

  @Test(arguments: [
    ("MM/DD", "a date pattern needs the year (YYYY), month (MM or MMM) and day (DD)"),
    ("DD.MM.YYYY h:mm", "a 12-hour hour (h) needs AM/PM (A); use H for 24-hour times"),
    ("DD.MM.YYY", "the year is YYYY or YY"),
  ])
  func badDatePatternsSayWhy(_ pattern: String, _ reason: String) {
    #expect(throws: DatePatternError("\(pattern): \(reason)")) { try DatePattern(pattern) }
  }

  /// Texts in another language are counted (the built-in lexicon reads English).
  @Test func textsThatAreNotEnglishAreCounted() throws {
    let folder = TestSupport.temporaryFolder()
    let lines = [
      "Heute haben wir endlich wieder miteinander gesprochen, und er hat sich entschuldigt.",
      "Je ne sais pas si je peux lui faire confiance après tout ce qui s'est passé.",
      "Hoy hablamos por fin y me sentí escuchada por primera vez en semanas.",
      "We finally talked tonight and he apologised for what he did to me.",
      "Short one.",
    ]
    let text = lines.map { #"{"date":"2026-03-01","text":"\#($0)"}"# }.joined(separator: "\n")
    let read = try readFile(TestSupport.write(text, "j.jsonl", in: folder), options: options())
    #expect(read.report.textsChecked == 4 && read.report.nonEnglishTexts == 3)
  }
}
