import Foundation
import Testing
import TestSupport

/// A caseload with pseudonyms: codes everywhere, names only in the private map.
@Suite struct PseudonymTests {
  static let key = "0123456789abcdef-secret"

  static func pipeline(in folder: URL, extra: String = "") -> String {
    let data = TestSupport.repositoryRoot.appendingPathComponent("data").path
    let yaml = """
      name: caseload
      timezone: America/New_York
      inputs:
        - {path: \(data)/clients, subject: folder}
      pseudonymize: true
      \(extra)
      outputs: {dir: out, per_subject: true, formats: [xlsx, dashboard, html, markdown, json, analysis, rejects, csv]}

      """
    return TestSupport.write(yaml, "caseload.yml", in: folder)
  }

  @Test func codesReplaceNamesInEveryOutputAndFileName() throws {
    let folder = TestSupport.temporaryFolder()
    let result = try CommandRunner.run(["run", Self.pipeline(in: folder)], directory: folder, environment: ["TRUSTLENS_PSEUDONYM_KEY": Self.key])
    #expect(result.status == 0, "\(result.stderr)")
    let out = folder.appendingPathComponent("out")
    // HMAC-SHA256 reference: python3 -c "import hmac,hashlib; print(hmac.new(b'0123456789abcdef-secret', b'c01', hashlib.sha256).hexdigest()[:12])"
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("S-8ba42f7ce978/report.xlsx").path))
    let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
    #expect(summary.contains("\"subject\":\"S-163e4fa9b603\",\"status\":\"rushing\""))
    #expect(!result.stderr.contains("c01"))
    // No client id in any output (workbooks read part by part), except the private map.
    let names = try NSRegularExpression(pattern: "(^|[^0-9a-zA-Z#])c0[1-5]([^0-9a-zA-Z]|$)")
    let files = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? [])
    for name in files where !name.hasSuffix("pseudonyms.private.csv") && !name.hasPrefix(".") && name.contains(".") {
      let path = out.appendingPathComponent(name).path
      var texts: [String] = []
      if name.hasSuffix(".xlsx") {
        for part in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml", "xl/worksheets/sheet7.xml"] {
          texts.append(try ExportFixturesProxy.zipPart(path, part))
        }
      } else {
        texts.append(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
      }
      for text in texts {
        #expect(names.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(name) names a client")
      }
    }
    // The private files sit beside the output folder, not in it.
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("pseudonyms.private.csv").path))
    let privateFolder = folder.appendingPathComponent("out.private")
    let map = try String(contentsOf: privateFolder.appendingPathComponent("pseudonyms.private.csv"), encoding: .utf8)
    #expect(map.contains("S-8ba42f7ce978,c01"))
    for name in ["pseudonyms.private.csv", "sources.private.csv", "rejects.private.csv"] {
      let attributes = try FileManager.default.attributesOfItem(atPath: privateFolder.appendingPathComponent(name).path)
      #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
    }
    #expect(!summary.contains("private"))
    // The private rejects name the real file; the shared ones its code.
    let rejects = try String(contentsOf: privateFolder.appendingPathComponent("rejects.private.csv"), encoding: .utf8)
    #expect(rejects.contains("data/clients/c05/journal.jsonl,31,"))
    let shared = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
    #expect(!shared.contains("journal.jsonl") && shared.contains("F-"))
  }

  /// Names in file names, folder names and zip entries never reach an output, the state or
  /// standard error, whichever subject rule (and whatever order of rejects and records).
  @Test(arguments: ["folder", "field"])
  func noInputNameReachesAnyOutput(rule: String) throws {
    let folder = TestSupport.temporaryFolder()
    let input = folder.appendingPathComponent("in")
    let day = { (d: Int) in "2026-03-\(d < 10 ? "0" : "")\(d)" }
    var alice = #"{"date":"2026-13-40","text":"bad date first","subject":"alice"}"# + "\n"
    for d in 1...12 { alice += #"{"date":"\#(day(d))","text":"We talked it through and I felt heard \#(d).","subject":"alice"}"# + "\n" }
    TestSupport.write(alice, "Alice Smith/alice-smith-journal.jsonl", in: input)
    var bob = ""
    for d in 1...6 { bob += "## \(day(d + 10))\nHe lied to me again, day \(d).\n\n" }
    TestSupport.write(bob, "bob/bob-jones.md", in: input)
    let zip = TestSupport.repositoryRoot.appendingPathComponent("Tests/TrustLensPipelineTests/Fixtures/named-dayone.zip")
    try FileManager.default.copyItem(at: zip, to: input.appendingPathComponent("bob/bob-dayone.zip"))
    TestSupport.write("date,trust,note\n2026-03-01,x,\n2026-03-02,4,fine\n", "bob/bob-jones-checkins.csv", in: input)
    let yaml = """
      name: leak
      inputs:
        - {path: in, subject: \(rule)}
      pseudonymize: true
      state: out/state.sqlite
      outputs: {dir: out, per_subject: true, formats: [xlsx, dashboard, html, markdown, json, analysis, rejects, csv]}

      """
    let pipeline = TestSupport.write(yaml, "leak.yml", in: folder)
    let result = try CommandRunner.run(["run", pipeline, "--fail-on-any", "setback,rushing,avoidance,progress,self-care-neglect"], directory: folder, environment: ["TRUSTLENS_PSEUDONYM_KEY": Self.key])
    #expect([0, 1].contains(result.status), "\(result.stderr)")
    let names = ["alice", "smith", "bob", "jones", "dayone"]
    var texts = [("stderr", result.stderr)]
    let out = folder.appendingPathComponent("out")
    for name in FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? [] {
      let path = out.appendingPathComponent(name).path
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
      texts.append((name, name))
      if name.hasSuffix(".xlsx") {
        for part in try TestSupport.zipListing(path) { texts.append((name + ":" + part, try TestSupport.zipPart(path, part))) }
      } else {
        texts.append((name, String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)))
      }
    }
    #expect(texts.count > 20)
    for (file, text) in texts {
      for name in names { #expect(!text.lowercased().contains(name), "\(file) names \(name)") }
    }
    // Only the private files link the codes to the names.
    let sources = try String(contentsOf: folder.appendingPathComponent("out.private/sources.private.csv"), encoding: .utf8)
    #expect(sources.contains("Bob Jones Journal.json") && sources.contains("alice-smith-journal.jsonl"))
  }

  @Test func aMissingKeyIsAnErrorNotAFallback() throws {
    let folder = TestSupport.temporaryFolder()
    let result = try CommandRunner.run(["run", Self.pipeline(in: folder)], directory: folder, environment: ["TRUSTLENS_PSEUDONYM_KEY": ""])
    #expect(result.status == 2)
    #expect(result.stderr.contains("pseudonymize needs a key"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/summary.json").path))
  }

  @Test func theKeyCanComeFromAFileAndChangesTheCodes() throws {
    let folder = TestSupport.temporaryFolder()
    TestSupport.write("another-key-of-some-length\n", "key.txt", in: folder)
    let result = try CommandRunner.run(["run", Self.pipeline(in: folder, extra: "pseudonym_key_file: key.txt")], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/S-8ba42f7ce978").path))
  }
}
