import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensExport
import TrustLensTrends

@Suite struct WorkbookRendererTests {
  func render(to path: String) throws {
    try WorkbookRenderer().write(ExportFixtures.report, records: InMemoryRecords(entries: ExportFixtures.records), to: path)
  }

  @Test func sheetsCellsAndNoFormulas() throws {
    let folder = TestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("report.xlsx").path
    try render(to: path)
    let workbook = try ExportFixtures.zipPart(path, "xl/workbook.xml")
    for sheet in ["Summary", "Entries", "Weekly", "Monthly", "Check-ins", "Signals", "Rejects", "About"] {
      #expect(workbook.contains("name=\"\(sheet)\""), "\(sheet)")
    }
    let entries = try ExportFixtures.zipPart(path, "xl/worksheets/sheet2.xml")
    #expect(entries.contains("=HYPERLINK("))
    #expect(!entries.contains("<f>"))
    #expect(entries.contains("t=\"inlineStr\""))
    #expect(entries.contains("<autoFilter"))
    #expect(entries.contains("<pane"))
    // The date is a real Excel date: 2026-03-01 21:14 is serial 46082.884722…
    #expect(entries.contains("<v>46082.88472222222"))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test func summaryHasNativeCharts() throws {
    let folder = TestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("report.xlsx").path
    try render(to: path)
    let chart = try ExportFixtures.zipPart(path, "xl/charts/chart1.xml")
    #expect(chart.contains("<c:lineChart>") || chart.contains("<c:barChart>"))
    #expect(chart.contains("Weekly!"))
    let entries = try ExportFixtures.zipPart(path, "xl/worksheets/sheet2.xml")
    #expect(entries.contains("colorScale"))
  }

  /// Past `chartedSubjects` subjects, a Summary block names its Weekly rows instead of
  /// drawing charts.
  @Test func chartsForTheFirstHundredSubjectsOnly() throws {
    let folder = TestSupport.temporaryFolder()
    func charts(subjects: Int) throws -> (count: Int, summary: String) {
      var report = ExportFixtures.report
      let subject = report.subjects[0]
      report.subjects = (0..<subjects).map { index in
        var copy = subject
        copy.displayName = String(format: "s%03d", index)
        return copy
      }
      let path = folder.appendingPathComponent("report-\(subjects).xlsx").path
      try WorkbookRenderer().write(report, records: InMemoryRecords(entries: ExportFixtures.records), to: path)
      let listing = try TestSupport.zipListing(path)
      // The Summary is the first sheet, or the second after an Overview.
      let sheets = try ExportFixtures.zipPart(path, "xl/worksheets/sheet1.xml") + ExportFixtures.zipPart(path, "xl/worksheets/sheet2.xml")
      return (listing.filter { $0.hasPrefix("xl/charts/chart") }.count, sheets)
    }
    let one = try charts(subjects: 1)
    #expect(one.count > 0)
    let many = try charts(subjects: WorkbookRenderer.chartedSubjects + 2)
    #expect(many.count == one.count * WorkbookRenderer.chartedSubjects)
    #expect(many.summary.components(separatedBy: "of the Weekly sheet (charts are drawn for the first").count == 3)
    #expect(!one.summary.contains("of the Weekly sheet"))
  }

  @Test func entriesContinueOnANewSheetPastTheRowLimit() throws {
    let folder = TestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("report.xlsx").path
    let many = (0..<5).flatMap { _ in ExportFixtures.records }
    try WorkbookRenderer(rowsPerSheet: 4).write(ExportFixtures.report, records: InMemoryRecords(entries: many), to: path)
    let workbook = try ExportFixtures.zipPart(path, "xl/workbook.xml")
    #expect(workbook.contains("name=\"Entries (2)\"") && workbook.contains("name=\"Entries (3)\""))
    #expect(!workbook.contains("name=\"Entries (4)\""))
  }

  @Test func rerunsAreByteIdentical() throws {
    let folder = TestSupport.temporaryFolder()
    let a = folder.appendingPathComponent("a.xlsx").path
    let b = folder.appendingPathComponent("b.xlsx").path
    try render(to: a)
    try render(to: b)
    #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
  }

  @Test func anUnwritableFolderIsAClearErrorAndLeavesNoFile() throws {
    #expect(throws: (any Error).self) { try render(to: "/nonexistent-folder/report.xlsx") }
  }
}

