import TrustLensAnalysis
import TrustLensTrends
import Foundation
import TrustLensCore
import TrustLensExport

/// The writing stage of a run: every requested format of the run's report into the output
/// folder, then — with `per_subject: true` — the same formats of each subject's own report
/// (its records, its rejects, its counts, its alerts alone) into its folder.
struct ExportStage {
  let context: RunContext
  let stream: RunStream
  let counts: IngestCounts

  /// The names a run writes at the top of its output folder; a subject's folder never takes
  /// one of them (a client named `summary.json` would otherwise break every later run).
  static let reservedNames: Set<String> = [
    "report.xlsx", "dashboard.txt", "report.html", "summary.md", "summary.json", "report.json", "analysis.jsonl",
    "rejects.csv", "entries.csv", "pseudonyms.private.csv", "state.sqlite",
  ]

  /// Whether the outputs read the analysed texts again after the stream (so the stream must
  /// spill them): per-subject workbooks, `entries.csv`, the month's notable entries.
  static func readsEntriesAgain(_ pipeline: PipelineFile, month: LocalDay?) -> Bool {
    pipeline.perSubject || pipeline.formats.contains(.csv) || month != nil
  }

  /// Writes every output; returns the files written, relative to the output folder.
  func write(_ report: Report, alerts: [Alert]) throws -> [String] {
    let writer = OutputWriter(
      formats: context.pipeline.formats, records: stream.entries.records, templates: context.templates,
      workbookFeed: stream.entries.feed)
    var outputs: [String] = []
    if context.pipeline.formats.contains(.analysis) { outputs.append("analysis.jsonl") }
    if context.pipeline.formats.contains(.rejects) { outputs.append("rejects.csv") }
    outputs += try writer.write(report, dir: context.folder.path, prefix: "", subject: nil, timings: &context.timings)
    let parts = 1 + (context.pipeline.perSubject ? report.subjects.count : 0)
    context.progress(.writing(outputs: outputs, part: 1, parts: parts))
    guard context.pipeline.perSubject else { return outputs }
    let names = SafeName.names(for: report.subjects.map(\.displayName), reserved: ExportStage.reservedNames)
    for (index, subject) in report.subjects.enumerated() {
      let id = subject.assessment.subject
      let name = names[subject.displayName]!
      let folder = context.folder.file(name)
      try RunFolder.makeSubfolder(folder)
      var single = report
      single.subjects = [subject]
      single.counts = counts[id]
      single.rejects = report.rejects.filter { $0.subject == id }
      single.skippedFiles = []
      single.ownTags = report.ownTags.filter { $0.subject == id }
      single.alerts = alerts.filter { $0.subject == id }.map(\.text)
      single.showsText = !context.pipeline.pseudonymize
      let written = try writer.write(single, dir: folder, prefix: name + "/", subject: id, timings: &context.timings)
      outputs += written
      context.progress(.writing(outputs: written, part: index + 2, parts: parts))
    }
    return outputs
  }
}
