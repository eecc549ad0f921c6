import Foundation
import Testing
import TrustLensCore
@testable import TrustLensExport
import TrustLensTrends

/// `report.html`: date axes on the charts, the emotions and themes section, the month view,
/// the caseload outcomes, every sentence once; one file without scripts.
@Suite struct HTMLReportTests {
  static func mondays(from first: String, count: Int) -> [LocalDay] {
    let start = LocalDay(iso: first)!
    return (0..<count).map { start.adding(days: 7 * $0) }
  }

  /// Up to 10 weeks: Mondays as `Mar 2`, the year under the first; longer: months, the year
  /// under the first and each January, never more than 8 labels.
  @Test func dateLabelsNameWeeksOrMonths() {
    let short = SVGChart.dateLabels(Self.mondays(from: "2026-03-02", count: 4))
    #expect(short.map(\.lines) == [["Mar 2", "2026"], ["Mar 9"], ["Mar 16"], ["Mar 23"]])
    let tenWeeks = SVGChart.dateLabels(Self.mondays(from: "2026-03-02", count: 10))
    #expect(tenWeeks.map(\.index) == [0, 2, 4, 6, 8])
    let winter = SVGChart.dateLabels(Self.mondays(from: "2025-11-03", count: 20))
    #expect(winter.map(\.lines) == [["Nov", "2025"], ["Dec"], ["Jan", "2026"], ["Feb"], ["Mar"]])
    // The first week of each month: 2025-12-01 is the fifth Monday from 2025-11-03.
    #expect(winter.map(\.index) == [0, 4, 9, 13, 17])
    let years = SVGChart.dateLabels(Self.mondays(from: "2024-01-01", count: 150))
    #expect(years.count <= 8 && years.count >= 4)
    #expect(years.first?.lines == ["Jan", "2024"])
    // A course starting mid-month is labelled from its first whole month.
    #expect(SVGChart.dateLabels(Self.mondays(from: "2026-01-19", count: 12)).first?.lines == ["Feb", "2026"])
  }

  @Test func chartsHaveDateAndValueAxesAndGaps() throws {
    let html = try HTMLReport(templates: try Templates()).render(ExportFixtures.course.report)
    // Week labels under the x axis, the year under the first; value ticks on the y axis.
    #expect(html.contains(">Mar 2</text>") && html.contains(">2026</text>") && html.contains(">Mar 30</text>"))
    #expect(html.contains(">10</text>") && html.contains(">-0.5</text>") && html.contains(">25%</text>"))
    #expect(html.contains("Emotions (share of the week&#39;s texts)") || html.contains("Emotions (share of the week's texts)"))
    // The empty third week breaks the lines: trust is drawn in two pieces.
    let trust = html.components(separatedBy: "stroke=\"#2f6db5\" stroke-width=\"2\"").count - 1
    #expect(trust >= 2 * 2, "trust and valence lines in two pieces per subject")
    #expect(!html.contains("<script") && !html.contains("src=\"http"))
  }

  @Test func emotionsAndThemesPerSubject() throws {
    let html = try HTMLReport(templates: try Templates()).render(ExportFixtures.course.report)
    #expect(html.components(separatedBy: "<h3>Emotions and themes</h3>").count == 3)
    #expect(html.contains("<td>emotions</td><td>betrayal</td><td><span class=\"bar\"><span style=\"width:100.0%\"></span></span></td><td class=\"share\">100%</td>"))
    #expect(html.contains("<td>themes</td><td>progress</td>"))
  }

  @Test func aCaseloadHeadStatesItsOutcomes() throws {
    let report = ExportFixtures.course.report
    let html = try HTMLReport(templates: try Templates()).render(report)
    #expect(html.contains("<p><strong>Outcomes:</strong> \(report.outcomes.sentence)</p>"))
    var one = report
    one.subjects.removeLast()
    #expect(!(try HTMLReport(templates: try Templates()).render(one)).contains("Outcomes:"))
  }

  @Test func theMonthViewOfAMonthlyReport() throws {
    var report = ExportFixtures.course.report
    report.subjects.removeLast()
    let march = LocalDay(iso: "2026-03-01")!
    // A week's bucket stands in for the month's: the view shows whatever bucket it is given.
    let month = try #require(try report.subjects[0].weekly.last?.bucket)
    report.subjects[0].month = MonthView(
      month: march, dailyValence: [LocalDay(iso: "2026-03-03")!: -0.5, LocalDay(iso: "2026-03-31")!: 0.3],
      months: [(LocalDay(iso: "2026-02-01")!, DayBucket()), (march, month)],
      notable: [
        MonthView.Notable(
          signal: "rushing", date: RecordDate(day: LocalDay(iso: "2026-03-10")!), source: SourceLocation(file: "j.jsonl", line: 2),
          evidence: ["betrayal: lied <again>"], strength: 0.8)
      ])
    let html = try HTMLReport(templates: try Templates()).render(report)
    #expect(html.contains("<h3>March 2026</h3>"))
    // March 2026 starts on a Sunday: six calendar rows, the first with only the 1st.
    #expect(html.contains("<tr><td>2026-02-23</td><td></td><td></td><td></td><td></td><td></td><td></td><td class=\"day\"><b>1</b>&nbsp;</td></tr>"))
    #expect(html.contains("<td class=\"day\" style=\"background:\(HTMLReport.valenceColor(-0.5))\"><b>3</b>-0.5</td>"))
    #expect(html.contains("<tr><td>2026-03-30</td><td class=\"day\"><b>30</b>&nbsp;</td><td class=\"day\" style=\"background:"))
    #expect(html.contains("<tr><td>2026-02</td><td>0</td><td>—</td>"))
    #expect(html.contains("<tr><td>2026-03</td><td>\(month.texts)</td>"))
    #expect(html.contains("<li>rushing, 2026-03-10: betrayal: lied &lt;again&gt; <span class=\"muted\">(j.jsonl:2)</span></li>"))
    #expect(!(try HTMLReport(templates: try Templates()).render(ExportFixtures.course.report)).contains("class=\"calendar\""))
  }

  @Test func valenceColoursRunRedYellowGreen() {
    #expect(HTMLReport.valenceColor(-1) == "#f8696b")
    #expect(HTMLReport.valenceColor(0) == "#ffeb84")
    #expect(HTMLReport.valenceColor(1) == "#63be7b")
    #expect(HTMLReport.valenceColor(7) == "#63be7b")
  }

  /// A sentence two signals share, or one the Why already gave, is shown once.
  @Test func noSentenceIsRepeated() throws {
    var report = ExportFixtures.report
    let day = ExportFixtures.day
    report.subjects[0].changes = ["trust up 2", "trust up 2"]
    report.subjects[0].assessment.signals = [
      Signal(kind: "rushing", from: day, to: day, strength: 1, evidence: ["shared sentence", "trust up 2"]),
      Signal(kind: "setback", from: day, to: day, strength: 1, evidence: ["shared sentence", "own sentence"]),
    ]
    let html = try HTMLReport(templates: try Templates()).render(report)
    for sentence in ["trust up 2", "shared sentence", "own sentence"] {
      #expect(html.components(separatedBy: "<li>\(sentence)</li>").count == 2, "\(sentence)")
    }
  }
}
