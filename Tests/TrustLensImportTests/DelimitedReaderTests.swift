import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensImport

@Suite struct DelimitedReaderTests {
  @Test func readsRFC4180QuotingBOMAndCRLF() throws {
    let folder = TestSupport.temporaryFolder()
    let text = "\u{FEFF}date,text\r\n2026-03-01 21:14,\"He said \"\"fine\"\", then,\r\nleft\"\r\n2026-03-02,plain entry\r\n"
    let path = TestSupport.write(text, "j.csv", in: folder)
    let records = try readAll(path)
    #expect(records.count == 2)
    let first = try #require(records[0].entry)
    #expect(first.text == "He said \"fine\", then,\r\nleft")
    #expect(first.source.line == 2)
    #expect(first.date.description == "2026-03-01T21:14:00-05:00")
    let second = try #require(records[1].entry)
    #expect(second.source.line == 4)
    #expect(second.date.description == "2026-03-02")
  }

  /// Two header cells that fold to one unknown name are told with that name cleaned of
  /// control characters (found by fuzzing the csv reader), and not quoted at all under
  /// pseudonyms.
  /// A blank cell of the column read for a field gives way to another column naming it (a
  /// blank subject beside a filled client was filed under `default`; a blank text beside a
  /// note was rejected as empty).
  @Test func aBlankCellGivesWayToAnotherColumnOfItsField() throws {
    let folder = TestSupport.temporaryFolder()
    let csv = "date,subject,client,text,note\n2026-03-01,,erin,hi,\n2026-03-02,bob,,,only the note\n"
    let read = try readFile(TestSupport.write(csv, "sc.csv", in: folder), options: options())
    #expect(read.entries.map(\.subject) == ["erin", "bob"])
    #expect(read.entries.map(\.text) == ["hi", "only the note"])
  }

  /// Classic Mac line ends (CR alone) end records (the whole file was one header row).
  @Test func carriageReturnsAloneEndRecords() throws {
    let folder = TestSupport.temporaryFolder()
    let read = try readFile(TestSupport.write("date,text\r2026-03-01,one\r2026-03-02,two\r", "cr.csv", in: folder), options: options())
    #expect(read.entries.map(\.text) == ["one", "two"])
    #expect(read.entries.map(\.source.line) == [2, 3])
  }

  @Test func aClashOfUnknownColumnsIsToldCleaned() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("date,text,Weather\u{12} today,WEATHER\u{12} today\n2026-03-01,fine,3,4\n", "j.csv", in: folder)
    for quoting in [true, false] {
      var options = ImportOptions(timeZone: TimeZone(identifier: "UTC")!)
      options.quoteValues = quoting
      let notices = try readFile(path, options: options).notices.map(\.description)
      let clash = try #require(notices.first { $0.contains("all name the") })
      #expect(!clash.unicodeScalars.contains { $0.value < 0x20 }, "\(clash.debugDescription)")
      #expect(clash.contains("column") && clash.lowercased().contains("weather") == quoting, "\(clash)")
    }
  }

  @Test func reportsRaggedRowsAndUnterminatedQuotes() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("date,text\n2026-03-01,ok\n2026-03-02,a,b\n2026-03-03,\"never closed\n", "j.csv", in: folder)
    let records = try readAll(path)
    #expect(records.count == 3)
    #expect(records[0].entry != nil)
    #expect(records[1].reject == Reject(source: SourceLocation(file: path, line: 3), reason: "row has 3 cells, header has 2"))
    #expect(records[2].reject == Reject(source: SourceLocation(file: path, line: 4), reason: "unterminated quoted field"))
  }

  @Test func aliasesAndMissingFinalNewline() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("Entry,Created,Author\n\"I felt heard today\",2026/03/05,me", "j.csv", in: folder)
    let entry = try #require(try readAll(path).first?.entry)
    #expect(entry.text == "I felt heard today")
    #expect(entry.author == "me")
    #expect(entry.date.day == LocalDay(iso: "2026-03-05"))
  }

  @Test func checkInsWithHeldCountersAndExtras() throws {
    let folder = TestSupport.temporaryFolder()
    let text = """
      date\ttrust\tsafety\tcommitments_made\tcommitments_kept\theld\tsleep_hours\tnote
      2026-03-01\t4\t5\t2\t1\tyes\t6.5\twe talked
      2026-03-08\t\t\t\t\tno\t\t
      2026-03-15\tfour\t5\t\t\t\t\t

      """
    let path = TestSupport.write(text, "c.tsv", in: folder)
    let records = try readAll(path)
    let held = try #require(records[0].checkIn)
    #expect(held.held)
    #expect(held.ratings == ["trust": 4, "safety": 5, "sleep_hours": 6.5])
    #expect(held.commitmentsMade == 2 && held.commitmentsKept == 1)
    #expect(held.note == "we talked")
    let skipped = try #require(records[1].checkIn)
    #expect(!skipped.held && skipped.ratings.isEmpty)
    #expect(records[2].reject?.reason == "rating trust \"four\" is not a number")
  }

  @Test func ratingsOutsideTheScaleAreRejected() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("date,trust\n2026-03-01,14\n", "c.csv", in: folder)
    #expect(try readAll(path).first?.reject?.reason == "rating trust 14 is outside 0–10")
  }

  /// The same fixture read whole and with the smallest buffers gives the same records.
  @Test func bufferBoundariesDoNotMatter() throws {
    let folder = TestSupport.temporaryFolder()
    let text = "date,text\r\n2026-03-01,\"multi\r\nline, \"\"quoted\"\"\"\r\n2026-03-02,\"x\"\r\n2026-03-03,y"
    let path = TestSupport.write(text, "j.csv", in: folder)
    let texts = try readAll(path).compactMap(\.entry).map(\.text)
    #expect(texts == ["multi\r\nline, \"quoted\"", "x", "y"])
  }
}
