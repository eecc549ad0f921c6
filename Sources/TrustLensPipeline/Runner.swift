public import TrustLensCore
import TrustLensImport
import TrustLensAnalysis
import TrustLensTrends
public import TrustLensExport
import Foundation

/// Options of `trustlens run` that are not in the pipeline file.
public struct RunOptions: Sendable {
  /// Per-entry outputs (analysis, Entries sheet) keep records from this day on; trends
  /// always use the whole history.
  public var since: LocalDay?
  public var asOf: LocalDay?
  public var failOn: [String] = []
  public var failOnAny: [String] = []
  /// The month of a monthly trend sheet (its first day); assessed as of its last day.
  public var month: LocalDay?
  /// Day buckets (subject × day, about 250 bytes each) the run keeps in memory before it
  /// moves the timelines to disk; the default holds about a year of days for 180 subjects.
  public var timelineDaysInMemory = RunOptions.defaultTimelineDaysInMemory
  public static let defaultTimelineDaysInMemory = 65_536

  public init(
    since: LocalDay? = nil, asOf: LocalDay? = nil, failOn: [String] = [], failOnAny: [String] = [], month: LocalDay? = nil
  ) {
    self.since = since
    self.month = month
    self.asOf = asOf ?? month.map { $0.adding(days: LocalDay.daysInMonth(year: $0.year, month: $0.month) - 1) }
    self.failOn = failOn
    self.failOnAny = failOnAny
  }
}

/// What a run produced and how the process should exit.
public struct RunOutcome: Sendable {
  public var report: Report
  /// 0 success, 1 an alert fired, 3 rejects beyond the tolerance.
  public var exitStatus: Int32
  /// Lines for standard error (never journal text).
  public var messages: [String]
  /// How long each stage took.
  public var timings = StageTimings()
  /// Whether the timelines went to disk (a caseload past `RunOptions.timelineDaysInMemory`).
  public var timelinesSpilled = false
}

/// Runs a pipeline file end to end: import → analyse → aggregate → assess → export.
public struct Runner {
  public let pipeline: PipelineFile
  public let options: RunOptions

  public init(pipeline: PipelineFile, options: RunOptions = RunOptions()) {
    self.pipeline = pipeline
    self.options = options
  }

