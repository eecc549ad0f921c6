import Foundation
import Testing
import TestSupport

/// Incremental runs with run state: reuse, history, alerts on new signals, the lock, kills.
@Suite(.serialized) struct RunStateTests {
  static func nightly(in folder: URL, failOn: String = "[rushing, setback]", failOnAny: String = "[]", state: String = "out/state.sqlite") -> String {
    let data = TestSupport.repositoryRoot.appendingPathComponent("data").path
    let yaml = """
      name: nightly
      timezone: America/New_York
      inputs:
        - {path: \(data)/clients, subject: folder}
      state: \(state)
      outputs: {dir: out, formats: [xlsx, dashboard, markdown, json, analysis, rejects]}
      alerts: {fail_on: \(failOn), fail_on_any: \(failOnAny)}

      """
    return TestSupport.write(yaml, "nightly.yml", in: folder)
  }

  static func summary(_ folder: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/summary.json"))) as? [String: Any] ?? [:]
  }

  static func outputs(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in ["report.xlsx", "dashboard.txt", "summary.md", "summary.json", "report.json", "analysis.jsonl", "rejects.csv"] {
      files[name] = try Data(contentsOf: folder.appendingPathComponent("out/" + name))
    }
    return files
  }

  @Test func rerunsReuseAnalysesAndAlertOnlyOnNewSignals() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.nightly(in: folder)
    let first = try CommandRunner.run(["run", file], directory: folder)
    #expect(first.status == 1)
    #expect(first.stderr.contains("alerts: c02: rushing, c03: setback"))
    var counts = try Self.summary(folder)["counts"] as? [String: Int]
    #expect(counts?["analyzed"] == 296 && counts?["reused"] == 0)

    let second = try CommandRunner.run(["run", file], directory: folder)
    #expect(second.status == 0, "\(second.stderr)")
    counts = try Self.summary(folder)["counts"] as? [String: Int]
    #expect(counts?["analyzed"] == 0 && counts?["reused"] == 296)
    let subjects = try Self.summary(folder)["subjects"] as? [[String: Any]] ?? []
    let c02 = subjects.first { $0["subject"] as? String == "c02" }
    #expect(c02?["previous_status"] as? String == "rushing")
    #expect((c02?["new_signals"] as? [String])?.isEmpty == true)
    let afterSecond = try Self.outputs(folder)

    // A third run with no new data writes byte-identical outputs.
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 0)
    #expect(try Self.outputs(folder) == afterSecond)

    // Standing signals still fire with --fail-on-any.
    let standing = try CommandRunner.run(["run", file, "--fail-on-any", "rushing"], directory: folder)
    #expect(standing.status == 1)
    #expect(standing.stderr.contains("alerts: c02: rushing"))
  }

  @Test func aSecondRunWhileOneIsGoingExitsWithAClearMessage() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.nightly(in: folder)
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
    let lock = open(folder.appendingPathComponent("out/state.sqlite.lock").path, O_RDWR | O_CREAT, 0o600)
    #expect(flock(lock, LOCK_EX) == 0)
    let blocked = try CommandRunner.run(["run", file], directory: folder)
    flock(lock, LOCK_UN)
    close(lock)
    #expect(blocked.status == 2)
    #expect(blocked.stderr.contains("another TrustLens run is using this state"))
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 1)
  }

  @Test func anUnusableStateFileIsAClearError() throws {
    let folder = TestSupport.temporaryFolder()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("out/state.sqlite"), withIntermediateDirectories: true)
    let result = try CommandRunner.run(["run", Self.nightly(in: folder)], directory: folder)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains("state.sqlite: cannot use the state database"), "\(result.stderr)")
  }

  /// Killed at random points (during analysis, the workbook write or the state update), the
  /// state stays consistent: the next run produces what an uninterrupted run does.
  @Test func killedRunsKeepTheStateConsistent() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.nightly(in: folder)
    _ = try CommandRunner.run(["run", file], directory: folder)
    _ = try CommandRunner.run(["run", file], directory: folder)
    let steady = try Self.outputs(folder)
    for delay in CommandRunner.killDelays(seed: 7, count: 6) {
      try CommandRunner.runAndKill(["run", file], directory: folder, after: delay)
      #expect(try Self.outputs(folder) == steady, "outputs changed after a kill at \(delay) s")
    }
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 0)
    #expect(try Self.outputs(folder) == steady)
  }
}
