import Foundation
import Testing
import TrustLensCore
import TrustLensExport
import TrustLensTrends

@Suite struct TextOutputsTests {
  @Test(arguments: [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2", "-2"), ("-2+3", "'-2+3"), ("-0.5", "-0.5"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("=a,b", "\"'=a,b\""),
  ])
  func csvCellsAreNeutralised(_ raw: String, _ expected: String) {
    #expect(CSVCell.escape(raw) == expected)
  }

  @Test func customTemplatesReplaceTheDefaults() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tl-templates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("{{% CONTENT_TYPE: TEXT}}\nPractice report for {{#subjects}}{{name}} ({{status}}) {{/subjects}}\n".utf8)
      .write(to: folder.appendingPathComponent("summary.md.mustache"))
    let templates = try Templates(overrides: folder.path)
    #expect(MarkdownSummary(templates: templates).render(ExportFixtures.report).hasPrefix("Practice report for c01"))
    #expect(try HTMLReport(templates: templates).render(ExportFixtures.report).hasPrefix("<!doctype html>"))
    #expect(throws: Templates.TemplateError.self) { try Templates(overrides: "/nonexistent") }
  }

  @Test func jsonStringsAreEscaped() {
    var json = JSONWriter()
    json.beginObject()
    json.field("t", "a\"b\\c\n\u{1}\u{2028}é")
    json.field("n", Double.nan)
    json.field("x", 2.0)
    json.endObject()
    #expect(json.text == #"{"t":"a\"b\\c\n\u0001\u2028é","n":null,"x":2.0}"#)
  }

  @Test func dashboardStripsEscapeSequencesAndFitsTheWidth() throws {
    let templates = try Templates()
    let text = try Dashboard(width: 60, templates: templates).render(ExportFixtures.report)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 })
    #expect(text.contains("c01\\e[31m"))
    let ascii = try Dashboard(width: 80, ascii: true, templates: templates).render(ExportFixtures.report)
    #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    // The legend shows whole at 80 columns, not cut with an ellipsis.
    #expect(ascii.contains("no value that week; bars: share of texts\n"))
    let colored = try Dashboard(width: 80, color: true, templates: templates).render(ExportFixtures.report)
    #expect(colored.contains("\u{1B}[") && !colored.contains("\u{1B}[31m"))
  }

  @Test func summaryReconcilesAndHTMLEscapes() throws {
    let summary = SummaryJSON.encode(ExportFixtures.report)
    let object = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any]
    let counts = object?["counts"] as? [String: Int]
    #expect(counts?["records"] == 3)
    var report = ExportFixtures.report
    report.subjects[0].displayName = "<script>alert(1)</script>"
    let html = try HTMLReport(templates: try Templates()).render(report)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;"))
    #expect(html.contains("<svg") && html.contains("<figcaption>"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))
  }

  /// A nightly run marks what changed since the previous run; a first run marks nothing.
  @Test func summaryMarksNewSignalsAndStatusChanges() throws {
    var report = ExportFixtures.report
    let day = ExportFixtures.day
    report.subjects[0].assessment.signals = [
      Signal(kind: "rushing", from: day, to: day, strength: 1, evidence: []),
      Signal(kind: "withdrawal", from: day, to: day, strength: 1, evidence: []),
    ]
    let markdown = MarkdownSummary(templates: try Templates())
    let first = markdown.render(report)
    #expect(!first.contains("(new)") && !first.contains("(was ") && !first.contains("Since the previous run"))
    #expect(first.contains("4 records = 1 entry + 1 check-in + 1 rejected + 0 duplicates") || first.contains("= 1 entry + 1 check-in"))
    report.subjects[0].previousStatus = "made-up-status"
    report.subjects[0].newSignals = ["withdrawal"]
    let nightly = markdown.render(report)
    #expect(nightly.contains("**Since the previous run:** 1 status change, 1 new signal"))
    #expect(nightly.contains("(was made-up-status)"))
    #expect(nightly.contains("rushing, **withdrawal** (new)"))
  }

  /// Overview rows link to their subject's section; tables scroll on a narrow screen; a
  /// signal's evidence already under the status is not repeated.
  @Test func htmlLinksScrollsAndDoesNotRepeat() throws {
    var report = ExportFixtures.report
    let second = report.subjects[0]
    report.subjects.append(second)
    report.subjects[1].displayName = "c09"
    let why = report.subjects[0].assessment.statusEvidence + report.subjects[0].changes
    report.subjects[0].assessment.signals = [
      Signal(kind: "rushing", from: ExportFixtures.day, to: ExportFixtures.day, strength: 1, evidence: why + ["only under the signal"])
    ]
    let html = try HTMLReport(templates: try Templates()).render(report)
    #expect(html.contains(##"<a href="#subject-1">"##) && html.contains(##"<a href="#subject-2">c09</a>"##))
    #expect(html.contains(#"<section class="subject" id="subject-1">"#) && html.contains(#"id="subject-2""#))
    #expect(html.contains(#"<div class="scroll"><table class="overview">"#))
    #expect(html.contains("<li>only under the signal</li>"))
    #expect(!why.isEmpty)
    // Once in each section (the second subject is a copy of the first), never under the signal.
    for line in why { #expect(html.components(separatedBy: "<li>\(line)</li>").count == 3, "\(line)") }
  }
}
