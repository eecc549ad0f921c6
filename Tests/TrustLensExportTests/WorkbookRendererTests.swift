import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensExport

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
