import ArgumentParser
import TrustLensCore
import TrustLensPipeline

extension TrustLensCommand {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a pipeline file: import, analyse, assess and write every output.",
      discussion: "Example: trustlens run pipelines/demo.yml --fail-on rushing,setback")

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @Option(help: "Per-entry outputs keep records from this date (YYYY-MM-DD) on; trends use all history.", transform: Arguments.day("--since"))
    var since: LocalDay?

    @Option(help: "Assess as of this date (YYYY-MM-DD).", transform: Arguments.day("--as-of"))
    var asOf: LocalDay?

    @Option(help: "Also make the monthly trend sheet of this month (YYYY-MM), assessed as of its last day.", transform: Arguments.month)
    var month: LocalDay?

    @Option(help: "Exit 1 when a subject newly shows one of these signals (comma-separated).", transform: Arguments.signals("--fail-on"))
    var failOn: [String] = []

    @Option(help: "Exit 1 when a subject shows one of these signals at all (comma-separated).", transform: Arguments.signals("--fail-on-any"))
    var failOnAny: [String] = []

    @Flag(help: "Write into an existing output folder that TrustLens did not make.")
    var force = false

    @Flag(help: "Print how long each stage took on standard error.")
    var timings = false

    func run() throws {
      let file = try PipelineFile.load(pipeline)
      let options = RunOptions(since: since, asOf: asOf, failOn: failOn, failOnAny: failOnAny, month: month, force: force)
      let meter = ProgressMeter()
      let outcome = try Runner(pipeline: file, options: options).run(notice: diagnostic, progress: meter.update)
      meter.finish()
      diagnostic(outcome.sentence(pipeline: file))
      outcome.messages.forEach(diagnostic)
      if timings { outcome.timings.lines.forEach { diagnostic("timing: " + $0) } }
      if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }
  }
}
