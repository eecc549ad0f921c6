import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensExport
@testable import TrustLensPipeline

/// The writers' own tags reach the workbook with their weeks and tone (issue #18: "therapy"
/// weeks against valence).
@Suite struct OwnTagsTests {
  static func entry(_ subject: String, _ day: String, valence: Double, tags: [String]) -> AnalyzedRecord {
    AnalyzedRecord(
      id: subject + day, subject: subject, date: RecordDate(day: LocalDay(iso: day)!), source: SourceLocation(file: "j", line: 1),
      kind: .entry, analysis: TextAnalysis(words: 3, valence: valence, emotions: [:], themes: [:], evidence: []),
      userTags: tags)
  }

  @Test func eachTagCountsItsEntriesWeeksAndToneAgainstTheRest() throws {
    let sink = OwnTagsSink()
    // 2026-03-02 and 2026-03-04 share an ISO week; 2026-03-10 is the next one.
    try sink.analyzed(Self.entry("a", "2026-03-02", valence: 0.5, tags: ["therapy", "therapy"]))
    try sink.analyzed(Self.entry("a", "2026-03-04", valence: 0.3, tags: ["therapy", "walk"]))
    try sink.analyzed(Self.entry("a", "2026-03-10", valence: -0.4, tags: []))
    try sink.analyzed(Self.entry("b", "2026-03-10", valence: 0.1, tags: ["walk"]))
    let tags = sink.tags
    #expect(tags.map { "\($0.subject) \($0.tag)" } == ["a therapy", "a walk", "b walk"])
    let therapy = tags[0]
    #expect((therapy.entries, therapy.weeks) == (2, 1))
    #expect((therapy.first, therapy.last) == (LocalDay(iso: "2026-03-02")!, LocalDay(iso: "2026-03-04")!))
    #expect(abs(therapy.valence - 0.4) < 1e-9)
    #expect(abs(therapy.otherValence! + 0.4) < 1e-9)
    #expect(tags[2].otherValence == nil, "every entry of b has the tag")
  }

  @Test func theWorkbookHasAnOwnTagsSheet() throws {
    let folder = TestSupport.temporaryFolder()
    let lines = [
      #"{"date":"2026-03-02","text":"Therapy today, I felt heard.","tags":["therapy"]}"#,
      #"{"date":"2026-03-09","text":"A hard week, he lied again.","tags":["work"]}"#,
    ]
    let input = TestSupport.write(lines.joined(separator: "\n") + "\n", "journal.jsonl", in: folder.appendingPathComponent("in"))
    let yaml = PipelineYAML(name: "tags", inputs: [(input, "me")], formats: ["xlsx"]).text
    let result = try CommandRunner.run(["run", TestSupport.write(yaml, "t.yml", in: folder)], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let workbook = folder.appendingPathComponent("out/report.xlsx").path
    #expect(try TestSupport.zipPart(workbook, "xl/workbook.xml").contains(#"name="Own tags""#))
    var sheets = ""
    for part in try TestSupport.zipListing(workbook) where part.hasPrefix("xl/worksheets/") || part == "xl/sharedStrings.xml" {
      sheets += try TestSupport.zipPart(workbook, part)
    }
    #expect(sheets.contains("therapy") && sheets.contains("Valence otherwise"))
  }
}
