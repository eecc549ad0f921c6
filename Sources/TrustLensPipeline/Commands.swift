package import Foundation
package import TrustLensCore
import TrustLensImport
package import TrustLensAnalysis
package import TrustLensTrends
import TrustLensExport

/// The library side of the `analyze`, `trends` and `explain` commands: they write results to
/// `output`, diagnostics through `diagnostic`, and return the exit status.
package enum Commands {
  package enum AnalyzeFormat: String, CaseIterable, Sendable { case jsonl, csv, table }
  package enum TrendsFormat: String, CaseIterable, Sendable { case json, table }

  /// One result per journal entry and per check-in note, streamed in input order. With
  /// `contributions` (JSON Lines only), each line also lists the words that moved its valence
  /// (see ``ValenceContributions``).
  package static func analyze(
    _ selection: InputSelection, format: AnalyzeFormat, contributions: Bool = false, output: FileSink,
    diagnostic: @escaping (String) -> Void
  ) throws -> Int32 {
    let analyzer = Analyzer(lexicon: try LexiconLoader.load(selection.lexicons))
    let tags = analyzer.lexicon.categories.map(\.name)
    let diagnostics = DiagnosticsSink(showsRejects: true, write: diagnostic)
    let counts: IngestCounts
    let ingest = Ingest(sources: selection.sources, analyzer: analyzer)
    switch format {
    case .jsonl:
      let encode: @Sendable (AnalyzedRecord) -> String
      if contributions {
        encode = { record in
          AnalysisLineFormat.encode(record, contributions: ValenceContributions.of(record, by: analyzer), lineEnd: true)
        }
      } else {
        encode = { record in AnalysisLineFormat.encode(record, lineEnd: true) }
      }
      counts = try ingest.run(into: diagnostics, lines: OutputLines(output, encode: encode))
    case .csv:
      try output.write(EntriesCSV.header(tags: tags))
      counts = try ingest.run(into: diagnostics, lines: OutputLines(output) { EntriesCSV.line($0, tags: tags) })
    case .table:
      let table = AnalysisTable(output)
      try table.writeHeader()
      counts = try ingest.run(into: SinkChain([table, diagnostics]))
    }
    try output.close()
    return exitStatus(counts.total, selection.maxRejected, diagnostic: diagnostic)
  }

  /// One assessment per subject, ordered by subject id.
  package static func trends(
    _ selection: InputSelection, format: TrendsFormat, asOf: LocalDay?, settings: TrendSettings? = nil,
    output: FileSink, diagnostic: @escaping (String) -> Void
  ) throws -> Int32 {
    // No default value of a struct from another module: its layout would be baked into callers.
    let settings = settings ?? TrendSettings()
    let analyzer = Analyzer(lexicon: try LexiconLoader.load(selection.lexicons))
    let (timelines, counts) = try collectTimelines(selection, analyzer: analyzer, diagnostic: diagnostic)
    let assessor = Assessor(settings: settings)
    let day = asOf ?? timelines.lastDay
    var assessments: [Assessment] = []
    try timelines.drain { group in
      assessments += Assessor.assessAll(group.keys.sorted().map { group[$0]! }, with: assessor, asOf: day)
    }
    assessments.sort { $0.subject < $1.subject }
    switch format {
    case .json: try output.write(TrendsJSON.encode(assessments) + "\n")
    case .table:
      let widths = [14, 19, 12, 12, 9, 11]
      func row(_ cells: [String], _ last: String) -> String {
        zip(cells, widths).map { pad($0, $1) }.joined() + last + "\n"
      }
      try output.write(row(["subject", "status", "from", "to", "entries", "check-ins"], "signals"))
      for a in assessments {
        let held = a.checkIns - a.skippedCheckIns
        let cells: [String] = [
          clean(a.subject), a.status.rawValue, a.from?.description ?? "-", a.to?.description ?? "-",
          String(a.entries), "\(held)/\(a.checkIns)",
        ]
        try output.write(row(cells, a.signals.map(\.kind).joined(separator: ", ")))
        for sentence in a.statusEvidence { try output.write("    · \(sentence)\n") }
      }
    }
    try output.close()
    return exitStatus(counts, selection.maxRejected, diagnostic: diagnostic)
  }

  /// The analyzer with the built-in lexicon (for tests and tools).
  package static func analyzerForTests() throws -> Analyzer { Analyzer(lexicon: try LexiconLoader.load(["builtin"])) }

  /// The text dashboard of the inputs, for a terminal.
  package static func dashboard(
    _ selection: InputSelection, asOf: LocalDay?, width: Int, ascii: Bool, color: Bool, template: String?,
    output: FileSink, diagnostic: @escaping (String) -> Void
  ) throws -> Int32 {
    let analyzer = Analyzer(lexicon: try LexiconLoader.load(selection.lexicons))
    let templates: Templates
    do { templates = try Templates(overrides: template) } catch { throw PipelineError(wrapping: error) }
    let (timelines, counts) = try collectTimelines(selection, analyzer: analyzer, diagnostic: diagnostic)
    let report = try ReportBuilder.build(
      name: "dashboard", timelines: timelines, asOf: asOf, settings: TrendSettings(), counts: counts,
      categories: analyzer.lexicon.categories, lexicons: analyzer.lexicon.sources, rejects: [])
    try output.write(Dashboard(width: width, ascii: ascii, color: color, templates: templates).render(report))
    try output.close()
    return exitStatus(counts, selection.maxRejected, diagnostic: diagnostic)
  }

  /// The most `explain -` reads: one record's limit.
  package static let explainLimit = 1 << 20

  /// The text of `explain -`, read from `input` up to ``explainLimit`` bytes.
  /// - Throws: ``PipelineError`` when there is more.
  package static func readExplainInput(_ input: FileHandle) throws -> String {
    var data = Data()
    while data.count <= explainLimit, let chunk = try input.read(upToCount: 64 << 10), !chunk.isEmpty { data.append(chunk) }
    guard data.count <= explainLimit else {
      throw PipelineError("explain reads at most 1 MiB of text; standard input holds more")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// A month's trend sheet of the inputs (`trustlens report`): a run of a pipeline made for
  /// it, writing the workbook, dashboard, HTML, Markdown and JSON into `out` (default
  /// `output/report-YYYY-MM`).
  /// - Returns: the run's outcome, its folder, and the dashboard to print.
  package static func monthlyReport(
    _ selection: InputSelection, month: LocalDay, out: String?, force: Bool, notice: @escaping (String) -> Void
  ) throws -> (outcome: RunOutcome, folder: String, dashboard: String) {
    let name = String(month.description.prefix(7))
    var pipeline = PipelineFile(
      name: "report \(name)",
      inputs: selection.paths.map { PipelineFile.Input(path: $0, subject: selection.subject, kind: selection.kind, format: selection.format) },
      outputDir: out ?? "output/report-\(name)", formats: [.xlsx, .dashboard, .html, .markdown, .json])
    pipeline.timeZone = selection.timeZone
    pipeline.lexicons = selection.lexicons
    for index in pipeline.inputs.indices { pipeline.inputs[index].dayOrder = selection.dayOrder }
    let outcome = try Runner(pipeline: pipeline, options: RunOptions(month: month, force: force)).run(notice: notice)
    let templates: Templates
    do { templates = try Templates() } catch { throw PipelineError(wrapping: error) }
    return (outcome, pipeline.outputDir, try Dashboard(width: 80, templates: templates).render(outcome.report))
  }

  /// Every tag of `text` with the words that triggered it, their weights and the rules that
  /// changed them, and the valence with the words that moved it (see ``ExplanationText``).
  package static func explain(_ text: String, lexicons: [String] = ["builtin"]) throws -> String {
    ExplanationText.render(Analyzer(lexicon: try LexiconLoader.load(lexicons)).explain(text))
  }

  /// Reads the inputs into one timeline per subject (past the memory budget, as a run does,
  /// in anonymous files under `TMPDIR`, else /tmp); rejects and duplicates go to `diagnostic`.
  static func collectTimelines(
    _ selection: InputSelection, analyzer: Analyzer, diagnostic: @escaping (String) -> Void
  ) throws -> (TimelineStore, RunCounts) {
    let timelines = TimelineStore(spillingInto: NSTemporaryDirectory(), daysInMemory: RunOptions.defaultTimelineDaysInMemory)
    let sinks = SinkChain([TimelineSink(timelines), DiagnosticsSink(showsRejects: true, write: diagnostic)])
    let counts = try Ingest(sources: selection.sources, analyzer: analyzer).run(into: sinks)
    return (timelines, counts.total)
  }

  /// The exit status of a command from its counts: 3 when no record was read at all or the
  /// rejects exceed the tolerance, else 0; the reasons go to `diagnostic`.
  static func exitStatus(_ counts: RunCounts, _ tolerance: PipelineFile.Tolerance, diagnostic: (String) -> Void) -> Int32 {
    if counts.records == 0 {
      diagnostic("no records read from the inputs: exit status 3")
      return 3
    }
    guard counts.rejected > 0 else { return 0 }
    diagnostic("\(counts.rejected) of \(counts.records) records rejected")
    if tolerance.isExceeded(rejected: counts.rejected, records: counts.records) {
      diagnostic("rejects exceed the tolerance (\(tolerance)): exit status 3")
      return 3
    }
    return 0
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }

  /// Input text with its controls escaped, for terminal output.
  static func clean(_ text: String) -> String { TerminalText.escaped(text) }
}
