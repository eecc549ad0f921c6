import ArgumentParser
import TrustLensCore
import TrustLensPipeline

extension TrustLensCommand {
  struct Trends: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Assess each subject: status, signals with evidence, and metrics.",
      discussion: "Example: trustlens trends data/clients --subject folder --format json --as-of 2026-03-01")

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: json or table.")
    var format: Commands.TrendsFormat = .json

    @Option(help: "Assess as of this date (YYYY-MM-DD).", transform: Arguments.day("--as-of"))
    var asOf: LocalDay?

    @OptionGroup var output: OutputOptions

    func run() throws {
      let status = try Commands.trends(
        input.selection, format: format, asOf: asOf, output: try output.sink(inputs: input.inputs), diagnostic: diagnostic)
      if status != 0 { throw ExitCode(status) }
    }
  }
}