/// The Summary's charts read back from their XML parts: a category axis of the Weekly sheet's
/// weeks (one category per week, so bars are a week wide), an integer count axis, ratings on
/// 0–10 and emotion shares on [0, 1]. And the Overview's caseload outcomes.
@Suite struct WorkbookChartTests {
  /// Every chart part of the workbook, by its title.
  static func charts(_ path: String) throws -> [String: String] {
    var charts: [String: String] = [:]
    for part in try TestSupport.zipListing(path) where part.hasPrefix("xl/charts/chart") {
      let xml = try ExportFixtures.zipPart(path, part)
      guard let start = xml.range(of: "<a:t>"), let end = xml.range(of: "</a:t>", range: start.upperBound..<xml.endIndex) else { continue }
      charts[String(xml[start.upperBound..<end.lowerBound]), default: ""] += xml
    }
    return charts
  }

  /// The value axis (`<c:valAx>…</c:valAx>`) of a chart's XML.
  static func valueAxis(_ xml: String) -> String {
    guard let start = xml.range(of: "<c:valAx>"), let end = xml.range(of: "</c:valAx>") else { return "" }
    return String(xml[start.lowerBound..<end.upperBound])
  }

  @Test func chartAxesReadBack() throws {
    let path = TestSupport.temporaryFolder().appendingPathComponent("report.xlsx").path
    let (report, records) = ExportFixtures.course
    try WorkbookRenderer().write(report, records: records, to: path)
    let charts = try Self.charts(path)
    let titles = ["Repair ratings (weekly mean)", "Self-care and mood (weekly mean)", "Valence (weekly mean, −1 to 1)",
      "Emotions (share of the week's texts)", "Check-ins held and skipped (per week)"]
    for title in titles { #expect(charts[title] != nil, "\(title) in \(charts.keys.sorted())") }
    for (title, xml) in charts {
      // A category axis of week labels, never a date axis in days; one category per week of
      // the course, the empty third week included: the Weekly sheet's week column (B), rows
      // 2–6 for the first subject and 7–11 for the second.
      #expect(xml.contains("<c:catAx>") && !xml.contains("<c:dateAx>"), "\(title)")
      #expect(xml.contains("<c:cat><c:numRef><c:f>Weekly!$B$2:$B$6</c:f>") && xml.contains("<c:f>Weekly!$B$7:$B$11</c:f>"), "\(title)")
    }
    let counts = Self.valueAxis(charts["Check-ins held and skipped (per week)"] ?? "")
    #expect(counts.contains(#"<c:majorUnit val="1"/>"#) && counts.contains(#"<c:min val="0"/>"#))
    #expect(counts.contains(#"formatCode="0""#))
    #expect(charts["Check-ins held and skipped (per week)"]?.contains("<c:grouping val=\"stacked\"/>") == true)
    let emotions = Self.valueAxis(charts["Emotions (share of the week's texts)"] ?? "")
    #expect(emotions.contains(#"<c:min val="0"/>"#) && emotions.contains(#"<c:max val="1"/>"#))
    #expect(emotions.contains(#"formatCode="0%""#))
    let ratings = Self.valueAxis(charts["Repair ratings (weekly mean)"] ?? "")
    #expect(ratings.contains(#"<c:min val="0"/>"#) && ratings.contains(#"<c:max val="10"/>"#))
    // A line with gaps gets a marker on every point.
    #expect(charts["Repair ratings (weekly mean)"]?.contains(#"<c:symbol val="circle"/>"#) == true)
  }

  @Test func overviewShowsTheCaseloadOutcomes() throws {
    let path = TestSupport.temporaryFolder().appendingPathComponent("report.xlsx").path
    let (report, records) = ExportFixtures.course
    try WorkbookRenderer().write(report, records: records, to: path)
    let overview = try ExportFixtures.zipPart(path, "xl/worksheets/sheet1.xml")
    let outcomes = report.outcomes
    #expect(outcomes.subjects == 2)
    #expect(overview.contains("Caseload outcomes"))
    for (count, name) in [(outcomes.improved, "reliably improved"), (outcomes.unchanged, "no reliable change"), (outcomes.inactive, "inactive")] {
      // The count is a number cell, the name beside it.
      #expect(overview.contains("<v>\(count)</v></c><c r=") && overview.contains(">\(name)<"), "\(name)")
    }
  }
}

/// The streamed workbook (Entries filled while records arrive) and how it is packed.
@Suite struct StreamingWorkbookTests {
  @Test func aSingleSubjectsOverviewIsHidden() throws {
    let path = TestSupport.temporaryFolder().appendingPathComponent("report.xlsx").path
    let report = ExportFixtures.report
    let book = try StreamingWorkbook(path: path, tags: report.categories.map(\.name), month: false, overview: true)
    for record in ExportFixtures.records { try book.add(record) }
    #expect(!FileManager.default.fileExists(atPath: path), "nothing appears before finish")
    try book.finish(report, records: InMemoryRecords(entries: ExportFixtures.records), subject: nil)
    let workbook = try ExportFixtures.zipPart(path, "xl/workbook.xml")
    #expect(workbook.contains(#"name="Overview" sheetId="1" state="hidden""#))
    // Entries come right after Summary, as in a workbook written in one go.
    let names = workbook.components(separatedBy: "name=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(names.prefix(4) == ["Overview", "Summary", "Entries", "Weekly"])
    let entries = try ExportFixtures.zipPart(path, "xl/worksheets/sheet3.xml")
    #expect(entries.contains("<autoFilter"))
  }

  /// A Month tab without a month view and a one-subject Overview are both hidden, and the
  /// workbook opens on Summary (hiding alone would reopen the first tab).
  @Test func hiddenTabsLeaveSummaryOpen() throws {
    let path = TestSupport.temporaryFolder().appendingPathComponent("report.xlsx").path
    let report = ExportFixtures.report
    let book = try StreamingWorkbook(path: path, tags: report.categories.map(\.name), month: true, overview: true)
    try book.finish(report, records: InMemoryRecords(), subject: nil)
    let workbook = try ExportFixtures.zipPart(path, "xl/workbook.xml")
    #expect(workbook.contains(#"name="Month" sheetId="1" state="hidden""#))
    #expect(workbook.contains(#"name="Overview" sheetId="2" state="hidden""#))
    #expect(workbook.contains(#"activeTab="2""#))
  }

  /// minizip marks a level-2 deflate in each entry's flags (bit 2 set, bit 1 clear): the
  /// level TrustLens chose reached libxlsxwriter's zip writer.
  @Test func sheetsAreDeflatedAtTheFastLevel() throws {
    let path = TestSupport.temporaryFolder().appendingPathComponent("report.xlsx").path
    try WorkbookRenderer().write(ExportFixtures.report, records: InMemoryRecords(entries: ExportFixtures.records), to: path)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes.prefix(4) == [0x50, 0x4B, 0x03, 0x04])
    #expect(bytes[6] & 0x06 == 0x04, "general-purpose flags \(bytes[6])")
  }

