import Foundation
import TrustLensAnalysis
import TrustLensTrends
import TrustLensCore
import TrustLensExport

/// The assessing stage of a run: the report every exporter renders, from the timelines the
/// stream folded (the month's view and notable entries too, for a monthly sheet).
struct ReportStage {
  let context: RunContext

  func build(_ stream: RunStream, counts: IngestCounts) throws -> Report {
    let month = context.month
    var report = try ReportBuilder.build(
      name: context.pipeline.name, timelines: stream.timelines, asOf: context.options.asOf, settings: context.pipeline.trends,
      counts: counts.total, categories: context.analyzer.lexicon.categories, lexicons: context.analyzer.lexicon.sources,
      rejects: stream.rejects.kept,
      annotate: month.map { month in { timeline, subject in subject.month = MonthBuilder.view(of: timeline, month: month) } })
    report.pipelinePath = context.pipeline.path
    report.timeZone = context.pipeline.timeZone.identifier
    report.skippedFiles = stream.diagnostics.skippedFiles
    report.ownTags = stream.ownTags.tags
    // Pseudonymised outputs are for sharing: the journal text would name the person.
    // `entries_text: false` leaves them out of the run's own workbook (per-subject ones keep them).
    report.showsText = !context.pipeline.pseudonymize && context.pipeline.entriesText
    if let month {
      try MonthBuilder.attachNotables(month: month, to: &report, records: stream.entries.records)
    }
    return report
  }
}