  /// Runs a state operation, turning database failures into one clear pipeline error.
  static func stateCall<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError("run state: \(RunState.describe(error))")
    }
  }

  /// Removes temporary files a killed run left behind (`.NAME.tmp-PID`), in the output
  /// folder and its subject folders. Finished outputs are never touched.
  static func removeStaleTemporaries(in dir: String) {
    guard let names = try? FileManager.default.subpathsOfDirectory(atPath: dir) else { return }
    for name in names {
      let last = (name as NSString).lastPathComponent
      if last.hasPrefix(".") && name.contains(".tmp-") {
        unlink(dir + "/" + name)
      } else if last == WorkbookRenderer.scratchFolder {
        try? FileManager.default.removeItem(atPath: dir + "/" + name)
      }
    }
  }

  /// At most this many rejects are kept for the workbook; all go to `rejects.csv`.
  static let rejectsKept = 10_000
  /// Duplicates are named on standard error up to this many; all are counted.
  static let duplicatesShown = 20

  /// Runs the pipeline. `progress` is called with a stage (`reading records`, `writing
  /// outputs`) and a count: every 1,000 records while reading, after each output file while
  /// writing (the command line turns it into a progress line).
  public func run(
    notice: @escaping (String) -> Void = { _ in }, progress: @escaping (String, Int) -> Void = { _, _ in }
  ) throws -> RunOutcome {
    var timings = StageTimings()
    var seen = 0
    func tick() {
      seen += 1
      if seen % 1000 == 0 { progress("reading records", seen) }
    }
    let analyzer = Analyzer(lexicon: try LexiconLoader.load(pipeline.lexicons))
    let state: RunState?
    do {
      state = try pipeline.state.map { try RunState(path: $0) }
    } catch {
      throw PipelineError(error.localizedDescription)
    }
    timings.lap("load lexicon")
    let templates: Templates
    do {
      templates = try Templates(overrides: pipeline.template)
    } catch {
      throw PipelineError(error.localizedDescription)
    }
    let dir = pipeline.outputDir
    try AtomicFile.makeFolder(dir)
    guard access(dir, W_OK) == 0 else {
      throw AtomicFile.WriteError(path: dir, reason: String(cString: strerror(errno)))
    }
    Runner.removeStaleTemporaries(in: dir)
    // Whatever fails from here on, no temporary file is left behind.
    var finished = false
    defer { if !finished { Runner.removeStaleTemporaries(in: dir) } }
    try AtomicFile.write("TrustLens output folder: inputs here are skipped.\n", to: dir + "/" + InputFiles.outputMarker)

    let spillPath = AtomicFile.temporaryPath(for: dir + "/entries.spill")
    let checkInSpillPath = AtomicFile.temporaryPath(for: dir + "/checkins.spill")
    let analysisPath = dir + "/analysis.jsonl"
    let rejectsPath = dir + "/rejects.csv"
    let wantsAnalysis = pipeline.formats.contains(.analysis)
    let wantsRejects = pipeline.formats.contains(.rejects)
    let spill = try FileSink(path: spillPath)
    let checkInSpill = try FileSink(path: checkInSpillPath)
    defer {
      unlink(spillPath)
      unlink(checkInSpillPath)
    }
    let month = options.month ?? pipeline.month
    // The whole-run workbook's Entries sheet is written on its own thread while records
    // stream in; entries are spilled to disk only for the outputs that read them again. Its
    // tabs exist before the subjects are known: the Overview is hidden if one subject is all
    // there is (any input may be analysed JSON Lines naming subjects of its own).
    var feed = try pipeline.formats.contains(.xlsx)
      ? WorkbookFeed(
        StreamingWorkbook(
          path: dir + "/report.xlsx", tags: analyzer.lexicon.categories.map(\.name), month: month != nil,
          overview: true))
      : nil
    defer {
      if !finished {
        feed?.cancel()
        feed = nil  // the unfinished workbook discards its files first (the defer above then tidies)
      }
    }
    let spillsEntries = pipeline.perSubject || pipeline.formats.contains(.csv) || month != nil
    let analysisStream = wantsAnalysis ? try FileSink(path: AtomicFile.temporaryPath(for: analysisPath)) : nil
    let rejectsStream = wantsRejects ? try FileSink(path: AtomicFile.temporaryPath(for: rejectsPath)) : nil
    try rejectsStream?.write(CSVCell.line(["file", "line", "reason"]))

    // Timelines go to disk past the budget.
    let timelines = TimelineStore(spillingInto: dir, daysInMemory: options.timelineDaysInMemory)
    var rejects: [Reject] = []
    var duplicatesShown = 0
    let since = options.since
    // Pseudonyms: every subject id (and client folder names in source paths) becomes a code
    // before anything is written; the codes of folder and fixed subjects are known upfront.
    var pseudonyms = try pipeline.pseudonymize ? Pseudonyms(keyFile: pipeline.pseudonymKeyFile) : nil
    pseudonyms?.register(pipeline.inputs)
    // analysis.jsonl lines are made on the analysis threads when no pseudonyms are involved
    // (hiding subjects uses the run's code table, kept on this thread).
    let linesInParallel = analysisStream != nil && pseudonyms == nil
    /// Whether per-entry outputs keep a record (`--since`).
    func kept(_ date: RecordDate) -> Bool { since.map { date.day >= $0 } ?? true }
    var handlers = Ingest.Handlers(
      analyzed: { original in
        tick()
        let record = pseudonyms?.hide(original) ?? original
        try timelines.add(record)
        guard kept(record.date) else { return }
        feed?.add(record)
        if spillsEntries { try spill.write(SpillWriter.frame(record)) }
        if !linesInParallel { try analysisStream?.write(AnalysisLine.encode(record) + "\n") }
      },
      checkIn: { original in
        tick()
        let checkIn = pseudonyms?.hide(original) ?? original
        try timelines.add(checkIn)
        guard kept(checkIn.date) else { return }
        try checkInSpill.write(SpillWriter.frame(checkIn))
      },
      reject: { original in
        let reject = pseudonyms.map { Reject(source: $0.hide(original.source), reason: original.reason) } ?? original
        if rejects.count < Runner.rejectsKept { rejects.append(reject) }
        try rejectsStream?.write(CSVCell.line([reject.source.file, String(reject.source.line), reject.reason]))
      },
      duplicate: { duplicate in
        duplicatesShown += 1
        if duplicatesShown <= Runner.duplicatesShown { notice("\(pseudonyms?.hide(duplicate.source) ?? duplicate.source): skipped: \(duplicate.reason)") }
      },
      notice: { message in notice(pseudonyms?.pseudonymize(path: message) ?? message) })
    if linesInParallel, let analysisStream {
      handlers.line = ({ AnalysisLine.encode($0) + "\n" }, { record, line in if kept(record.date) { try analysisStream.write(line) } })
    }
    let counts = try Ingest(sources: sources, analyzer: analyzer, cache: state).run(handlers)
    try spill.close()
    try checkInSpill.close()
    try feed?.drain()
    timings.lap("read and analyse")
    if let analysisStream { try AtomicFile.commit(analysisStream, to: analysisPath) }
    if let rejectsStream { try AtomicFile.commit(rejectsStream, to: rejectsPath) }

    // The report takes the days over, and the month view its part of them on the way.
    var report = try ReportBuilder.build(
      name: pipeline.name, timelines: timelines, asOf: options.asOf, settings: pipeline.trends,
      counts: counts, categories: analyzer.lexicon.categories, lexicons: analyzer.lexicon.sources,
      rejects: rejects, annotate: month.map { month in { timeline, subject in subject.month = MonthBuilder.view(of: timeline, month: month) } })
    timings.lap("assess")
    report.pipelinePath = pipeline.path
    report.timeZone = pipeline.timeZone.identifier
    if let month {
      try MonthBuilder.attachNotables(month: month, to: &report, records: SpillRecords(entries: spillPath, checkIns: checkInSpillPath))
    }
    if let state { try compareWithPreviousRun(&report, state: state) }
    raiseAlerts(&report)

    var outputs: [String] = []
    if wantsAnalysis { outputs.append("analysis.jsonl") }
    if wantsRejects { outputs.append("rejects.csv") }
    let exporter = OutputWriter(
      formats: pipeline.formats, records: SpillRecords(entries: spillPath, checkIns: checkInSpillPath), templates: templates,
      workbookFeed: feed)
    outputs += try writeOutputs(report, with: exporter, into: dir, timings: &timings, progress: progress)
    report.outputs = ["summary.json"] + outputs.sorted()
    if let pseudonyms {
      // The only place codes meet names: a private file, not listed among the outputs.
      try AtomicFile.write(pseudonyms.csv, to: pipeline.pseudonymMap ?? dir + "/pseudonyms.private.csv")
    }
    try AtomicFile.write(SummaryJSON.encode(report), to: dir + "/summary.json")

    if let state {
      try Runner.stateCall {
        try state.record(
          pipeline: pipeline.name, asOf: report.asOf,
          subjects: report.subjects.map { ($0.assessment.subject, $0.assessment.status.rawValue, $0.assessment.signals.map(\.kind)) })
      }
    }

    timings.lap("summary")
    finished = true
    var outcome = outcome(report, counts: counts, rejectsPath: rejectsPath)
    outcome.timings = timings
    outcome.timelinesSpilled = timelines.spilled
    return outcome
  }

  /// The pipeline's inputs with the settings to read them.
  private var sources: [Ingest.Source] {
    pipeline.inputs.map { input in
      var options = ImportOptions(
        format: input.format, kind: input.kind, subject: input.subject, timeZone: pipeline.timeZone,
        ratingScale: pipeline.ratingScale, dayOrder: input.dayOrder)
      options.moodLabels = input.moodLabels
      options.reading = input.reading
      return Ingest.Source(path: input.path, options: options, followLinks: input.followLinks)
    }
  }

  /// Marks each subject's status and signals against the previous run of this pipeline in
  /// the run state (without state every signal counts as new).
  private func compareWithPreviousRun(_ report: inout Report, state: RunState) throws {
    guard let previous = try Runner.stateCall({ try state.previousRun(pipeline: pipeline.name) }) else { return }
    for index in report.subjects.indices {
      let before = previous[report.subjects[index].assessment.subject]
      report.subjects[index].previousStatus = before?.status
      report.subjects[index].newSignals = report.subjects[index].assessment.signals.map(\.kind)
        .filter { !(before?.signals.contains($0) ?? false) }
    }
  }

  /// The alerts of `fail_on` (new signals) and `fail_on_any` (standing ones), from the
  /// pipeline file and the command line.
  private func raiseAlerts(_ report: inout Report) {
    let failOn = Set(pipeline.failOn + options.failOn)
    let failOnAny = Set(pipeline.failOnAny + options.failOnAny)
    for subject in report.subjects {
      let new = Set(subject.newSignals ?? subject.assessment.signals.map(\.kind))
      for signal in subject.assessment.signals
      where (failOn.contains(signal.kind) && new.contains(signal.kind)) || failOnAny.contains(signal.kind) {
        report.alerts.append("\(subject.displayName): \(signal.kind)")
      }
    }
  }

  /// The run's own outputs, then one folder per subject when `per_subject` is set; returns
  /// the files written, relative to the output folder.
  private func writeOutputs(
    _ report: Report, with exporter: OutputWriter, into dir: String, timings: inout StageTimings,
    progress: (String, Int) -> Void
  ) throws -> [String] {
    var outputs = try exporter.write(report, dir: dir, prefix: "", subject: nil, timings: &timings)
    progress("writing outputs", outputs.count)
    guard pipeline.perSubject else { return outputs }
    var used = Set<String>()
    for subject in report.subjects {
      let folder = SafeName.make(subject.displayName, avoiding: &used)
      try AtomicFile.makeFolder(dir + "/" + folder)
      var single = report
      single.subjects = [subject]
      single.alerts = report.alerts.filter { $0.hasPrefix(subject.displayName + ": ") }
      outputs += try exporter.write(
        single, dir: dir + "/" + folder, prefix: folder + "/", subject: subject.assessment.subject, timings: &timings)
      progress("writing outputs", outputs.count)
    }
    return outputs
  }

  /// The exit status and the lines for standard error: 1 when an alert fired, 3 when
  /// rejects exceed `max_rejected`.
  private func outcome(_ report: Report, counts: RunCounts, rejectsPath: String) -> RunOutcome {
    var messages: [String] = []
    var status: Int32 = 0
    if !report.alerts.isEmpty {
      status = 1
      messages.append("alerts: \(report.alerts.joined(separator: ", "))")
    }
    if counts.rejected > 0 {
      messages.append("\(counts.rejected) of \(counts.records) records rejected (see \(rejectsPath))")
    }
    if pipeline.maxRejected.isExceeded(rejected: counts.rejected, records: counts.records) {
      status = 3
      messages.append("rejects exceed max_rejected: failing the run")
    }
    return RunOutcome(report: report, exitStatus: status, messages: messages)
  }
}

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
          try records.forEachEntry(subject: subject) { try sink.write(AnalysisLine.encode($0) + "\n") }
        }
        written.append("analysis.jsonl")
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

