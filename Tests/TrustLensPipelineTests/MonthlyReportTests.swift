import Foundation
import Testing
import TestSupport

/// The monthly trend sheet, from journals as the apps export them.
@Suite struct MonthlyReportTests {
  @Test func reportOnTheSamplePersonalJournal() throws {
    let folder = TestSupport.temporaryFolder()
    let result = try CommandRunner.run(
      ["report", "--month", "2026-03", "data/personal", "--subject", "me", "--timezone", "America/New_York", "--out", folder.appendingPathComponent("march").path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("March 2026: valence per day"))
    #expect(result.stdout.contains("as of 2026-03-31"))
    #expect(result.stdout.contains("  2026-02   36"))
    #expect(result.stdout.contains("★ progress, 2026-03-"))
    let workbook = try ExportFixturesProxy.zipPart(folder.appendingPathComponent("march/report.xlsx").path, "xl/workbook.xml")
    #expect(workbook.contains("name=\"Month\""))
  }

  @Test func worksOnJrnlAndDaylioExportsAsTheyCome() throws {
    let folder = TestSupport.temporaryFolder()
    var jrnl = ""
    var daylio = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    for day in 1...28 {
      let date = "2026-02-\(day < 10 ? "0" : "")\(day)"
      jrnl += "[\(date) 09:30:00 PM] Day \(day).\n\(day < 14 ? "I don't feel safe, he lied again." : "We talked it through and I felt heard.")\n\n"
      daylio += "\(date),February \(day),Monday,9:00 pm,\(day < 14 ? "bad" : "good"),walk,,\n"
    }
    TestSupport.write(jrnl, "in/journal.txt", in: folder)
    TestSupport.write(daylio, "in/daylio_export.csv", in: folder)
    let result = try CommandRunner.run(
      ["report", "--month", "2026-02", "in", "--subject", "me", "--timezone", "UTC", "--out", "out"], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("February 2026"))
    #expect(result.stdout.contains("56 records: 28 entries, 28 check-ins, 0 rejected, 0 duplicates"))
    // 27 days of data: too short to judge progress (progress_min_days 28).
    #expect(result.stdout.contains("[ PLATEAU ]"))
    #expect(result.stdout.contains("   2▂"))
  }

  @Test func aBadMonthIsBadUsage() throws {
    let result = try CommandRunner.run(["report", "--month", "March", "data/personal"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--month must be YYYY-MM"))
  }
}
