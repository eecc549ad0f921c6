public import Foundation
public import TrustLensCore
public import TrustLensImport
public import TrustLensAnalysis
public import TrustLensTrends
import TrustLensExport

/// What `analyze` and `trends` read: inputs and how to read them.
public struct InputSelection: Sendable {
  public var paths: [String]
  public var subject: SubjectRule = .field
  public var timeZone: TimeZone = .current
  public var format: InputFormat = .auto
  public var kind: RecordKind = .auto
  public var lexicons: [String] = ["builtin"]
  public var maxRejected: PipelineFile.Tolerance = .ratio(0.05)
  public var dayOrder: DayOrder?

  public init(paths: [String]) {
    self.paths = paths
  }

  var sources: [Ingest.Source] {
    paths.map {
      Ingest.Source(
        path: $0,
        options: ImportOptions(format: format, kind: kind, subject: subject, timeZone: timeZone, dayOrder: dayOrder))
    }
  }
}

/// The library side of the `analyze`, `trends` and `explain` commands: they write results to
/// `output`, diagnostics through `diagnostic`, and return the exit status.
public enum Commands {
  public enum AnalyzeFormat: String, CaseIterable, Sendable { case jsonl, csv, table }
  public enum TrendsFormat: String, CaseIterable, Sendable { case json, table }

  /// One result per journal entry and per check-in note, streamed in input order.
  public static func analyze(
    _ selection: InputSelection, format: AnalyzeFormat, output: FileSink,
    diagnostic: @escaping (String) -> Void
  ) throws -> Int32 {
    let analyzer = Analyzer(lexicon: try LexiconLoader.load(selection.lexicons))
    let tags = analyzer.lexicon.categories.map(\.name)
    switch format {
    case .csv: try output.write(EntriesCSV.header(tags: tags))
    case .table:
      let header: [String] = [pad("date", 26), pad("subject", 12), pad("kind", 8), pad("words", 6), pad("valence", 8), "tags\n"]
      try output.write(header.joined())
    case .jsonl: break
    }
    var handlers = Ingest.Handlers(
      analyzed: { record in
        switch format {
        case .jsonl, .csv: break  // written from `line`, made on the analysis threads
        case .table:
          let a = record.analysis
          let top = a.emotions.merging(a.themes) { max($0, $1) }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(4).map { "\($0.key) \(String(format: "%.2f", $0.value))" }.joined(separator: ", ")
          let cells: [String] = [
            pad(record.date.description, 26), pad(clean(record.subject), 12), pad(record.kind.rawValue, 8),
            pad(String(a.words), 6), pad(String(format: "%+.2f", a.valence), 8), top, "\n",
          ]
          try output.write(cells.joined())
        }
      },
      reject: { diagnostic("\($0.source): \($0.reason)") },
      duplicate: { diagnostic("\($0.source): skipped: \($0.reason)") },
      notice: diagnostic)
    switch format {
    case .jsonl: handlers.line = ({ AnalysisLine.encode($0) + "\n" }, { try output.write($1) })
    case .csv: handlers.line = ({ EntriesCSV.line($0, tags: tags) }, { try output.write($1) })
    case .table: break
    }
    let counts = try Ingest(sources: selection.sources, analyzer: analyzer).run(handlers)
    try output.close()
    return exitStatus(counts, selection.maxRejected, diagnostic: diagnostic)
  }

  /// One assessment per subject, ordered by subject id.
  public static func trends(
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
  public static func analyzerForTests() throws -> Analyzer { Analyzer(lexicon: try LexiconLoader.load(["builtin"])) }

  /// The text dashboard of the inputs, for a terminal.
  public static func dashboard(
    _ selection: InputSelection, asOf: LocalDay?, width: Int, ascii: Bool, color: Bool, template: String?,
    output: FileSink, diagnostic: @escaping (String) -> Void
  ) throws -> Int32 {
    let analyzer = Analyzer(lexicon: try LexiconLoader.load(selection.lexicons))
    let templates: Templates
    do { templates = try Templates(overrides: template) } catch { throw PipelineError(error.localizedDescription) }
    let (timelines, counts) = try collectTimelines(selection, analyzer: analyzer, diagnostic: diagnostic)
    let report = try ReportBuilder.build(
      name: "dashboard", timelines: timelines, asOf: asOf, settings: TrendSettings(), counts: counts,
      categories: analyzer.lexicon.categories, lexicons: analyzer.lexicon.sources, rejects: [])
    try output.write(Dashboard(width: width, ascii: ascii, color: color, templates: templates).render(report))
    try output.close()
    return exitStatus(counts, selection.maxRejected, diagnostic: diagnostic)
  }

  /// Every tag of `text` with the words that triggered it, their weights and the rules that
  /// changed them, and the valence with the words that moved it (see ``ExplanationText``).
  public static func explain(_ text: String, lexicons: [String] = ["builtin"]) throws -> String {
    ExplanationText.render(Analyzer(lexicon: try LexiconLoader.load(lexicons)).explain(text))
  }

  /// Reads the inputs into one timeline per subject (past the memory budget, as a run does,
  /// in anonymous files under `TMPDIR`, else /tmp); rejects and duplicates go to `diagnostic`.
  static func collectTimelines(
    _ selection: InputSelection, analyzer: Analyzer, diagnostic: @escaping (String) -> Void
  ) throws -> (TimelineStore, RunCounts) {
    let timelines = TimelineStore(spillingInto: NSTemporaryDirectory(), daysInMemory: RunOptions.defaultTimelineDaysInMemory)
    let counts = try Ingest(sources: selection.sources, analyzer: analyzer).run(
      Ingest.Handlers(
        analyzed: { try timelines.add($0) },
        checkIn: { try timelines.add($0) },
        reject: { diagnostic("\($0.source): \($0.reason)") },
        duplicate: { diagnostic("\($0.source): skipped: \($0.reason)") },
        notice: diagnostic))
    return (timelines, counts)
  }

  static func exitStatus(_ counts: RunCounts, _ tolerance: PipelineFile.Tolerance, diagnostic: (String) -> Void) -> Int32 {
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

  /// Input text without control characters, for terminal output.
  static func clean(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && !TerminalText.isBidiControl($0) }))
  }
}
