import TrustLensAnalysis
import TrustLensTrends
import Foundation
import TrustLensCore
import TrustLensExport

/// The reading stage of a run: every record streams from the inputs through the run's sinks —
/// progress, timelines, the per-record outputs, `analysis.jsonl`, the rejects and standard
/// error — and the streamed files are committed when the stream ends.
final class RunStream {
  let timelines: TimelineStore
  let entries: EntryOutputsSink
  let analysis: AnalysisFileSink?
  let rejects: RejectsSink
  let diagnostics: DiagnosticsSink
  let ownTags = OwnTagsSink()
  private let chain: SinkChain

  init(_ context: RunContext) throws {
    let pipeline = context.pipeline
    let folder = context.folder
    timelines = TimelineStore(spillingInto: folder.path, daysInMemory: context.options.timelineDaysInMemory)
    // The run's workbook writes its Entries rows on its own thread while records stream in.
    // Its tabs exist before the subjects are known: the Overview is hidden if one subject is
    // all there is.
    let feed = try pipeline.formats.contains(.xlsx)
      ? WorkbookFeed(
        StreamingWorkbook(
          path: folder.file("report.xlsx"), tags: context.analyzer.lexicon.categories.map(\.name),
          month: context.month != nil, overview: true, keepsText: !pipeline.pseudonymize && pipeline.entriesText))
      : nil
    entries = try EntryOutputsSink(
      feed: feed, spillsEntries: ExportStage.readsEntriesAgain(pipeline, month: context.month), since: context.options.since,
      folder: folder)
    analysis = try pipeline.formats.contains(.analysis)
      ? AnalysisFileSink(path: folder.file("analysis.jsonl"), since: context.options.since) : nil
    if let privateFolder = context.privateFolder { try RunFolder.prepare(privateFolder) }
    rejects = try RejectsSink(
      path: pipeline.formats.contains(.rejects) ? folder.file("rejects.csv") : nil,
      privatePath: context.privateFolder.map { $0 + "/rejects.private.csv" }, pseudonyms: context.pseudonyms)
    diagnostics = DiagnosticsSink(showsRejects: false, write: context.notice)
    chain = SinkChain([ProgressSink(bytes: context.bytesRead, totalBytes: context.inputBytes, progress: context.progress), TimelineSink(timelines), ownTags, entries, rejects, diagnostics])
  }

  /// Reads every input of the run, then commits `analysis.jsonl` and the rejects files.
  func read(_ context: RunContext) throws -> IngestCounts {
    let ingest = Ingest(
      sources: context.sources, analyzer: context.analyzer, cache: context.state, transform: context.pseudonyms,
      outputFolder: context.folder.path)
    let counts = try ingest.run(into: chain, lines: analysis)
    try entries.finishStreaming()
    try analysis?.commit()
    try rejects.commit()
    return counts
  }

  /// Drops what the stream wrote so far (the run failed).
  func cancel() {
    entries.cancel()
  }
}