  /// An Entries sheet of several MiB is deflated in 1 MiB chunks, on several threads or on
  /// one: unzip finds every part's CRC-32 right, and the file's bytes do not depend on how
  /// many threads deflated it (nor, so, on the machine's cores).
  @Test func sheetsDeflatedInChunksAreTheSameBytesOnAnyNumberOfThreads() throws {
    let folder = TestSupport.temporaryFolder()
    let records = (0..<6_000).flatMap { index in
      ExportFixtures.records.map { record in
        var copy = record
        copy.id = "\(record.id)-\(index)"
        return copy
      }
    }
    func write(threads: Int) throws -> (path: String, bytes: Data) {
      let path = folder.appendingPathComponent("threads-\(threads).xlsx").path
      try WorkbookRenderer(deflateThreads: threads).write(ExportFixtures.report, records: InMemoryRecords(entries: records), to: path)
      return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    let one = try write(threads: 1), two = try write(threads: 2), four = try write(threads: 4)
    #expect(one.bytes == two.bytes && two.bytes == four.bytes)
    // Each chunk but the last ends with a sync flush, an empty stored block: 00 00 FF FF.
    let marker = Data([0x00, 0x00, 0xFF, 0xFF])
    var flushes = 0, from = two.bytes.startIndex
    while let found = two.bytes.range(of: marker, in: from..<two.bytes.endIndex) {
      flushes += 1
      from = found.upperBound
    }
    #expect(flushes >= 3, "the chunked deflate was not used")
    let entries = try ExportFixtures.zipPart(two.path, "xl/worksheets/sheet2.xml")
    #expect(entries.utf8.count > 3 << 20 && entries.contains("r1-5999"))
    #expect(try TestSupport.zipTestsWhole(two.path))
  }
}

@Suite struct EvidenceTextTests {
  @Test func groupsByTagCountsRepeatsAndKeepsRules() {
    func item(_ tag: String, _ match: String, _ rules: [String] = []) -> Evidence {
      Evidence(tag: tag, match: match, sentence: 1, start: 0, end: 1, weight: 0.5, rules: rules)
    }
    let line = EvidenceText.line([
      item("anxiety", "walking on eggshells"), item("insecurity", "walking on eggshells"),
      item("anxiety", "walking on eggshells"), item("insecurity", "second-guessing", ["past"]),
      item("insecurity", "second-guessing"),
    ])
    #expect(line == "anxiety: walking on eggshells ×2; insecurity: walking on eggshells, second-guessing (past), second-guessing")
    #expect(EvidenceText.line([]) == "")
  }
}

@Suite struct EntriesTextTests {
  /// Records of two subjects, added out of order, with their texts and the writer's tags.
  static var records: [AnalyzedRecord] {
    func record(_ id: String, _ subject: String, day: Int, text: String, tags: [String] = []) -> AnalyzedRecord {
      AnalyzedRecord(
        id: id, subject: subject, date: RecordDate(day: ExportFixtures.day.adding(days: day)),
        source: SourceLocation(file: "j.jsonl", line: day + 1), kind: .entry,
        analysis: TextAnalysis(words: 3, valence: 0.1, emotions: [:], themes: [:], evidence: []),
        text: text, author: nil, userTags: tags)
    }
    return [
      record("z3", "c02", day: 2, text: "Third of c02"),
      record("z1", "c01", day: 5, text: "Later of c01", tags: ["walk", "family"]),
      record("z2", "c01", day: 1, text: "Earlier of c01"),
      record("z4", "c01", day: 3, text: String(repeating: "x", count: 40_000)),
    ]
  }

