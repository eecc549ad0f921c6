import Foundation
import Testing
import TestSupport
import TrustLensAnalysis
import TrustLensCore
import TrustLensImport

@testable import TrustLensPipeline

#if canImport(Glibc)
  import Glibc
#endif

/// The security review's findings on planted files, resource location, terminal text and the
/// run state, each reproduced in small form (`../shared/reviews/security.md`: M1, M2, M4, L2,
/// L4, L5, L6, L10), run through the binary as a user would.
@Suite(.serialized) struct SecurityTests {
  static let data = TestSupport.repositoryRoot.appendingPathComponent("data").path
  static let hostile = TestSupport.repositoryRoot.appendingPathComponent("Tests/TrustLensPipelineTests/Hostile").path

  /// A pipeline over the sample clients, one folder each, every format, into `out`.
  static func caseload(in folder: URL, state: Bool = false, perSubject: Bool = true) -> String {
    let yaml = """
      name: caseload
      timezone: America/New_York
      inputs:
        - {path: \(data)/clients, subject: folder}
      outputs: {dir: out, per_subject: \(perSubject), formats: [xlsx, dashboard, html, markdown, json, analysis, rejects, csv]}
      \(state ? "state: out/state.sqlite" : "")

      """
    return TestSupport.write(yaml, "caseload.yml", in: folder)
  }

  static func mode(_ path: String) throws -> Int? {
    try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
  }

  static func isLink(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
  }

