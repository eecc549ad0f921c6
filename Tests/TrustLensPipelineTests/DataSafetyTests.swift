import Foundation
import Testing
import TestSupport

/// Nothing lost, nothing merged, nothing leaked: the run- and command-level promises of issue
/// #17, each through the binary as a user runs it.
@Suite struct DataSafetyTests {
  static let data = TestSupport.repositoryRoot.appendingPathComponent("data").path

  /// A copy of the personal sample journal to write next to.
  static func personalCopy(in folder: URL) throws -> URL {
    let copy = folder.appendingPathComponent("personal")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: data + "/personal"), to: copy)
    return copy
  }

  @Test func outNeverWritesOverAnInput() throws {
    let folder = TestSupport.temporaryFolder()
    let personal = try Self.personalCopy(in: folder)
    let checkIns = personal.appendingPathComponent("checkins.csv").path
    let before = try Data(contentsOf: URL(fileURLWithPath: checkIns))
    for force in [false, true] {
      let result = try CommandRunner.run(
        ["analyze", "personal", "--subject", "me", "--format", "csv", "--out", "personal/checkins.csv"] + (force ? ["--force"] : []),
        directory: folder)
      #expect(result.status == 2)
      #expect(result.stderr.contains("lies inside the input folder personal"), "\(result.stderr)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: checkIns)) == before)
    }
    let direct = try CommandRunner.run(
      ["analyze", "personal/journal.jsonl", "--subject", "me", "--out", "personal/journal.jsonl", "--force"], directory: folder)
    #expect(direct.status == 2)
    #expect(direct.stderr.contains("is the input personal/journal.jsonl"), "\(direct.stderr)")
  }

  @Test func outReplacesOnlyItsOwnFilesUnlessForced() throws {
    let folder = TestSupport.temporaryFolder()
    _ = try Self.personalCopy(in: folder)
    let notes = TestSupport.write("my own notes\n", "notes.txt", in: folder)
    let refused = try CommandRunner.run(["analyze", "personal", "--subject", "me", "--out", "notes.txt"], directory: folder)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("was not written by TrustLens: pass --force"))
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my own notes\n")
    // Its own output is replaced on the next run; --force replaces a foreign file.
    for arguments in [["--out", "analysis.jsonl"], ["--out", "analysis.jsonl"], ["--out", "notes.txt", "--force"]] {
      let result = try CommandRunner.run(["analyze", "personal", "--subject", "me"] + arguments, directory: folder)
      #expect(result.status == 0, "\(result.stderr)")
    }
    #expect(try String(contentsOfFile: notes, encoding: .utf8).hasPrefix("{\"id\":"))
  }

  @Test func anOutputFolderThatIsAnInputIsRefused() throws {
    let folder = TestSupport.temporaryFolder()
    _ = try Self.personalCopy(in: folder)
    let yaml = PipelineYAML(inputs: [("personal", "me")], outputDir: "personal").text
    let result = try CommandRunner.run(["run", TestSupport.write(yaml, "p.yml", in: folder)], directory: folder)
    #expect(result.status == 2)
    #expect(result.stderr == "Error: the output folder personal is also the input personal: choose another outputs.dir\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("personal/summary.json").path))
  }

  @Test func aForeignOutputFolderNeedsForce() throws {
    let folder = TestSupport.temporaryFolder()
    TestSupport.write("keep me\n", "out/thesis.txt", in: folder)
    let yaml = PipelineYAML(inputs: [("\(Self.data)/personal", "me")]).text
    let pipeline = TestSupport.write(yaml, "p.yml", in: folder)
    let refused = try CommandRunner.run(["run", pipeline], directory: folder)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("holds files TrustLens did not write"))
    let forced = try CommandRunner.run(["run", pipeline, "--force"], directory: folder)
    #expect(forced.status == 0, "\(forced.stderr)")
    let again = try CommandRunner.run(["run", pipeline], directory: folder)
    #expect(again.status == 0, "its own folder now: \(again.stderr)")
    #expect(try String(contentsOf: folder.appendingPathComponent("out/thesis.txt"), encoding: .utf8) == "keep me\n")
  }

  @Test func readingNoRecordAtAllFails() throws {
    let folder = TestSupport.temporaryFolder()
    TestSupport.write("", "empty/journal.jsonl", in: folder)
    let analyze = try CommandRunner.run(["analyze", "empty", "--subject", "me"], directory: folder)
    #expect(analyze.status == 3)
    #expect(analyze.stderr.contains("no records read from the inputs"))
    let yaml = PipelineYAML(name: "e", inputs: [("empty", "me")]).text
    let run = try CommandRunner.run(["run", TestSupport.write(yaml, "e.yml", in: folder)], directory: folder)
    #expect(run.status == 3)
    #expect(run.stderr.contains("no records read from the inputs"), "\(run.stderr)")
  }

  @Test func oneBrokenRecordDoesNotFailASmallJournal() throws {
    let folder = TestSupport.temporaryFolder()
    var lines = #"{"date":"2026-13-40","text":"broken"}"# + "\n"
    for day in 1...9 { lines += #"{"date":"2026-03-0\#(day)","text":"We talked it through."}"# + "\n" }
    TestSupport.write(lines, "small.jsonl", in: folder)
    let one = try CommandRunner.run(["analyze", "small.jsonl", "--subject", "me"], directory: folder)
    #expect(one.status == 0, "\(one.stderr)")
    // Four of ten broken passes both 5% and 3 records: the message reads as the user writes it.
    for _ in 0..<3 { lines += #"{"date":"2026-13-40","text":"broken"}"# + "\n" }
    TestSupport.write(lines, "small.jsonl", in: folder)
    let four = try CommandRunner.run(["analyze", "small.jsonl", "--subject", "me"], directory: folder)
    #expect(four.status == 3)
    #expect(four.stderr.contains("rejects exceed the tolerance (5% or 3 records, whichever is larger): exit status 3"), "\(four.stderr)")
  }

  @Test func aClientsFolderHoldsThatClientAlone() throws {
    let folder = TestSupport.temporaryFolder()
    let yaml = """
      name: caseload
      inputs:
        - {path: \(Self.data)/clients, subject: folder}
      outputs: {dir: out, per_subject: true, formats: [xlsx, dashboard, markdown, json, rejects]}

      """
    let result = try CommandRunner.run(["run", TestSupport.write(yaml, "c.yml", in: folder)], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let c01 = folder.appendingPathComponent("out/c01")
    var texts: [String] = []
    for part in try TestSupport.zipListing(c01.appendingPathComponent("report.xlsx").path) where part.hasSuffix(".xml") {
      texts.append(try TestSupport.zipPart(c01.appendingPathComponent("report.xlsx").path, part))
    }
    for name in ["summary.md", "dashboard.txt", "report.json", "rejects.csv"] {
      texts.append(try String(contentsOf: c01.appendingPathComponent(name), encoding: .utf8))
    }
    for text in texts {
      for other in ["c02", "c03", "c04", "c05"] { #expect(!text.contains(other), "c01's outputs name \(other)") }
    }
    // Its counts are its own: the run holds 307 records, c01 48 of them.
    let summary = try String(contentsOf: c01.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(!summary.contains("307 records"))
    let c05 = try String(contentsOf: folder.appendingPathComponent("out/c05/rejects.csv"), encoding: .utf8)
    #expect(c05.contains("c05/journal.jsonl,31,"))
  }

  /// With the subject in a column (`subject: field`), a rejected row is still its subject's:
  /// b's folder lists b's bad date and counts it (it went to the run's list alone).
  @Test func aSubjectColumnsRejectsAreInItsFolder() throws {
    let folder = TestSupport.temporaryFolder()
    TestSupport.write("subject,date,text\na,2026-03-01,a text\nb,2026-03-01,b text\nb,2026-13-01,b bad date\n", "s.csv", in: folder)
    let yaml = """
      name: field
      inputs: [s.csv]
      outputs: {dir: out, per_subject: true, formats: [json, rejects]}
      max_rejected: 100

      """
    let result = try CommandRunner.run(["run", TestSupport.write(yaml, "f.yml", in: folder)], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let b = try String(contentsOf: folder.appendingPathComponent("out/b/rejects.csv"), encoding: .utf8)
    #expect(b.contains("s.csv,4,"))
    let a = try String(contentsOf: folder.appendingPathComponent("out/a/rejects.csv"), encoding: .utf8)
    #expect(!a.contains("s.csv,4,"))
  }

  @Test func summaryListsSkippedFiles() throws {
    let folder = TestSupport.temporaryFolder()
    let personal = try Self.personalCopy(in: folder)
    try FileManager.default.createSymbolicLink(
      atPath: personal.appendingPathComponent("linked.jsonl").path, withDestinationPath: personal.appendingPathComponent("journal.jsonl").path)
    let yaml = PipelineYAML(inputs: [("personal", "me")]).text
    let result = try CommandRunner.run(["run", TestSupport.write(yaml, "p.yml", in: folder)], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let summary = try String(contentsOf: folder.appendingPathComponent("out/summary.json"), encoding: .utf8)
    #expect(summary.contains(#""skipped":[{"path":"personal/linked.jsonl","reason":"#), "\(summary)")
  }
}
