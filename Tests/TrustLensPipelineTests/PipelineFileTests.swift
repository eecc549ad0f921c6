import Foundation
import Testing
import TrustLensImport
import TrustLensPipeline
import TrustLensTrends

@Suite struct PipelineFileTests {
  @Test func readsEveryContractKey() throws {
    let yaml = """
      name: caseload
      timezone: Europe/Berlin
      inputs:
        - path: ../data/clients
          subject: folder
          kind: auto
          format: csv
        - journal.jsonl
      lexicons: [builtin, extra.tsv]
      trends: {rush_days: 10, setback_drop: 1.5}
      outputs:
        dir: ../output/caseload
        per_subject: true
        formats: [xlsx, dashboard]
      alerts:
        fail_on: [rushing, setback]
        fail_on_any: []
      max_rejected: 2%
      """
    let file = try PipelineFile.parse(yaml, path: "/p/pipelines/caseload.yml")
    #expect(file.name == "caseload")
    #expect(file.timeZone.identifier == "Europe/Berlin")
    #expect(file.inputs.map(\.path) == ["/p/data/clients", "/p/pipelines/journal.jsonl"])
    #expect(file.inputs[0].subject == .folder && file.inputs[0].format == .csv)
    #expect(file.lexicons == ["builtin", "/p/pipelines/extra.tsv"])
    #expect(file.trends.rushDays == 10 && file.trends.setbackDrop == 1.5)
    #expect(file.outputDir == "/p/output/caseload" && file.perSubject)
    #expect(file.formats == [.xlsx, .dashboard])
    #expect(file.failOn == ["rushing", "setback"])
    #expect(file.maxRejected == .ratio(0.02))
  }

  @Test(arguments: [
    ("name: x\ninptus: []\n", #"p.yml:2: unknown key "inptus" in the pipeline"#),
    ("inputs:\n  - path: a\n    subjct: folder\noutputs: {dir: o}\n", #"p.yml:3: unknown key "subjct" in an input"#),
    ("inputs: [a]\noutputs:\n  dir: o\n  per_subject: maybe\n", "p.yml:4: per_subject must be true or false"),
    ("inputs: [a]\noutputs:\n  dir: o\n  entries_text: some\n", "p.yml:4: entries_text must be true or false"),
    ("timezone: Mars/Olympus\ninputs: [a]\noutputs: {dir: o}\n", #"p.yml:1: unknown time zone "Mars/Olympus""#),
    ("inputs: [a]\noutputs: {dir: o, formats: [pdf]}\n", #"p.yml:2: unknown output format "pdf""#),
    ("inputs: [a]\noutputs: {dir: o}\nalerts: {fail_on: [rush]}\n", #"p.yml:3: unknown signal "rush""#),
    ("inputs: [a]\noutputs: {dir: o}\ntrends: {rush_dayz: 3}\n", #"p.yml:3: unknown key "rush_dayz" in trends"#),
    ("outputs: {dir: o}\n", "p.yml:1: the pipeline has no inputs"),
    ("inputs: [a\n", "p.yml:2: not valid YAML"),
    ("inputs:\n  - {path: a, subject: \"  \"}\noutputs: {dir: o}\n", "p.yml:2: subject must be folder, field or an id"),
    ("inputs: [a]\noutputs:\n  dir: o\n  dir: p\n", #"p.yml:3: not valid YAML: the key "dir" is given twice in one mapping"#),
  ])
  func errorsNameTheKeyAndLine(_ yaml: String, _ prefix: String) {
    do {
      _ = try PipelineFile.parse(yaml, path: "p.yml")
      Issue.record("parsed: \(yaml)")
    } catch {
      #expect(error.message.hasPrefix(prefix), "\(error.message)")
    }
  }

  @Test func missingFileIsAnError() {
    #expect(throws: PipelineError(file: "/nonexistent.yml", line: nil, "no such pipeline file")) {
      try PipelineFile.load("/nonexistent.yml")
    }
  }
}