  /// M1: links planted at the temporary names the run used to use (`.NAME.tmp-PID`) once the
  /// run has cleaned its folder (its marker file is there) are never written through: names
  /// now carry 64 random bits and are created with O_EXCL | O_NOFOLLOW; modes are set on
  /// descriptors.
  @Test func linksAtGuessedTemporaryNamesAreNotFollowed() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.caseload(in: folder, perSubject: false)
    let victim = TestSupport.write("IMPORTANT\n", "victim", in: folder)
    chmod(victim, 0o644)
    try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = ["run", file]
    process.currentDirectoryURL = folder
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Planted after the start-of-run clean-up, as the review's reproduction does.
    for _ in 0..<1000 where !FileManager.default.fileExists(atPath: folder.path + "/out/" + InputFiles.outputMarker) {
      usleep(5_000)
    }
    for name in ["report.html", "summary.md", "summary.json", "report.json", "report.xlsx", "dashboard.txt", "entries.csv", "analysis.jsonl", "rejects.csv", "entries.spill", "checkins.spill"] {
      symlink(victim, folder.path + "/out/.\(name).tmp-\(process.processIdentifier)")
    }
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "IMPORTANT\n")
    #expect(try Self.mode(victim) == 0o644)
    #expect(!Self.isLink(folder.path + "/out/report.html"))
    #expect(try String(contentsOfFile: folder.path + "/out/report.html", encoding: .utf8).hasPrefix("<!doctype html>"))
  }

  /// M1: a planted `out/c01 -> /elsewhere` is refused, and nothing is written there.
  @Test func aSubjectFolderThatIsALinkIsRefused() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.caseload(in: folder)
    let elsewhere = folder.appendingPathComponent("elsewhere")
    TestSupport.write("IMPORTANT\n", "report.html", in: elsewhere)
    TestSupport.write("", "out/" + InputFiles.outputMarker, in: folder)  // an earlier run's folder
    #expect(symlink(elsewhere.path, folder.path + "/out/c01") == 0)
    let result = try CommandRunner.run(["run", file], directory: folder)
    #expect(result.status == 2)
    #expect(result.stderr.contains("out/c01: cannot write: it is a symbolic link or not a folder; refusing"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["report.html"])
    #expect(try String(contentsOfFile: elsewhere.path + "/report.html", encoding: .utf8) == "IMPORTANT\n")
  }

  /// M1: `state.sqlite -> victim` is refused; the victim is neither written nor chmod-ed.
  @Test func aStateDatabaseThatIsALinkIsRefused() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.caseload(in: folder, state: true)
    let victim = TestSupport.write("IMPORTANT\n", "victim", in: folder)
    chmod(victim, 0o644)
    try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
    #expect(symlink(victim, folder.path + "/out/state.sqlite") == 0)
    let result = try CommandRunner.run(["run", file], directory: folder)
    #expect(result.status == 2)
    #expect(result.stderr.contains("state.sqlite: cannot use the state database: it is a symbolic link"), "\(result.stderr)")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "IMPORTANT\n")
    #expect(try Self.mode(victim) == 0o644)
  }

  /// M1: `state.sqlite.lock -> /path` is refused; the link's target is not created.
  @Test func aStateLockThatIsALinkIsRefused() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.caseload(in: folder, state: true)
    let target = folder.path + "/created-through-the-link"
    try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
    #expect(symlink(target, folder.path + "/out/state.sqlite.lock") == 0)
    let result = try CommandRunner.run(["run", file], directory: folder)
    #expect(result.status == 2)
    #expect(result.stderr.contains("state.sqlite.lock: cannot write: the lock file is a symbolic link"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  /// M1: an output folder that group or others can write (the review's `chmod 777 out/race`)
  /// is refused before anything is written into it.
  @Test func anOutputFolderOthersCanWriteIsRefused() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.caseload(in: folder)
    try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
    chmod(folder.path + "/out", 0o777)
    let result = try CommandRunner.run(["run", file], directory: folder)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "Error: out: cannot write: group or others can write this folder, so another user could plant links in it (chmod go-w it, or choose a private folder)\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out").isEmpty)
  }

  /// M4: templates and a lexicon planted as `TrustLens_*.resources` in the folder where the
  /// binary is run (installed alone, found through PATH) are not used.
  @Test func resourcesPlantedInTheCurrentFolderAreIgnored() throws {
    let folder = TestSupport.temporaryFolder()
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: CommandRunner.executable, to: bin.appendingPathComponent("trustlens"))
    let sources = TestSupport.repositoryRoot.appendingPathComponent("Sources")
    let templates = folder.appendingPathComponent("TrustLens_TrustLensExport.resources/Templates")
    let lexicon = folder.appendingPathComponent("TrustLens_TrustLensAnalysis.resources/Lexicon")
    try FileManager.default.createDirectory(at: templates.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: lexicon.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: sources.appendingPathComponent("TrustLensExport/Templates"), to: templates)
    try FileManager.default.copyItem(at: sources.appendingPathComponent("TrustLensAnalysis/Lexicon"), to: lexicon)
    try Data("{{% CONTENT_TYPE: TEXT}}\nHIJACKED {{#subjects}}{{{name}}}{{/subjects}}\n".utf8)
      .write(to: templates.appendingPathComponent("report.html.mustache"))
    try Data("betrayed\tprogress\t1\n".utf8).write(to: lexicon.appendingPathComponent("tags.tsv"))
    let yaml = PipelineYAML(name: "hj", inputs: [("\(Self.data)/clients", "folder")], formats: ["html"]).text
    let file = TestSupport.write(yaml, "hj.yml", in: folder)
    let viaPath = ["/usr/bin/env", "PATH=\(bin.path):/usr/bin:/bin", "trustlens"]
    let run = try CommandRunner.run(["run", file], directory: folder, prefix: viaPath, replaceExecutable: true)
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: folder.path + "/out/report.html", encoding: .utf8)
    #expect(html.hasPrefix("<!doctype html>") && !html.contains("HIJACKED"))
    let explained = try CommandRunner.run(["explain", "I feel betrayed"], directory: folder, prefix: viaPath, replaceExecutable: true)
    // The planted tags.tsv would make "betrayed" a progress tag.
    #expect(explained.stdout.contains("betrayal (emotion)") && !explained.stdout.contains("progress (theme)"), "\(explained.stdout)")
  }

  /// M2: escape sequences, BEL, BS and CR in file names, fields and subjects reach standard
  /// error escaped (`\e`), in notices, reject reasons and duplicates alike.
  @Test func controlsFromInputReachStandardErrorEscaped() throws {
    let folder = TestSupport.temporaryFolder()
    let input = folder.appendingPathComponent("in")
    let line = #"{"date":"2026-03-01","subject":"c\u001b[2J","text":"x"}"# + "\n"
    TestSupport.write(line + line, "\u{1B}[31mred\u{07}.jsonl", in: input)
    TestSupport.write(#"{"date":"\u001b]8;;http://evil.example\u0007\b\r2026","text":"x"}"# + "\n", "dates.jsonl", in: input)
    #expect(symlink(input.path + "/dates.jsonl", input.path + "/\u{1B}]52;c;SGVsbG8=\u{07}.jsonl") == 0)
    let result = try CommandRunner.run(["analyze", input.path, "--format", "table"], directory: folder)
    #expect(result.stderr.contains("\\e[31mred\\a.jsonl:2: skipped: duplicate"), "\(result.stderr)")
    // Reject reasons quote a cleaned excerpt of the bad field: its controls are dropped.
    #expect(result.stderr.contains("invalid date \"]8;;http://evil.example2026\""), "\(result.stderr)")
    #expect(result.stderr.contains("\\e]52;c;SGVsbG8=\\a.jsonl"), "\(result.stderr)")
    #expect(!result.stderr.unicodeScalars.contains { $0 != "\n" && TerminalText.needsEscape($0) }, "\(result.stderr)")
    #expect(!result.stdout.unicodeScalars.contains { $0 != "\n" && TerminalText.needsEscape($0) })
  }

  /// M2: a subject id (here a client folder's name) with an OSC 8 hyperlink and a screen
  /// clear reaches the `alerts:` line escaped.
  @Test func alertsNameSubjectsEscaped() throws {
    let folder = TestSupport.temporaryFolder()
    let client = folder.appendingPathComponent("in/c\u{1B}]8;;evil.example\u{07}02\u{1B}[2J")
    try FileManager.default.createDirectory(at: client.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.data + "/clients/c02", toPath: client.path)
    let yaml = PipelineYAML(name: "alerts", inputs: [("in", "folder")]).text
    let file = TestSupport.write(yaml, "alerts.yml", in: folder)
    let result = try CommandRunner.run(["run", file, "--fail-on-any", "rushing"], directory: folder)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("alerts: c\\e]8;;evil.example\\a02\\e[2J: rushing\n"), "\(result.stderr)")
    #expect(!result.stderr.unicodeScalars.contains { $0 != "\n" && TerminalText.needsEscape($0) }, "\(result.stderr)")
  }

  /// M2: `analyze --format csv` cells carry no raw ESC (121 did).
  @Test func csvCellsCarryNoEscapeSequences() throws {
    let result = try CommandRunner.run(["analyze", Self.hostile + "/escape-sequences.jsonl", "--format", "csv"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"))
    #expect(result.stdout.contains("c\\e[2J\\e]0;pwned\\a"))
  }

  /// M2: LIWC category names are validated like TSV tags; the error quotes the name escaped.
  @Test func lexiconCheckRefusesControlsInCategoryNames() throws {
    let folder = TestSupport.temporaryFolder()
    let file = TestSupport.write("%\n1\t\u{1B}[2Jevil\n%\nword\t1\n", "lex.dic", in: folder)
    let result = try CommandRunner.run(["lexicon", "check", file])
    #expect(result.status == 2)
    #expect(result.stderr.contains("lex.dic:2: invalid category name \"\\e[2Jevil\""), "\(result.stderr)")
    #expect(!result.stderr.contains("\u{1B}"))
    let good = TestSupport.write("%\n1\tgrief-words\n%\nmourn*\t1\n", "good.dic", in: folder)
    #expect(try CommandRunner.run(["lexicon", "check", good]).stdout.contains("custom categories (outside the built-in taxonomy): grief-words"))
  }

  /// L10: summary.md keeps no control characters, escapes `~` and autolinks nothing.
  @Test func summaryMarkdownHasNoControlsStrikethroughOrAutolinks() throws {
    let folder = TestSupport.temporaryFolder()
    let subjects = ["c\u{1B}[2J\u{07}\u{08}x", "~~struck~~", "http://evil.example/a", "www.evil.example", "mail@evil.example"]
    let lines = subjects.map { #"{"date":"2026-03-01","subject":"\#($0.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined())","text":"he lied"}"# }
    TestSupport.write(lines.joined(separator: "\n") + "\n", "in/j.jsonl", in: folder)
    let file = PipelineYAML(name: "md", inputs: [("in", nil)], formats: ["markdown"]).write(in: folder)
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 0)
    let markdown = try String(contentsOfFile: folder.path + "/out/summary.md", encoding: .utf8)
    #expect(!markdown.unicodeScalars.contains { $0 != "\n" && TerminalText.needsEscape($0) })
    #expect(markdown.contains("c\\[2Jx") && markdown.contains("\\~\\~struck\\~\\~"))
    #expect(markdown.contains("http\\://evil.example/a") && markdown.contains("www\\.evil.example") && markdown.contains("mail@\u{2060}evil.example"))
  }

  /// L6: a cached analysis with `"valence": 1e308` is a cache miss (analysed again, replaced,
  /// one notice), never a crash (it stopped the run with SIGILL).
  @Test func aTamperedStateCacheIsAMissNotACrash() throws {
    let folder = TestSupport.temporaryFolder()
    let texts = ["He lied to me again.", "We talked it through and I felt heard."]
    let lines = texts.enumerated().map { #"{"date":"2026-03-0\#($0.offset + 1)","text":"\#($0.element)"}"# }
    TestSupport.write(lines.joined(separator: "\n") + "\n", "in/j.jsonl", in: folder)
    let file = PipelineYAML(name: "st", inputs: [("in", nil)], lines: ["state: out/state.sqlite"]).write(in: folder)
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 0)
    do {
      let state = try RunState(path: folder.path + "/out/state.sqlite")
      let fingerprint = try LexiconLoader.load(["builtin"]).fingerprint
      for text in texts {
        try state.remember(
          key: RunState.key(text: text, lexicon: fingerprint),
          analysis: TextAnalysis(words: 3, valence: 1e308, emotions: ["betrayal": 2], themes: [:], evidence: []))
      }
      try state.record(pipeline: "tampering", asOf: nil, subjects: [])
    }
    let tampered = try CommandRunner.run(["run", file], directory: folder)
    #expect(tampered.status == 0, "\(tampered.stderr)")
    #expect(tampered.stderr.contains("state.sqlite: a cached analysis is invalid (valence 1e+308 is outside [-1, 1]); such entries are analysed again and replaced"), "\(tampered.stderr)")
    func counts() throws -> [String: Int] {
      let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/summary.json"))) as? [String: Any]
      return summary?["counts"] as? [String: Int] ?? [:]
    }
    #expect(try counts()["analyzed"] == 2 && counts()["reused"] == 0)
    let repaired = try CommandRunner.run(["run", file], directory: folder)
    #expect(repaired.status == 0 && !repaired.stderr.contains("invalid"))
    #expect(try counts()["analyzed"] == 0 && counts()["reused"] == 2)
  }

  /// Info: the cache key is a SHA-256 of the lexicon fingerprint and the text (no cheap FNV
  /// digest), and the old cache table is gone.
  @Test func theCacheKeyIsASHA256() throws {
    #expect(RunState.key(text: "", lexicon: 0) == "af5570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc")
    #expect(RunState.key(text: "a", lexicon: 1) != RunState.key(text: "a", lexicon: 2))
  }

  /// L2: a second run into an output folder another run holds (no `state:`) exits 2 with a
  /// message naming the folder, instead of both runs deleting each other's files.
  @Test func aSecondRunIntoTheSameFolderIsRefusedClearly() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.caseload(in: folder, perSubject: false)
    var running: RunFolder? = try RunFolder(folder.path + "/out")
    let blocked = try CommandRunner.run(["run", file], directory: folder)
    #expect(blocked.status == 2)
    #expect(blocked.stderr == "Error: out: cannot write: another TrustLens run is writing into this folder; try again when it has finished\n")
    withExtendedLifetime(running) {}
    running = nil
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 0)
  }

  /// L4: `--out` over a link is refused (the target untouched); over a 0644 file it replaces
  /// the file atomically with a 0600 one.
  @Test func outReplacesFilesPrivatelyAndRefusesLinks() throws {
    let folder = TestSupport.temporaryFolder()
    let victim = TestSupport.write("IMPORTANT\n", "victim", in: folder)
    #expect(symlink(victim, folder.path + "/link.jsonl") == 0)
    let input = Self.data + "/clients/c01"
    let refused = try CommandRunner.run(["analyze", input, "--out", folder.path + "/link.jsonl"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("link.jsonl: cannot write: it is a symbolic link; refusing to write through it"), "\(refused.stderr)")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "IMPORTANT\n")
    let existing = folder.path + "/out.jsonl"
    #expect(try CommandRunner.run(["analyze", input, "--out", existing]).status == 0)  // a file of ours
    chmod(existing, 0o644)
    #expect(try CommandRunner.run(["analyze", input, "--out", existing]).status == 0)
    #expect(try Self.mode(existing) == 0o600)
    #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("{\"id\":"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.jsonl", "out.jsonl", "victim"])
  }

  /// L5: start-of-run clean-up deletes only this tool's temporaries of ended processes in the
  /// folders it writes; other programs' `.x.tmp-1` and `.chapter1.docx.tmp-4242` files stay.
  @Test func cleanUpLeavesOtherProgramsFiles() throws {
    let folder = TestSupport.temporaryFolder()
    let file = Self.caseload(in: folder)
    let ended = try AtomicFileTemporaryTestsProxy.endedProcess()
    let foreign = [".x.tmp-1", "c01/.x.tmp-1", "rm/projects/thesis/.chapter1.docx.tmp-4242", ".report.html.tmp-\(getpid())-0123456789abcdef"]
    for name in foreign { TestSupport.write("theirs", "out/" + name, in: folder) }
    TestSupport.write("stale", "out/.report.html.tmp-\(ended)-0123456789abcdef", in: folder)
    TestSupport.write("", "out/" + InputFiles.outputMarker, in: folder)  // an earlier run's folder
    chmod(folder.path + "/out", 0o700)
    #expect(try CommandRunner.run(["run", file], directory: folder).status == 0)
    for name in foreign { #expect(FileManager.default.fileExists(atPath: folder.path + "/out/" + name), "\(name)") }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/.report.html.tmp-\(ended)-0123456789abcdef"))
  }
}

/// The id of a process that has ended.
enum AtomicFileTemporaryTestsProxy {
  static func endedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }
}
