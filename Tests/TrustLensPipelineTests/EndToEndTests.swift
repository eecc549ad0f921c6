import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensExport
import TrustLensPipeline
import TrustLensTrends

/// The demo pipeline on the bundled sample data, run into a temporary folder.
@Suite(.serialized) struct EndToEndTests {
  static func demoPipeline(into output: URL) throws -> PipelineFile {
    let demo = TestSupport.repositoryRoot.appendingPathComponent("pipelines/demo.yml").path
    var pipeline = try PipelineFile.load(demo)
    pipeline.outputDir = output.path
    return pipeline
  }

  /// `--since` keeps the per-entry outputs to records from that day on (analysis.jsonl lines
  /// are made on the analysis threads and dropped in order), while trends use everything.
  @Test func sinceLimitsTheAnalysisLinesNotTheTrends() throws {
    let whole = TestSupport.temporaryFolder(), recent = TestSupport.temporaryFolder()
    let all = try Runner(pipeline: Self.demoPipeline(into: whole)).run()
    let since = LocalDay(iso: "2026-03-01")!
    let limited = try Runner(pipeline: Self.demoPipeline(into: recent), options: RunOptions(since: since)).run()
    func lines(_ folder: URL) throws -> [Substring] {
      try String(contentsOf: folder.appendingPathComponent("analysis.jsonl"), encoding: .utf8).split(separator: "\n")
    }
    let expected = try lines(whole).filter { line in
      guard let range = line.range(of: #""date":""#) else { return false }
      return String(line[range.upperBound...].prefix(10)) >= "2026-03-01"
    }
    let everything = try lines(whole), kept = try lines(recent)
    #expect(!expected.isEmpty && expected.count < everything.count)
    #expect(kept == expected)
    #expect(limited.report.subjects.map(\.assessment.status) == all.report.subjects.map(\.assessment.status))
  }

  @Test func demoRunWritesEveryOutputAndReconciles() throws {
    let output = TestSupport.temporaryFolder()
    let outcome = try Runner(pipeline: Self.demoPipeline(into: output)).run()
    #expect(outcome.exitStatus == 0)
    let c = outcome.report.counts
    // data/README.md: 3 planted problems (1 duplicate, 1 reject, and a bad rating in a
    // check-in with a note, kept without that rating).
    #expect(c.records == c.entries + c.checkIns + c.rejected + c.duplicates)
    #expect(c.rejected == 1 && c.duplicates == 1)
    #expect(c.entries == 325 && c.checkIns == 127)

    let statuses = Dictionary(uniqueKeysWithValues: outcome.report.subjects.map { ($0.assessment.subject, $0.assessment.status.rawValue) })
    #expect(statuses == ["c01": "progress", "c02": "rushing", "c03": "setback", "c04": "avoidance", "c05": "plateau", "me": "progress"])
    #expect(outcome.report.subjects.first?.assessment.subject == "c02")

    for file in ["summary.json", "report.xlsx", "dashboard.txt", "report.html", "summary.md", "report.json", "analysis.jsonl", "rejects.csv", "c01/report.xlsx", "me/dashboard.txt"] {
      let path = output.appendingPathComponent(file).path
      #expect(FileManager.default.fileExists(atPath: path), "\(file) missing")
      #expect((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as? [String: Any]
    let counts = try #require(summary?["counts"] as? [String: Int])
    #expect(counts["records"] == c.records && counts["rejected"] == 1)
    let rejects = try String(contentsOf: output.appendingPathComponent("rejects.csv"), encoding: .utf8)
    #expect(rejects.contains("c05/journal.jsonl,31,\"invalid date \"\"2026-13-40\"\"\""))
    #expect(!rejects.contains("c04/checkins.csv"))
    let analysis = try String(contentsOf: output.appendingPathComponent("analysis.jsonl"), encoding: .utf8)
    #expect(analysis.split(separator: "\n").count == c.analyzed)
    // The caseload overview: one row per subject, those needing attention first.
    let workbook = try ExportFixturesProxy.zipPart(output.appendingPathComponent("report.xlsx").path, "xl/workbook.xml")
    #expect(workbook.contains("name=\"Overview\""))
    let dashboard = try String(contentsOf: output.appendingPathComponent("dashboard.txt"), encoding: .utf8)
    #expect(dashboard.contains("  c02             rushing"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  /// Two separate processes (each with its own hash seed) give byte-identical outputs.
  @Test func rerunsAreByteIdentical() throws {
    let folder = TestSupport.temporaryFolder()
    let data = TestSupport.repositoryRoot.appendingPathComponent("data").path
    var outputs: [URL] = []
    for name in ["a", "b"] {
      let yaml = """
        name: demo
        timezone: America/New_York
        inputs:
          - {path: \(data)/clients, subject: folder}
          - {path: \(data)/personal, subject: me}
        outputs:
          dir: out
          per_subject: true
          formats: [xlsx, dashboard, html, markdown, json, analysis, rejects]
        """
      // The same pipeline file name in two folders: the About sheet names the file.
      let runFolder = folder.appendingPathComponent(name)
      TestSupport.write(yaml, "demo.yml", in: runFolder)
      let result = try CommandRunner.run(["run", "demo.yml"], directory: runFolder)
      #expect(result.status == 0, "\(result.stderr)")
      outputs.append(runFolder.appendingPathComponent("out"))
    }
    let files = try FileManager.default.subpathsOfDirectory(atPath: outputs[0].path).filter { !$0.hasPrefix(".") }.sorted()
    #expect(files.count > 40)
    for file in files where !file.hasSuffix("/") {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: outputs[0].appendingPathComponent(file).path, isDirectory: &isDirectory)
      if isDirectory.boolValue { continue }
      let left = try Data(contentsOf: outputs[0].appendingPathComponent(file))
      let right = try Data(contentsOf: outputs[1].appendingPathComponent(file))
      #expect(left == right, "\(file) differs")
    }
  }

  /// `entries_text: false` leaves the texts out of the run's own workbook; each subject's
  /// workbook keeps them.
  @Test func entriesTextOffLeavesTheCaseloadWorkbookWithoutTexts() throws {
    let output = TestSupport.temporaryFolder()
    var pipeline = try Self.demoPipeline(into: output)
    pipeline.entriesText = false
    pipeline.perSubject = true
    pipeline.formats = [.xlsx]
    _ = try Runner(pipeline: pipeline).run()
    func sheets(_ path: String) throws -> String {
      try TestSupport.zipListing(path).filter { $0.hasPrefix("xl/worksheets/sheet") }.map { try TestSupport.zipPart(path, $0) }.joined()
    }
    let caseload = try sheets(output.appendingPathComponent("report.xlsx").path)
    let text = "I trusted him completely and he threw it away."  // c01's first entry
    #expect(caseload.contains(">Evidence<") && !caseload.contains(text))
    let subjects = try FileManager.default.contentsOfDirectory(atPath: output.path).filter {
      FileManager.default.fileExists(atPath: output.appendingPathComponent("\($0)/report.xlsx").path)
    }
    #expect(!subjects.isEmpty)
    for subject in subjects {
      #expect(try sheets(output.appendingPathComponent("\(subject)/report.xlsx").path).contains(">Text<"), "\(subject)")
      if subject == "c01" { #expect(try sheets(output.appendingPathComponent("c01/report.xlsx").path).contains(text)) }
    }
  }

  @Test func failOnAnyFiresExitOne() throws {
    let output = TestSupport.temporaryFolder()
    let outcome = try Runner(pipeline: Self.demoPipeline(into: output), options: RunOptions(failOnAny: ["rushing"])).run()
    #expect(outcome.exitStatus == 1)
    #expect(outcome.report.alerts == ["c02: rushing"])
  }

  @Test func rejectsBeyondTheToleranceExitThree() throws {
    let output = TestSupport.temporaryFolder()
    var pipeline = try Self.demoPipeline(into: output)
    pipeline.maxRejected = .count(0)
    #expect(try Runner(pipeline: pipeline).run().exitStatus == 3)
  }
}
