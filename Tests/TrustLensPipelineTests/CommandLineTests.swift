import Foundation
import Testing
import TestSupport

/// The `trustlens` binary, run as a user runs it: stdout, stderr and exit status.
@Suite struct CommandLineTests {
  @Test func versionAndHelp() throws {
    let version = try CommandRunner.run(["--version"])
    #expect(version.status == 0 && version.stdout == "0.1.0\n")
    let help = try CommandRunner.run(["--help"])
    #expect(help.status == 0)
    for command in ["run", "analyze", "trends", "explain", "Exit status"] { #expect(help.stdout.contains(command)) }
    let runHelp = try CommandRunner.run(["run", "--help"])
    #expect(runHelp.stdout.contains("Example: trustlens run pipelines/demo.yml"))
  }

  @Test func explainShowsInsecurityNotSafety() throws {
    let result = try CommandRunner.run(["explain", "I don't feel safe around him"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("insecurity (emotion)"))
    #expect(result.stdout.contains("\"feel safe\""))
    #expect(result.stdout.contains("[negation]"))
    #expect(!result.stdout.contains("safety (emotion)"))
  }

  /// The three built-in lexicons by name: the default blend, the whole model, the hand-written files.
  @Test func builtinLexiconsCanBeNamed() throws {
    let text = "He admitted what he did. I feel safe with him again."
    var explained: [String: String] = [:]
    for name in ["builtin", "fitted", "hand"] {
      let result = try CommandRunner.run(["explain", text, "--lexicon", name])
      #expect(result.status == 0, "\(name): \(result.stderr)")
      explained[name] = result.stdout
    }
    let byDefault = try CommandRunner.run(["explain", text])
    #expect(byDefault.stdout == explained["builtin"])
    // The model scores the default's emotions ("≥ threshold"), the hand-written lexicon none.
    #expect(explained["builtin"]!.contains("threshold") && explained["fitted"]!.contains("threshold"))
    #expect(!explained["hand"]!.contains("threshold"))
    #expect(explained["builtin"] != explained["hand"])
  }

  @Test func analyzePrintsTheContractShape() throws {
    let result = try CommandRunner.run(["analyze", "data/clients/c01/journal.jsonl", "--subject", "c01", "--timezone", "America/New_York"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 47)
    let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(Set(first.keys) == ["id", "subject", "date", "source", "kind", "words", "valence", "emotions", "themes", "evidence"])
    #expect(result.stderr == "data/clients/c01/journal.jsonl:17: skipped: duplicate of an earlier record with the same id\n")
  }

  @Test func analyzeWorksAsAStreamingFilter() throws {
    let input = #"{"date":"2026-03-01","text":"He lied to me again"}"# + "\n"
    let result = try CommandRunner.run(["analyze", "-", "--input-format", "jsonl"], stdin: input)
    #expect(result.status == 0)
    #expect(result.stdout.contains(#""source":"-:1""#))
    #expect(result.stdout.contains(#""deception""#))
  }

  @Test func duplicatesAreNamedNotSilentlyDropped() throws {
    let line = #"{"date":"2026-03-01","text":"He lied to me again"}"# + "\n"
    let result = try CommandRunner.run(["analyze", "-", "--input-format", "jsonl"], stdin: line + line)
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stderr == "-:2: skipped: duplicate of an earlier record with the same subject, date and text\n")
  }

  /// An empty subject id is refused as the pipeline file refuses it (it gave the subject "").
  @Test func anEmptySubjectIsAUsageError() throws {
    let result = try CommandRunner.run(["analyze", "-", "--subject", ""], stdin: #"{"date":"2026-03-01","text":"x"}"# + "\n")
    #expect(result.status == 2)
    #expect(result.stderr.contains("--subject must be folder, field or an id"))
  }

  /// Ids are a kind's own: an export's journal and check-in files both numbered 1, 2, … are
  /// four records, not two and two duplicates; a repeated entry id still is one.
  @Test func entriesAndCheckInsNumberedAlikeAreAllKept() throws {
    let folder = TestSupport.temporaryFolder()
    TestSupport.write("id,date,text\n1,2026-03-01,journal one\n2,2026-03-02,journal two\n2,2026-03-03,journal again\n", "ids/journal.csv", in: folder)
    TestSupport.write("id,date,trust\n1,2026-03-01,5\n2,2026-03-08,6\n", "ids/checkins.csv", in: folder)
    let result = try CommandRunner.run(["analyze", folder.path + "/ids", "--format", "jsonl"])
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").count == 2)  // the two journal entries (check-ins have no note)
    #expect(result.stderr == "\(folder.path)/ids/journal.csv:4: skipped: duplicate of an earlier record with the same id\n")
  }

  @Test func trendsPrintsOneObjectPerSubject() throws {
    let result = try CommandRunner.run(["trends", "data/clients", "--subject", "folder", "--timezone", "America/New_York"])
    #expect(result.status == 0)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(array.map { $0["subject"] as? String } == ["c01", "c02", "c03", "c04", "c05"])
    #expect(array.map { $0["status"] as? String } == ["progress", "rushing", "setback", "avoidance", "plateau"])
    for key in ["from", "to", "entries", "checkins", "skipped_checkins", "signals", "metrics"] { #expect(array[0][key] != nil) }
    // The two planted rejects are reported on standard error with file and line.
    #expect(result.stderr.contains("data/clients/c05/journal.jsonl:31: invalid date \"2026-13-40\""))
  }

  @Test func badPipelineKeyIsOneLineAndExitTwo() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("name: x\ninputs: [a]\noutputz: {dir: o}\n", "bad.yml", in: folder)
    let result = try CommandRunner.run(["run", path])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("Error: \(path):3: unknown key \"outputz\" in the pipeline (expected one of: alerts, inputs, lexicons,"))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test func missingInputIsOneLineAndExitTwo() throws {
    let result = try CommandRunner.run(["analyze", "no/such/journal.jsonl"])
    #expect(result.status == 2)
    #expect(result.stderr == "Error: no/such/journal.jsonl: no such file or folder\n")
  }

  @Test func lexiconCheckReportsLines() throws {
    let folder = TestSupport.temporaryFolder()
    let good = TestSupport.write("finances*\tmoney\t0.8\n", "good.tsv", in: folder)
    let result = try CommandRunner.run(["lexicon", "check", good])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("\(good): valid trustlens lexicon: 1 tag patterns, 0 valence entries"))
    let bad = TestSupport.write("# x\nsafe\tsafety\n", "bad.tsv", in: folder)
    let failed = try CommandRunner.run(["lexicon", "check", bad])
    #expect(failed.status == 2)
    #expect(failed.stderr == "Error: \(bad):2: expected 3 columns (pattern, tag, weight), found 2\n")
  }

  /// Analysed JSON Lines (e.g. cluster shards, in any order) assess like the raw journal.
  @Test func trendsAcceptAnalysedShardsInAnyOrder() throws {
    let folder = TestSupport.temporaryFolder()
    let raw = "data/clients/c03/journal.jsonl"
    let analysed = try CommandRunner.run(["analyze", raw, "--subject", "c03", "--timezone", "America/New_York"])
    let lines = analysed.stdout.split(separator: "\n").map(String.init).reversed()
    let half = lines.count / 2
    TestSupport.write(lines.prefix(half).joined(separator: "\n") + "\n", "shards/part-00001", in: folder)
    TestSupport.write(lines.dropFirst(half).joined(separator: "\n") + "\n", "shards/part-00000", in: folder)
    let single = try CommandRunner.run(["trends", raw, "--subject", "c03", "--timezone", "America/New_York"])
    let cluster = try CommandRunner.run(["trends", folder.appendingPathComponent("shards").path, "--timezone", "America/New_York"])
    #expect(cluster.status == 0, "\(cluster.stderr)")
    #expect(single.stdout == cluster.stdout)
    #expect(cluster.stdout.contains("\"status\":\"setback\""))
  }

  @Test func badUsageExitsTwo() throws {
    let result = try CommandRunner.run(["trends", "data", "--as-of", "yesterday"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--as-of must be a date YYYY-MM-DD"))
  }

  @Test func unreadableFolderIsOneLineAndExitTwo() throws {
    let folder = TestSupport.temporaryFolder()
    let locked = folder.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    chmod(locked.path, 0o000)
    chmod(folder.path, 0o755)
    defer { chmod(locked.path, 0o700) }
    // Root reads everything: drop to nobody, as a real user would be, running a copy of the
    // binary and its lexicon from a folder nobody can reach.
    var prefix: [String] = []
    var environment: [String: String] = [:]
    if getuid() == 0 {
      prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", folder.appendingPathComponent("trustlens").path]
      try FileManager.default.copyItem(at: CommandRunner.executable, to: folder.appendingPathComponent("trustlens"))
      let lexicon = TestSupport.repositoryRoot.appendingPathComponent("Sources/TrustLensAnalysis/Lexicon")
      try FileManager.default.copyItem(at: lexicon, to: folder.appendingPathComponent("Lexicon"))
      environment["TRUSTLENS_LEXICON_DIR"] = folder.appendingPathComponent("Lexicon").path
    }
    let result = try CommandRunner.run(["analyze", locked.path], directory: folder, environment: environment, prefix: prefix, replaceExecutable: !prefix.isEmpty)
    #expect(result.status == 2)
    #expect(result.stderr == "Error: \(locked.path): cannot open: cannot list folder (permission denied or not a folder)\n")
  }
}