/// Reads back the analysed texts and check-ins spilled to disk during the stream, so that
/// per-record outputs never hold the records in memory.
struct SpillRecords: RecordSource {
  let entries: String
  let checkIns: String

  func forEachEntry(subject: String?, _ body: (AnalyzedRecord) throws -> Void) throws {
    try SpillReader.forEachFrame(entries) { reader in
      let record = reader.analyzedRecord()
      if subject == nil || record.subject == subject { try body(record) }
    }
  }

  func forEachCheckIn(subject: String?, _ body: (CheckIn) throws -> Void) throws {
    try SpillReader.forEachFrame(checkIns) { reader in
      let checkIn = reader.checkIn()
      if subject == nil || checkIn.subject == subject { try body(checkIn) }
    }
  }
}

/// Subject ids made safe as file and folder names.
public enum SafeName {
  /// Letters, digits, `.`, `_` and `-` kept; anything else becomes `_`; never `.`/`..` or
  /// hidden; at most 80 characters; made unique within `used`.
  public static func make(_ id: String, avoiding used: inout Set<String>) -> String {
    var name = String(id.unicodeScalars.map { scalar -> Character in
      let ok = (scalar.value < 128 && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."))
      return ok ? Character(scalar) : "_"
    }.prefix(80))
    if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
    var candidate = name
    var counter = 2
    while used.contains(candidate.lowercased()) {
      candidate = "\(name)-\(counter)"
      counter += 1
    }
    used.insert(candidate.lowercased())
    return candidate
  }
}
