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
    let map = try String(contentsOf: out.appendingPathComponent("pseudonyms.private.csv"), encoding: .utf8)
    #expect(map.contains("S-8ba42f7ce978,c01"))
    let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("pseudonyms.private.csv").path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(!summary.contains("pseudonyms.private.csv"))
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
