public import ArgumentParser
import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensPipeline
import TrustLensExport
import TrustLensTrends

/// `trustlens`: parses arguments and calls the pipeline library; nothing else lives here.
@main
struct TrustLensCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "trustlens",
    abstract: "Turn trust-repair journals and check-in logs into evidence you can act on.",
    discussion: """
      Examples:
        trustlens run pipelines/demo.yml
        trustlens analyze data/clients --subject folder --format jsonl
        trustlens trends data/clients --subject folder --format table
        trustlens dashboard data/clients --subject folder
        trustlens report --month 2026-03 data/personal --subject me
        trustlens explain "I don't feel safe around him"
        trustlens lexicon check my-lexicon.tsv

      Exit status:
        0  success
        1  the run worked but a --fail-on signal fired
        2  bad usage or bad pipeline file
        3  input errors beyond the tolerance (see the rejects)
      """,
    version: version,
    subcommands: [Run.self, Analyze.self, Trends.self, Dashboard.self, Report.self, Explain.self, LexiconCommand.self]
  )

  /// Runs the command and maps every failure to the contract's exit statuses: usage and
  /// pipeline errors exit 2 with one line on standard error, never a stack trace.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch let error as PipelineError {
      fail(error.message, status: 2)
    } catch let error as ImportError {
      fail(error.localizedDescription, status: 2)
    } catch let error as AtomicFile.WriteError {
      fail(error.localizedDescription, status: 2)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        exit(withError: error)  // --help, --version
      }
      if code == .validationFailure || error is ValidationError || String(describing: type(of: error)).contains("CommandError") {
        let message = fullMessage(for: error)
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
        Foundation.exit(2)
      }
      fail(error.localizedDescription, status: 2)
    }
  }

  static func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    Foundation.exit(status)
  }
}

/// Writes a diagnostic line to standard error.
func diagnostic(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Options shared by `analyze` and `trends`.
struct InputOptions: ParsableArguments {
  @Argument(help: "Files or folders to read (folders recursively), or - for standard input.")
  var inputs: [String]

  @Option(help: "Subject of each record: field, folder, or a fixed id.")
  var subject: String = "field"

  @Option(help: "Time zone of dates without an offset (IANA name). Default: the machine's.")
  var timezone: String?

  @Option(name: .customLong("input-format"), help: "Force an input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var inputFormat: String = "auto"

  @Option(name: .customLong("date-format"), help: "Read day/month dates such as 03/04/2026 as DD/MM/YYYY or MM/DD/YYYY.")
  var dateFormat: String?

  @Option(name: .customLong("kind"), help: "What the inputs hold: auto, journal or checkins.")
  var kind: String = "auto"

  @Option(name: .customLong("lexicon"), help: "A lexicon file to add (repeatable); `builtin` is always first unless --no-builtin.")
  var lexicons: [String] = []

  @Flag(help: "Use only the --lexicon files, not the built-in lexicon.")
  var noBuiltin = false

  func validate() throws {
    if let timezone, TimeZone(identifier: timezone) == nil {
      throw ValidationError("unknown time zone \"\(timezone)\" (use an IANA name such as Europe/Berlin)")
    }
    guard InputFormat(rawValue: inputFormat) != nil else {
      throw ValidationError("unknown input format \"\(inputFormat)\"")
    }
    if let dateFormat, DayOrder(rawValue: dateFormat) == nil {
      throw ValidationError("--date-format must be DD/MM/YYYY or MM/DD/YYYY")
    }
    guard RecordKind(rawValue: kind) != nil else { throw ValidationError("--kind must be auto, journal or checkins") }
    if noBuiltin && lexicons.isEmpty { throw ValidationError("--no-builtin needs at least one --lexicon") }
  }

  var selection: InputSelection {
    var selection = InputSelection(paths: inputs)
    selection.subject = SubjectRule(subject)
    selection.timeZone = timezone.flatMap(TimeZone.init(identifier:)) ?? .current
    selection.format = InputFormat(rawValue: inputFormat) ?? .auto
    selection.lexicons = (noBuiltin ? [] : ["builtin"]) + lexicons
    selection.dayOrder = dateFormat.flatMap(DayOrder.init(rawValue:))
    selection.kind = RecordKind(rawValue: kind) ?? .auto
    return selection
  }
}

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a pipeline file: import, analyse, assess and write every output.",
    discussion: "Example: trustlens run pipelines/demo.yml --fail-on rushing,setback")

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  @Option(help: "Per-entry outputs keep records from this date (YYYY-MM-DD) on; trends use all history.")
  var since: String?

  @Option(help: "Assess as of this date (YYYY-MM-DD).")
  var asOf: String?

  @Option(help: "Also make the monthly trend sheet of this month (YYYY-MM), assessed as of its last day.")
  var month: String?

  @Option(help: "Exit 1 when a subject newly shows one of these signals (comma-separated).")
  var failOn: String?

  @Option(help: "Exit 1 when a subject shows one of these signals at all (comma-separated).")
  var failOnAny: String?

  @Flag(help: "Print how long each stage took on standard error.")
  var timings = false

  func run() throws {
    let file = try PipelineFile.load(pipeline)
    let options = RunOptions(
      since: try day(since, "--since"), asOf: try day(asOf, "--as-of"),
      failOn: try signals(failOn, "--fail-on"), failOnAny: try signals(failOnAny, "--fail-on-any"),
      month: try monthStart(month))
    let meter = ProgressMeter()
    let outcome = try Runner(pipeline: file, options: options).run(notice: diagnostic, progress: meter.update)
    meter.finish()
    let c = outcome.report.counts
    diagnostic(
      "\(file.name): \(c.records) records (\(c.entries) entries, \(c.checkIns) check-ins, \(c.rejected) rejected, \(c.duplicates) duplicates), \(outcome.report.subjects.count) subjects → \(file.outputDir)")
    outcome.messages.forEach(diagnostic)
    if timings { outcome.timings.lines.forEach { diagnostic("timing: " + $0) } }
    if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
  }
}

struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Analyse every journal entry and check-in note: tags, valence and evidence.",
    discussion: "Example: trustlens analyze data/clients --subject folder --format jsonl > analysis.jsonl")

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: jsonl, csv or table.")
  var format: Commands.AnalyzeFormat = .jsonl

  @Option(help: "Write to this file instead of standard output.")
  var out: String?

  func run() throws {
    let status = try Commands.analyze(input.selection, format: format, output: try sink(out), diagnostic: diagnostic)
    if status != 0 { throw ExitCode(status) }
  }
}

struct Trends: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Assess each subject: status, signals with evidence, and metrics.",
    discussion: "Example: trustlens trends data/clients --subject folder --format json --as-of 2026-03-01")

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: json or table.")
  var format: Commands.TrendsFormat = .json

  @Option(help: "Assess as of this date (YYYY-MM-DD).")
  var asOf: String?

  @Option(help: "Write to this file instead of standard output.")
  var out: String?

  func run() throws {
    let status = try Commands.trends(
      input.selection, format: format, asOf: try day(asOf, "--as-of"), output: try sink(out), diagnostic: diagnostic)
    if status != 0 { throw ExitCode(status) }
  }
}

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Make the monthly trend sheet of a journal: the month against the months before, a calendar, notable entries.",
    discussion: "Example: trustlens report --month 2026-03 data/personal --subject me --out output/march")

  @OptionGroup var input: InputOptions

  @Option(help: "The month (YYYY-MM); the status is assessed as of its last day.")
  var month: String

  @Option(help: "The output folder (default: output/report-YYYY-MM).")
  var out: String?

  func run() throws {
    let start = try monthStart(month)!
    let selection = input.selection
    var pipeline = PipelineFile(
      name: "report \(month)",
      inputs: selection.paths.map { PipelineFile.Input(path: $0, subject: selection.subject, kind: selection.kind, format: selection.format) },
      outputDir: out ?? "output/report-\(month)", formats: [.xlsx, .dashboard, .html, .markdown, .json])
    pipeline.timeZone = selection.timeZone
    pipeline.lexicons = selection.lexicons
    for index in pipeline.inputs.indices { pipeline.inputs[index].dayOrder = selection.dayOrder }
    let outcome = try Runner(pipeline: pipeline, options: RunOptions(month: start)).run(notice: diagnostic)
    print(try String(contentsOfFile: pipeline.outputDir + "/dashboard.txt", encoding: .utf8), terminator: "")
    diagnostic("\(outcome.report.counts.records) records → \(pipeline.outputDir)")
    outcome.messages.forEach(diagnostic)
    if outcome.exitStatus == 3 { throw ExitCode(3) }
  }
}

func monthStart(_ text: String?) throws -> LocalDay? {
  guard let text else { return nil }
  guard let day = LocalDay(iso: text + "-01") else { throw ValidationError("--month must be YYYY-MM, not \"\(text)\"") }
  return day
}

