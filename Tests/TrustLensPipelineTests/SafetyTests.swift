import Foundation
import Testing
import TrustLensPipeline
import TestSupport

/// Injection, paths, privacy and faults, run through the binary as a user would.
@Suite(.serialized) struct SafetyTests {
  static let hostile = TestSupport.repositoryRoot.appendingPathComponent("Tests/TrustLensPipelineTests/Hostile").path

  /// A pipeline over some hostile inputs, writing every format per subject into `out`.
  static func pipeline(in folder: URL, inputs: [String], output: String = "out") -> String {
    let lines = inputs.map { "  - {path: \(hostile)/\($0), subject: field}" }.joined(separator: "\n")
    let yaml = """
      name: safety
      timezone: UTC
      inputs:
      \(lines)
      outputs:
        dir: \(output)
        per_subject: true
        formats: [xlsx, dashboard, html, markdown, json, analysis, rejects, csv]

      """
    return TestSupport.write(yaml, "safety.yml", in: folder)
  }

  static func allFiles(_ root: URL) -> [String] {
    (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
  }

  @Test func payloadsStayInTheirCellPageAndFolder() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.pipeline(
      in: folder, inputs: ["formula-injection.csv", "traversal-subject.jsonl", "html-payload.jsonl", "escape-sequences.jsonl"])
    let result = try CommandRunner.run(["run", file], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    // Everything written stays under the output folder; `../../etc` became a safe name (with
    // its id's hash: it is no safe name itself).
    let written = Self.allFiles(folder.appendingPathComponent("out"))
    #expect(written.contains { $0.hasPrefix("_.._.._etc-") && $0.hasSuffix("/report.xlsx") })
    #expect(Self.allFiles(folder).allSatisfy { $0 == "safety.yml" || $0 == "out" || $0.hasPrefix("out/") })
    // Spreadsheet: formulas from input are strings; CSV: neutralised.
    let sheet = try ExportFixturesProxy.zipPart(folder.appendingPathComponent("out/report.xlsx").path, "xl/worksheets/sheet2.xml")
    #expect(sheet.contains("=HYPERLINK(") && !sheet.contains("<f>"))
    let csv = try String(contentsOf: folder.appendingPathComponent("out/entries.csv"), encoding: .utf8)
    #expect(csv.contains("'=HYPERLINK") && csv.contains("'@SUM(1)"))
    // HTML: escaped; terminal text: no escape sequences.
    let html = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
    #expect(!html.contains("<script>alert") && html.contains("&lt;script&gt;"))
    let dashboard = try String(contentsOf: folder.appendingPathComponent("out/dashboard.txt"), encoding: .utf8)
    #expect(!dashboard.contains("\u{1B}") && !dashboard.contains("\u{07}"))
  }

  @Test func clientTextNeverAppearsInLogs() throws {
    let folder = TestSupport.temporaryFolder()
    let secret = "Zebrafish-Secret-4471"
    TestSupport.write(
      #"{"date":"2026-03-01","text":"\#(secret) he lied"}"# + "\n" + #"{"date":"2026-13-40","text":"\#(secret) again"}"# + "\n"
        + #"{"date":"2026-03-01","text":"\#(secret) he lied"}"# + "\n", "in/journal.jsonl", in: folder)
    let yaml = PipelineYAML(inputs: [("in", nil)], formats: nil, lines: ["max_rejected: 0"]).text
    let file = TestSupport.write(yaml, "p.yml", in: folder)
    let result = try CommandRunner.run(["run", file], directory: folder)
    #expect(result.status == 3)
    #expect(!result.stderr.contains(secret))
    #expect(result.stderr.contains("invalid date") || result.stderr.contains("rejected"))
  }

  @Test func outputsArePrivate() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.pipeline(in: folder, inputs: ["html-payload.jsonl"])
    let result = try CommandRunner.run(["run", file], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let out = folder.appendingPathComponent("out")
    let written = Self.allFiles(out)
    // Every format, for the run and for its subject, and the lock: nothing may pass by being absent.
    for name in ["report.xlsx", "dashboard.txt", "report.html", "summary.md", "summary.json", "report.json", "analysis.jsonl", "rejects.csv", "entries.csv", ".trustlens.lock"] {
      #expect(written.contains(name), "\(name) missing")
    }
    #expect(written.filter { $0.hasSuffix("/report.xlsx") }.count == 1)
    for name in written {
      let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)
      let isFolder = (attributes[.type] as? FileAttributeType) == .typeDirectory
      #expect((attributes[.posixPermissions] as? Int) == (isFolder ? 0o700 : 0o600), "\(name)")
    }
  }

  /// The end-to-end run in a network namespace without interfaces: nothing needs the network.
  @Test func runsWithoutANetwork() throws {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
      Issue.record("unshare needs root here; run the suite as root (as CI does)")
      return
    }
    let folder = TestSupport.temporaryFolder()
    let data = TestSupport.repositoryRoot.appendingPathComponent("data").path
    let yaml = PipelineYAML(name: "demo", inputs: [("\(data)/clients", "folder")], formats: nil, outputKeys: ["per_subject: true"], lines: ["timezone: America/New_York"]).text
    let file = TestSupport.write(yaml, "demo.yml", in: folder)
    let result = try CommandRunner.run(["run", file], directory: folder, prefix: ["/usr/bin/unshare", "-n"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/report.xlsx").path))
  }

  /// Killed at random points, a run leaves the previous outputs intact, and the next run
  /// produces exactly what an uninterrupted run does.
  @Test func killedRunsLeaveOutputsIntactAndRerunsMatch() throws {
    let folder = TestSupport.temporaryFolder()
    let data = TestSupport.repositoryRoot.appendingPathComponent("data").path
    let yaml = PipelineYAML(name: "demo", inputs: [("\(data)/clients", "folder"), ("\(data)/personal", "me")], formats: ["xlsx", "dashboard", "html", "markdown", "json", "analysis", "rejects", "csv"], outputKeys: ["per_subject: true"], lines: ["timezone: America/New_York"]).text
    let file = TestSupport.write(yaml, "demo.yml", in: folder)
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 0)
    let out = folder.appendingPathComponent("out")
    func snapshot() throws -> [String: Data] {
      var files: [String: Data] = [:]
      for name in Self.allFiles(out) where !name.hasSuffix("/") {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path, isDirectory: &isFolder)
        if !isFolder.boolValue && !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
          files[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
      }
      return files
    }
    let baseline = try snapshot()
    func differences(_ now: [String: Data]) -> [String] {
      Set(now.keys).union(baseline.keys).filter { now[$0] != baseline[$0] }.sorted()
    }
    for delay in CommandRunner.killDelays(seed: 20_261_125, count: 6) {
      try CommandRunner.runAndKill(["run", file], directory: folder, after: delay)
      let changed = differences(try snapshot())
      #expect(changed.isEmpty, "outputs changed after a kill at \(delay) s: \(changed)")
    }
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 0)
    let changed = differences(try snapshot())
    #expect(changed.isEmpty, "rerun differs: \(changed)")
    #expect(!Self.allFiles(out).contains { $0.contains(".tmp-") || $0.contains(".trustlens-tmp") || $0.contains("/tmp.") })
  }

