import Foundation
import Testing
import TestSupport
import TrustLensCore
@testable import TrustLensImport

/// Each case of "nothing lost" at the reader: a record with text is never dropped for a bad
/// field, header problems are told once, text before the first dated entry is a notice,
/// generated ids never collide, and bad values are quoted only as short, clean excerpts.
@Suite struct NothingLostTests {
  /// Before: the whole record was rejected (`rating "low" is not a number`).
  @Test func aJournalEntryWithABadMetadataFieldIsKeptAndTheFieldNamed() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write(#"{"date":"2026-03-01","text":"He lied to me again","mood":"low"}"# + "\n", "j.jsonl", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.entries.map(\.text) == ["He lied to me again"])
    #expect(result.rejects.isEmpty)
    #expect(result.notices.map(\.description) == [path + ":1: rating mood \"low\" is not a number; kept as an entry without it"])
  }

  @Test func aCheckInWithANoteKeepsItsGoodRatingsAndItsNote() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("date,trust,safety,note\n2026-03-01,4,high,we talked\n2026-03-02,5,x,\n", "c.csv", in: folder)
    let result = try readFile(path, options: options())
    let checkIn = try #require(result.checkIns.first)
    #expect(checkIn.ratings == ["trust": 4] && checkIn.note == "we talked")
    #expect(result.messages == ["rating safety \"high\" is not a number; the check-in is kept without it"])
    // Without a note there is nothing to keep but the ratings: rejected, as before.
    #expect(result.rejects.map(\.reason) == ["rating safety \"x\" is not a number"])
  }

  /// Before: `Date,Words` gave one "no text field" reject per row and no word on the header.
  @Test func aHeaderWithoutATextColumnIsToldOnceNamingTheHeader() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("Date,Words\n2026-03-01,hello\n2026-03-02,again\n", "j.csv", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.rejects.count == 2)
    #expect(result.messages == [
      "no text column in Date, Words; name one with columns: (every row is rejected)",
      "column \"Words\" holds text that is not read (not a known column; name its field with columns:)",
    ])
  }

  @Test func aHeaderWithoutADateColumnIsToldOnce() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("When it happened,text\nyesterday,hello\n", "j.csv", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.rejects.map(\.reason) == ["missing date"])
    #expect(result.messages.first == "no date column in When it happened, text; name one with columns: (every row is rejected)")
  }

  /// Before: `Date,Notes,Mood` gave check-ins with no text and no message (`Notes` was not
  /// a known name); now `Notes` is the note.
  @Test func notesAreTheNoteOfACheckIn() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("Date,Notes,Mood\n2026-03-01,He listened,6\n", "c.csv", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.checkIns.map(\.note) == ["He listened"])
    #expect(result.report.columns.map(\.field) == ["date", "text", "mood"])
  }

  /// Before: the title was a rejected record, which alone failed a 10-entry journal's run.
  @Test func textBeforeTheFirstDatedHeadingIsANoticeNotAReject() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("# My journal\nPrivate.\n\n## 2026-03-01\nWe talked.\n", "journal.md", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.entries.count == 1 && result.rejects.isEmpty)
    #expect(result.notices.map(\.description) == [path + ":1: text before the first dated entry (2 lines) is not read: a title or introduction"])
  }

  /// Before: a 100 MB entry of short lines under one heading was one 100 MB record (1.9 GB of
  /// memory); now a whole entry is held to 1 MiB and the next entry is kept.
  @Test(arguments: [DatedTextReader.Style.jrnl, .markdown])
  func aMultiLineEntryIsCappedAtOneMebibyte(style: DatedTextReader.Style) throws {
    let folder = TestSupport.temporaryFolder()
    let heading = style == .jrnl ? "[2026-01-01 10:00] start" : "## 2026-01-01 start"
    let next = style == .jrnl ? "[2026-01-02 10:00] next" : "## 2026-01-02 next"
    let lines = String(repeating: "short line of text here\n", count: 50_000)  // 1.2 MB
    let path = TestSupport.write(heading + "\n" + lines + next + "\nkept\n", style == .jrnl ? "j.txt" : "j.md", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.rejects == [Reject(source: SourceLocation(file: path, line: 1), reason: "record longer than 1 MiB")])
    #expect(result.entries.map(\.text) == ["next\nkept"])
    #expect(result.entries.first?.source.line == 50_002)
  }

  /// A dated line itself over 1 MiB is its own rejected entry, at its line: the entry before
  /// it is kept whole (it was taken for the too-long one and lost), and so is the next.
  @Test(arguments: [DatedTextReader.Style.jrnl, .markdown])
  func aDatedLineOverOneMebibyteKeepsTheEntryBefore(style: DatedTextReader.Style) throws {
    let folder = TestSupport.temporaryFolder()
    let long = String(repeating: "w", count: 1_100_000)
    let text =
      style == .jrnl
      ? "[2026-03-01 10:00] small one\n[2026-03-02 10:00] \(long)\n[2026-03-03 10:00] after big\n"
      : "## 2026-03-01\nsmall one\n## 2026-03-02 \(long)\nbody\n## 2026-03-03\nafter big\n"
    let path = TestSupport.write(text, style == .jrnl ? "j.txt" : "j.md", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.rejects == [Reject(source: SourceLocation(file: path, line: style == .jrnl ? 2 : 3), reason: "record longer than 1 MiB")])
    #expect(result.entries.map(\.text) == ["small one", "after big"])
  }

  /// Two files of one name in different folders of one subject, and two subjects whose
  /// names run into the file's: every generated id differs.
  @Test func generatedIDsNeverCollide() throws {
    let folder = TestSupport.temporaryFolder()
    let line = #"{"date":"2026-03-01","text":"same line"}"# + "\n"
    let a = TestSupport.write(line, "2025/journal.jsonl", in: folder)
    let b = TestSupport.write(line, "2026/journal.jsonl", in: folder)
    let c = TestSupport.write(line, "b-journal.jsonl", in: folder)
    var ids: [String] = []
    for (path, subject) in [(a, "a"), (b, "a"), (c, "a"), (a, "a-b")] {
      ids += try readFile(path, options: options(subject: .fixed(subject))).entries.map(\.id)
    }
    #expect(Set(ids).count == 4)
    #expect(ids[0] == "a-\(a)-1")
  }

  /// A CSV with swapped columns puts the journal sentence in the date column: the reason
  /// quotes a short, clean excerpt of it (or, with quoting off, only its length).
  @Test func rejectReasonsQuoteAShortCleanExcerpt() throws {
    let folder = TestSupport.temporaryFolder()
    let sentence = "My husband Robert admitted the affair with Jane\u{1B}[2J last night"
    let path = TestSupport.write("date,text\n\"\(sentence)\",2026-01-05\n", "swap.csv", in: folder)
    let quoted = try readFile(path, options: options())
    #expect(quoted.rejects.map(\.reason) == ["invalid date \"My husband Robert admitted the…\""])
    var private_ = options()
    private_.quoteValues = false
    let unquoted = try readFile(path, options: private_)
    #expect(unquoted.rejects.map(\.reason) == ["invalid date (\(sentence.count) characters)"])
  }

  @Test func binaryContentIsSkippedWithItsReason() throws {
    let folder = TestSupport.temporaryFolder()
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)
    let path = TestSupport.write(bytes: png, "picture", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.records.isEmpty)
    #expect(result.report.skipped == SkippedFile(path: path, reason: .binary))
  }

  @Test func standardInputHasNoFolderAndSaysSo() throws {
    var folderRule = options()
    folderRule.subject = .folder
    let result = try readBytes(Array(#"{"date":"2026-03-01","text":"x","subject":"c9"}"#.utf8), options: folderRule)
    #expect(result.entries.map(\.subject) == ["c9"])
    #expect(result.messages.first?.hasPrefix("no client folder for subject: folder (standard input)") == true)
  }
}
