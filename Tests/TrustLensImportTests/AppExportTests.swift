import Foundation
import Testing
import TestSupport
import TrustLensCore
import ZIPFoundation
@testable import TrustLensImport

@Suite struct AppExportTests {
  static let dayOne = """
    {
      "metadata" : {
        "version" : "1.0"
      },
      "entries" : [
        {
          "uuid" : "8A1F",
          "creationDate" : "2026-03-02T03:14:00Z",
          "timeZone" : "America/New_York",
          "tags" : [ "repair" ],
          "text" : "He said sorry\\\\. I'm not sure I believe it\\\\!"
        },
        {
          "uuid" : "8A20",
          "creationDate" : "2026-03-02T08:00:00Z",
          "timeZone" : "Europe/Berlin",
          "text" : "Coffee with my sister \\\\- she listened\\\\."
        },
        {
          "uuid" : "8A21",
          "creationDate" : "2026-03-03T08:00:00Z",
          "photos" : [ { "md5" : "x" } ]
        }
      ]
    }
    """

  @Test func dayOneJSONUsesEachEntrysZoneAndUndoesEscapes() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write(Self.dayOne, "Journal.json", in: folder)
    let records = try readAll(path, zone: "UTC")
    let entries = records.compactMap(\.entry)
    #expect(entries.count == 2)
    #expect(entries[0].id == "8A1F")
    #expect(entries[0].date.description == "2026-03-01T22:14:00-05:00")
    #expect(entries[0].text == "He said sorry. I'm not sure I believe it!")
    #expect(entries[0].userTags == ["repair"])
    #expect(entries[0].source.line == 6)
    #expect(entries[1].date.description == "2026-03-02T09:00:00+01:00")
    #expect(entries[1].text == "Coffee with my sister - she listened.")
    let reject = try #require(records.compactMap(\.reject).first)
    #expect(reject.reason == "empty text" && reject.source.line == 19)
  }

  /// Wrong types get their own reasons (a number for creationDate was "missing creationDate",
  /// a number for text "empty text"), and an unknown zone is said, the entry kept.
  @Test func dayOneWrongTypesAreNamed() throws {
    let folder = TestSupport.temporaryFolder()
    let json = """
      {"metadata":{"version":"1.0"},"entries":[
      {"uuid":"A1","creationDate":1772335800,"text":"number date"},
      {"uuid":"A2","creationDate":"2026-03-01T10:00:00Z","text":123},
      {"uuid":"A3","creationDate":"2026-03-01T10:00:00Z","timeZone":"Not/AZone","text":"bad zone"}
      ]}
      """
    let read = try readFile(TestSupport.write(json, "Journal.json", in: folder), options: options(zone: "UTC"))
    #expect(read.rejects.map(\.reason) == ["creationDate is not text", "text is not a string"])
    #expect(read.entries.map(\.text) == ["bad zone"])
    #expect(read.messages.contains { $0.hasPrefix("unknown timeZone \"Not/AZone\": the entry's time is read in") })
  }

  @Test func dayOneZipExport() throws {
    let folder = TestSupport.temporaryFolder()
    let url = folder.appendingPathComponent("export.zip")
    let archive = try Archive(url: url, accessMode: .create)
    let data = Data(Self.dayOne.utf8)
    try archive.addEntry(with: "Journal.json", type: .file, uncompressedSize: Int64(data.count)) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
    let records = try readAll(url.path, zone: "UTC")
    #expect(records.compactMap(\.entry).count == 2)
    #expect(records.compactMap(\.entry).first?.source.file == url.path + ":Journal.json")
  }

  /// Before: every document was inflated whole into memory before any was read, and nothing
  /// bounded the inflated size (a 4.9 MB zip took 4.2 GB). Now each document streams into
  /// the reader and inflation stops at 100 times the compressed size (past 16 MiB).
  @Test func aZipBombStopsInflatingAndKeepsWhatCameBefore() throws {
    let folder = TestSupport.temporaryFolder()
    let url = folder.appendingPathComponent("bomb.zip")
    let archive = try Archive(url: url, accessMode: .create)
    let head = Data(#"{"entries":[{"uuid":"A","creationDate":"2026-03-02T03:14:00Z","text":"kept"},"#.utf8)
    let size = 4 << 20
    try archive.addEntry(with: "Journal.json", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) {
      position, chunk in
      let start = Int(position)
      var data = Data(repeating: UInt8(ascii: " "), count: chunk)
      if start < head.count { data.replaceSubrange(0..<min(chunk, head.count - start), with: head[start..<min(head.count, start + chunk)]) }
      return data
    }
    // The same rule with a 64 KiB floor instead of 16 MiB, so the test stays small.
    var read = ReadResult(report: FileReport(path: url.path))
    let context = ReadContext(
      file: url.path, options: options(), report: read.report, emit: { read.records.append($0) }, notice: { _ in })
    var reader = DayOneArchive(context: context, folderSubject: nil)
    reader.limits.ratioFloor = 64 << 10
    try reader.read(path: url.path)
    #expect(read.entries.map(\.text) == ["kept"])
    #expect(read.rejects.map(\.reason) == ["document inflates past 100 times its compressed size (a zip bomb?); not read further"])
    #expect(read.rejects.first?.source.file == url.path + ":Journal.json")
  }

  @Test func aDayOneEntryLongerThanOneMebibyteIsRejectedAndTheNextKept() throws {
    let folder = TestSupport.temporaryFolder()
    let long = String(repeating: "x", count: (1 << 20) + 1)
    let document = #"{"entries":[{"creationDate":"2026-03-02T03:14:00Z","text":"\#(long)"},"# + "\n"
      + #"{"creationDate":"2026-03-03T03:14:00Z","text":"after"}]}"#
    let read = try readFile(TestSupport.write(document, "Journal.json", in: folder), options: options())
    #expect(read.rejects.map(\.reason) == ["record longer than 1 MiB"])
    #expect(read.entries.map(\.text) == ["after"])
    #expect(read.entries.first?.source.line == 2)
  }

  @Test func truncatedDayOneDocumentIsOneReject() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write(String(Self.dayOne.prefix(200)), "Journal.json", in: folder)
    let records = try readAll(path)
    #expect(records.count == 1)
    #expect(records[0].reject?.reason.hasPrefix("not valid JSON") == true)
  }

  /// As Daylio's "Export entries (CSV)" writes it.
  @Test func daylioExport() throws {
    let folder = TestSupport.temporaryFolder()
    let text = """
      full_date,date,weekday,time,mood,activities,note_title,note
      2026-03-01,March 1,Sunday,9:14 pm,good,friends | walk,,"Felt close to him tonight, finally"
      2026-03-02,March 2,Monday,8:00 am,meh,,,
      2026-03-03,March 3,Tuesday,10:00 pm,furious,,,

      """
    let path = TestSupport.write(text, "daylio_export.csv", in: folder)
    let records = try readAll(path, subject: .fixed("me"))
    let checkIns = records.compactMap(\.checkIn)
    #expect(checkIns.map { $0.ratings["mood"] } == [7.5, 5])
    #expect(checkIns[0].date.description == "2026-03-01T21:14:00-05:00")
    let entry = try #require(records.compactMap(\.entry).first)
    #expect(entry.text == "Felt close to him tonight, finally")
    #expect(entry.userTags == ["friends", "walk"])
    #expect(records.compactMap(\.reject).first?.reason == "unknown mood label \"furious\" (map it under mood_labels in the pipeline)")
  }

  @Test func ambiguousDatesNeedADateFormat() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("date,text\n03/04/2026,hello\n", "j.csv", in: folder)
    #expect(try readAll(path).first?.reject?.reason == "ambiguous date \"03/04/2026\": write it as YYYY-MM-DD or set date_format")
    let importer = Importer(options: ImportOptions(timeZone: TimeZone(identifier: "UTC")!, dayOrder: .dayMonthYear))
    var days: [String] = []
    try importer.read(InputFile(path: path, folderSubject: nil)) { days.append($0.entry?.date.description ?? "") }
    #expect(days == ["2026-04-03"])
  }
}