  /// Runs `body` with a fresh test folder and a tmpfs of `size` mounted at its `disk`
  /// subfolder (unmounted afterwards). Needs root, as CI has; records an issue otherwise.
  static func withSmallDisk(size: String, _ body: (_ folder: URL, _ mount: URL) throws -> Void) throws {
    guard getuid() == 0 else {
      Issue.record("mounting a small tmpfs needs root; run the suite as root (as CI does)")
      return
    }
    let folder = TestSupport.temporaryFolder()
    let mount = folder.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
    let mounted = Process()
    mounted.executableURL = URL(fileURLWithPath: "/bin/mount")
    mounted.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mount.path]
    try mounted.run()
    mounted.waitUntilExit()
    guard mounted.terminationStatus == 0 else {
      Issue.record("could not mount a tmpfs here")
      return
    }
    defer {
      let unmount = Process()
      unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
      unmount.arguments = [mount.path]
      try? unmount.run()
      unmount.waitUntilExit()
    }
    try body(folder, mount)
  }

  /// A full disk: a clear error, no partial file, previous outputs intact.
  @Test func aFullDiskIsAClearError() throws {
    try Self.withSmallDisk(size: "160k") { folder, mount in
      let data = TestSupport.repositoryRoot.appendingPathComponent("data").path
      let yaml = PipelineYAML(name: "demo", inputs: [("\(data)/clients", "folder")], outputDir: "disk/out", formats: ["xlsx", "dashboard", "html", "json", "analysis", "rejects", "csv"], outputKeys: ["per_subject: true"], lines: ["timezone: America/New_York"]).text
      let file = TestSupport.write(yaml, "demo.yml", in: folder)
      let result = try CommandRunner.run(["run", file], directory: folder)
      #expect(result.status == 2)
      #expect(result.stderr.lowercased().contains("no space left on device"), "\(result.stderr)")
      #expect(!Self.allFiles(mount).contains { $0.contains(".tmp-") })
    }
  }

  /// A disk that fills while the timelines and rollups are spilled (a budget of one day
  /// bucket forces the spill): one clear error naming the temporary file, nothing left behind.
  @Test func aFullDiskWhileSpillingTimelinesIsAClearError() throws {
    try Self.withSmallDisk(size: "96k") { folder, mount in
      let data = TestSupport.repositoryRoot.appendingPathComponent("data").path
      let yaml = PipelineYAML(name: "demo", inputs: [("\(data)/clients", "folder")], outputDir: "disk/out", lines: ["timezone: America/New_York"]).text
      let file = TestSupport.write(yaml, "demo.yml", in: folder)
      var options = RunOptions()
      options.timelineDaysInMemory = 1
      #expect {
        _ = try Runner(pipeline: PipelineFile.load(file), options: options).run()
      } throws: { error in
        "\(error)".lowercased().contains("no space left on device") && "\(error)".contains("(temporary, in ")
      }
      #expect(!Self.allFiles(mount).contains { $0.contains(".tmp-") || $0.contains("spill") })
    }
  }

  /// A read-only output folder: a clear error and no partial file (run as an ordinary user;
  /// root may write anywhere).
  @Test func aReadOnlyOutputFolderIsAClearError() throws {
    let folder = TestSupport.temporaryFolder()
    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    TestSupport.write(#"{"date":"2026-03-01","text":"x"}"# + "\n", "in/j.jsonl", in: folder)
    chmod(out.path, 0o555)
    chmod(folder.path, 0o755)
    let file = PipelineYAML(inputs: [("in", nil)], formats: nil).write(in: folder)
    var prefix: [String] = []
    var environment: [String: String] = [:]
    if getuid() == 0 {
      try FileManager.default.copyItem(at: CommandRunner.executable, to: folder.appendingPathComponent("trustlens"))
      try FileManager.default.copyItem(
        at: TestSupport.repositoryRoot.appendingPathComponent("Sources/TrustLensAnalysis/Lexicon"), to: folder.appendingPathComponent("Lexicon"))
      try FileManager.default.copyItem(
        at: TestSupport.repositoryRoot.appendingPathComponent("Sources/TrustLensExport/Templates"), to: folder.appendingPathComponent("Templates"))
      environment = ["TRUSTLENS_LEXICON_DIR": folder.appendingPathComponent("Lexicon").path, "TRUSTLENS_TEMPLATE_DIR": folder.appendingPathComponent("Templates").path]
      prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", folder.appendingPathComponent("trustlens").path]
    }
    let result = try CommandRunner.run(["run", file], directory: folder, environment: environment, prefix: prefix, replaceExecutable: !prefix.isEmpty)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains("out: cannot write"), "\(result.stderr)")
    #expect(result.stderr.contains("ermission denied"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(Self.allFiles(out).isEmpty)
  }
}

/// Reads a part of a zip (an .xlsx).
enum ExportFixturesProxy {
  static func zipPart(_ path: String, _ part: String) throws -> String { try TestSupport.zipPart(path, part) }
}
