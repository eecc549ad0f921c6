import Foundation
import TrustLensCore
import TrustLensExport
import TrustLensImport

/// Writes the per-format files of one report into one folder.
struct OutputWriter {
  let formats: [PipelineFile.OutputFormat]
  let records: SpillRecords
  let templates: Templates
  /// The run's own workbook, its Entries already written while reading.
  let workbookFeed: WorkbookFeed?

  /// Writes every requested format except the streamed ones and `summary.json`.
  /// - Parameter subject: only this subject's entries (per-subject folders), or all.
  /// - Returns: the written files, relative to the run's output folder.
  func write(_ report: Report, dir: String, prefix: String, subject: String?, timings: inout StageTimings) throws -> [String] {
    var written: [String] = []
    // The run's own workbook (Entries already written) is finished on its feed's thread while
    // the other formats are written here: compressing it is the longest of them.
    let background = subject == nil ? workbookFeed : nil
    background?.finish(report, records: records)
    // Whatever fails here, the workbook thread is done before the run cleans up.
    defer { try? background?.wait() }
    for format in formats {
      let before = written.count
      defer { if written.count > before { timings.lap("write " + prefix + written[before]) } }
      switch format {
      case .xlsx:
        if background == nil {
          try WorkbookRenderer().write(report, records: records, subject: subject, to: dir + "/report.xlsx")
          written.append("report.xlsx")
        }
      case .dashboard:
        try AtomicFile.write(Dashboard(width: 80, templates: templates).render(report), to: dir + "/dashboard.txt")
        written.append("dashboard.txt")
      case .markdown:
        try AtomicFile.write(MarkdownSummary(templates: templates).render(report), to: dir + "/summary.md")
        written.append("summary.md")
      case .json:
        try AtomicFile.stream(to: dir + "/report.json") { sink in try ReportJSON.write(report) { try sink.write($0) } }
        written.append("report.json")
      case .html:
        try AtomicFile.write(HTMLReport(templates: templates).render(report), to: dir + "/report.html")
        written.append("report.html")
      case .csv:
        let tags = report.categories.map(\.name)
        try AtomicFile.stream(to: dir + "/entries.csv") { sink in
          try sink.write(EntriesCSV.header(tags: tags))
          try records.forEachEntry(subject: subject) { try sink.write(EntriesCSV.line($0, tags: tags)) }
        }
        written.append("entries.csv")
      case .analysis where subject != nil:
        try AtomicFile.stream(to: dir + "/analysis.jsonl") { sink in
          try records.forEachEntry(subject: subject) { try sink.write(AnalysisLineFormat.encode($0, lineEnd: true)) }
        }
        written.append("analysis.jsonl")
      case .rejects where subject != nil:
        try AtomicFile.write(
          CSVCell.line(["file", "line", "reason"])
            + report.rejects.map { CSVCell.line([$0.source.file, String($0.source.line), $0.reason]) }.joined(),
          to: dir + "/rejects.csv")
        written.append("rejects.csv")
      case .analysis, .rejects:
        break  // streamed once for the whole run
      }
    }
    if let background {
      try background.wait()
      written.append("report.xlsx")
      timings.lap("finish report.xlsx (alongside the other formats)")
    }
    return written.map { prefix + $0 }
  }
}
