import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensExport

@Suite struct WorkbookRendererTests {
  func render(to path: String) throws {
    try WorkbookRenderer().write(ExportFixtures.report, to: path) { body in
      try ExportFixtures.records.forEach(body)
    }
  }

  @Test func sheetsCellsAndNoFormulas() throws {
    let folder = TestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("report.xlsx").path
    try render(to: path)
    let workbook = try ExportFixtures.zipPart(path, "xl/workbook.xml")
    for sheet in ["Summary", "Entries", "Rejects"] { #expect(workbook.contains("name=\"\(sheet)\"")) }
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
