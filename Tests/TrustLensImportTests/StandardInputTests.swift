import Foundation
import Testing
import TestSupport
import TrustLensCore
@testable import TrustLensImport

/// Standard input is read exactly once: detection looks at the bytes the readers then
/// consume, however a pipe delivers them.
@Suite struct StandardInputTests {
  /// One fixture per format, as files are named and as a pipe would carry them.
  static let fixtures: [(name: String, text: String)] = [
    ("journal.jsonl", #"{"date":"2026-03-01","text":"He lied again"}"# + "\n" + #"{"date":"2026-03-02","text":"We talked","trust":4}"# + "\n"),
    ("one-line.jsonl", #"{"date":"2026-03-01","text":"only one line, no line end"}"#),
    ("journal.csv", "date,text,trust\n2026-03-01,\"He said \"\"sorry\"\",\nthen left\",3\n2026-03-02,calm,5\n"),
    ("checkins.tsv", "date\ttrust\theld\n2026-03-01\t4\tyes\n2026-03-08\t\tno\n"),
    ("journal.txt", "[2026-03-01 21:14] Talked.\nHe listened.\n[2026-03-02 07:30] Morning.\n"),
    ("journal.md", "## 2026-03-01\nWe talked.\n\n## 2026-03-02 21:14 Late\nStill hurt.\n"),
    ("Journal.json", #"{"metadata":{"version":"1.0"},"entries":[{"uuid":"A","creationDate":"2026-03-02T03:14:00Z","text":"Sorry\\."},{"uuid":"B","creationDate":"2026-03-03T03:14:00Z","text":"Calm"}]}"#),
    ("daylio.csv", "full_date,date,weekday,time,mood,activities,note_title,note\n2026-03-01,March 1,Sunday,9:14 pm,good,walk,,Close tonight\n"),
  ]

  /// A fixture longer than the detection's first look (64 KiB), so the reader must carry on
  /// from where detection stopped.
  static let long: [UInt8] = {
    var text = ""
    for day in 0..<2_000 { text += #"{"date":"2026-03-01","text":"entry number \#(day) of a long journal"}"# + "\n" }
    return Array(text.utf8)
  }()

  @Test(arguments: [1, 7, 4095, 65536])
  func aPipeGivesTheRecordsOfTheFile(chunk: Int) throws {
    let folder = TestSupport.temporaryFolder()
    for fixture in Self.fixtures {
      let path = TestSupport.write(fixture.text, fixture.name, in: folder)
      let file = try readFile(path, options: options(subject: .fixed("me")))
      let piped = try readBytes(Array(fixture.text.utf8), chunk: chunk, options: options(subject: .fixed("me")))
      #expect(!file.records.isEmpty, "\(fixture.name)")
      #expect(piped.summary == file.summary, "\(fixture.name) in reads of \(chunk) bytes")
    }
  }

  @Test(arguments: [1, 4095, 65536])
  func aLongInputLosesNothingAfterDetection(chunk: Int) throws {
    let piped = try readBytes(Self.long, chunk: chunk, options: options(subject: .fixed("me")))
    #expect(piped.entries.count == 2_000)
    #expect(piped.rejects.isEmpty)
    #expect(piped.entries.first?.source.line == 1 && piped.entries.last?.source.line == 2_000)
  }

  /// Before: detection read the first 4 KB block and the reader started after it, so a
  /// one-line input gave nothing.
  @Test func aOneLineInputIsRead() throws {
    let piped = try readBytes(Array(#"{"date":"2026-03-01","text":"one"}"#.utf8), options: options())
    #expect(piped.entries.map(\.text) == ["one"])
  }

  @Test func anEmptyInputAndAnArchiveOnStandardInputAreSkippedWithTheirReason() throws {
    #expect(try readBytes([], options: options()).report.skipped?.reason == SkipReason.empty.text)
    let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40)
    #expect(try readBytes(zip, options: options()).report.skipped?.reason == SkipReason.archiveOnStandardInput.text)
    let text = try readBytes(Array("just some words without any structure\n".utf8), options: options())
    #expect(text.report.skipped?.reason == SkipReason.unrecognizedText.text)
  }

  /// The buffer can be smaller than detection's look ahead: it grows for it.
  @Test func aSmallBufferStillSeesTheWholeHead() throws {
    let piped = try readBytes(Self.long, chunk: 100, bufferSize: 16, options: options())
    #expect(piped.entries.count == 2_000)
  }
}
