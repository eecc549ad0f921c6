import ArgumentParser
import Foundation
import TrustLensCore
import TrustLensPipeline

extension TrustLensCommand {
  struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the text dashboard: status, sparklines, top emotions and themes, signals.",
      discussion: "Example: trustlens dashboard data/clients --subject folder --timezone America/New_York")

    @OptionGroup var input: InputOptions

    @Option(help: "Assess as of this date (YYYY-MM-DD).", transform: Arguments.day("--as-of"))
    var asOf: LocalDay?

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
        input.selection, asOf: asOf, width: width ?? terminalWidth(), ascii: ascii, color: color, template: template,
        output: FileSink(standardOutput: ()), diagnostic: diagnostic)
      if status != 0 { throw ExitCode(status) }
    }
  }
}
