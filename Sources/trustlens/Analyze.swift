import ArgumentParser
import TrustLensPipeline

extension TrustLensCommand {
  struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Analyse every journal entry and check-in note: tags, valence and evidence.",
      discussion: "Example: trustlens analyze data/clients --subject folder --format jsonl > analysis.jsonl")

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: jsonl, csv or table.")
    var format: Commands.AnalyzeFormat = .jsonl

    @Flag(help: "With --format jsonl: add to each line the words that moved its valence, and by how much (as explain shows them).")
    var contributions = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
      if contributions && format != .jsonl { throw ValidationError("--contributions needs --format jsonl") }
    }

    func run() throws {
      let status = try Commands.analyze(
        input.selection, format: format, contributions: contributions, output: try output.sink(inputs: input.inputs),
        diagnostic: diagnostic)
      if status != 0 { throw ExitCode(status) }
    }
  }
}
