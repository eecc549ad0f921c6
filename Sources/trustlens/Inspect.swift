import ArgumentParser
import TrustLensCore
import TrustLensPipeline

extension TrustLensCommand {
  /// `trustlens inspect INPUT…`: how each file will be read, without analysing anything.
  struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show how each input file will be read — format, encoding, delimiter, columns, records by kind, first rejects — without analysing anything.",
      discussion: """
        Examples:
          trustlens inspect exports/
          trustlens inspect journal.csv --delimiter semicolon --column text="Journal Entry" --format json
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table or json.")
    var format: Commands.InspectFormat = .table

    func run() throws {
      let status = try Commands.inspect(input.selection, format: format, output: FileSink(standardOutput: ()))
      if status != 0 { throw ExitCode(status) }
    }
  }
}

extension Commands.InspectFormat: ExpressibleByArgument {}