  func write(showsText: Bool) throws -> (entries: String, workbook: String) {
    let path = TestSupport.temporaryFolder().appendingPathComponent("report.xlsx").path
    var report = ExportFixtures.report
    report.showsText = showsText
    let book = try StreamingWorkbook(path: path, tags: report.categories.map(\.name), month: false, overview: false)
    for record in Self.records { try book.add(record) }
    try book.finish(report, records: InMemoryRecords(), subject: nil)
    return (try ExportFixtures.zipPart(path, "xl/worksheets/sheet2.xml"), try ExportFixtures.zipPart(path, "xl/workbook.xml"))
  }

  @Test func entriesShowTextAndTagsBySubjectThenDate() throws {
    let (entries, _) = try write(showsText: true)
    #expect(entries.contains(">Text<") && entries.contains(">Tags<"))
    #expect(entries.contains("walk, family"))
    let order = ["Earlier of c01", "Later of c01", "Third of c02"].map { entries.range(of: $0)?.lowerBound }
    #expect(order.allSatisfy { $0 != nil })
    #expect(order[0]! < order[1]! && order[1]! < order[2]!)
    // A text past Excel's cell limit is cut, with a marker saying so.
    #expect(entries.contains("[cut to Excel's 32,767-character limit: the text has 40000 characters"))
    #expect(!entries.contains(String(repeating: "x", count: 32_767)))
  }

  @Test func textsAreLeftOutWhenTheReportDoesNotShowThem() throws {
    let (entries, _) = try write(showsText: false)
    #expect(!entries.contains(">Text<"))
    #expect(!entries.contains("Earlier of c01"))
    #expect(entries.contains("walk, family"))
  }

  @Test func everySheetHasAPrintSetup() throws {
    let (entries, workbook) = try write(showsText: true)
    #expect(entries.contains(#"orientation="landscape""#))
    #expect(entries.contains(#"fitToHeight="0""#))
    #expect(entries.contains("<fitToPage") || entries.contains(#"fitToPage="1""#))
    #expect(entries.contains("<oddFooter>") && entries.contains("Page &amp;P of &amp;N"))
    #expect(workbook.contains("_xlnm.Print_Titles"))
  }
}