struct Dashboard: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the text dashboard: status, sparklines, top emotions and themes, signals.",
    discussion: "Example: trustlens dashboard data/clients --subject folder --timezone America/New_York")

  @OptionGroup var input: InputOptions

  @Option(help: "Assess as of this date (YYYY-MM-DD).")
  var asOf: String?

  @Option(help: "Line width (default: the terminal's, else 80).")
  var width: Int?

  @Flag(help: "Only ASCII characters (for terminals without Unicode).")
  var ascii = false

  @Option(help: "A folder with dashboard.txt.mustache to use instead of the default template.")
  var template: String?

  func run() throws {
    let terminal = isatty(1) == 1
    let color = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let status = try Commands.dashboard(
      input.selection, asOf: try day(asOf, "--as-of"), width: width ?? terminalWidth(), ascii: ascii, color: color,
      template: template, output: FileSink(standardOutput: ()), diagnostic: diagnostic)
    if status != 0 { throw ExitCode(status) }
  }
}

/// Progress on standard error for runs longer than a second: an updating line on a terminal,
/// a plain line every five seconds when piped or in CI.
final class ProgressMeter {
  private let start = Date()
  private var lastShown = Date.distantPast
  private let terminal = isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
  private var shown = false

  private var stage = ""
  private var stageStart = Date()

  /// A stage's count so far; shown once the stage has run for a second.
  func update(_ stage: String, _ count: Int) {
    let now = Date()
    if stage != self.stage {
      self.stage = stage
      stageStart = now
    }
    let elapsed = now.timeIntervalSince(stageStart)
    guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastShown) >= (terminal ? 0.2 : 5) else { return }
    lastShown = now
    let rate = elapsed > 0 ? Int(Double(count) / elapsed) : count
    let unit = stage.hasPrefix("reading") ? "records" : "files"
    let bar = terminal ? ProgressMeter.bar(count) + " " : ""
    let text = "\(bar)\(stage): \(count) \(unit), \(rate) \(unit)/s"
    if terminal {
      FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
      shown = true
    } else {
      FileHandle.standardError.write(Data((text + "\n").utf8))
    }
  }

  /// A moving bar (the total is not known while streaming).
  static func bar(_ count: Int) -> String {
    let width = 12, position = (count / 1000) % width
    return "[" + String(repeating: "=", count: position) + ">" + String(repeating: " ", count: width - position - 1) + "]"
  }

  func finish() {
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
  }
}

/// The terminal's width in columns: `COLUMNS`, else the window size of standard output, else 80.
func terminalWidth() -> Int {
  if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
  var size = winsize()
  if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
  return 80
}

struct LexiconCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon", abstract: "Work with lexicon files.", subcommands: [Check.self])

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate a lexicon file (TrustLens TSV, LIWC .dic, NRC word-level or VADER) with line-numbered errors.",
      discussion: "Example: trustlens lexicon check my-practice.tsv")

    @Argument(help: "The lexicon file.")
    var file: String

    func run() throws {
      print(try LexiconLoader.check(file), terminator: "")
    }
  }
}

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show every tag of a text with the words that triggered it.",
    discussion: "Example: trustlens explain \"I don't feel safe around him\"")

  @Argument(help: "The text to explain, or - to read it from standard input.")
  var text: String

  @Option(name: .customLong("lexicon"), help: "A lexicon file to add (repeatable).")
  var lexicons: [String] = []

  func run() throws {
    let input = text == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text
    print(try Commands.explain(input, lexicons: ["builtin"] + lexicons), terminator: "")
  }
}

extension Commands.AnalyzeFormat: ExpressibleByArgument {}
extension Commands.TrendsFormat: ExpressibleByArgument {}

func day(_ text: String?, _ option: String) throws -> LocalDay? {
  guard let text else { return nil }
  guard let day = LocalDay(iso: text) else { throw ValidationError("\(option) must be a date YYYY-MM-DD, not \"\(text)\"") }
  return day
}

func signals(_ text: String?, _ option: String) throws -> [String] {
  guard let text else { return [] }
  let kinds = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
  for kind in kinds where SignalKind(rawValue: kind) == nil {
    throw ValidationError("\(option): unknown signal \"\(kind)\" (expected one of: \(SignalKind.allSpellings))")
  }
  return kinds
}

func sink(_ path: String?) throws -> FileSink {
  guard let path else { return FileSink(standardOutput: ()) }
  return try FileSink(path: path)
}
