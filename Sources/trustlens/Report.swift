import ArgumentParser
import TrustLensCore
import TrustLensPipeline
import TrustLensExport

extension TrustLensCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make the monthly trend sheet of a journal: the month against the months before, a calendar, notable entries.",
      discussion: "Example: trustlens report --month 2026-03 data/personal --subject me --out output/march")

    @OptionGroup var input: InputOptions

    @Option(help: "The month (YYYY-MM); the status is assessed as of its last day.", transform: Arguments.month)
    var month: LocalDay

    @Option(help: "The output folder (default: output/report-YYYY-MM).")
    var out: String?

    @Flag(help: "Write into an existing folder that TrustLens did not make.")
    var force = false

    func run() throws {
      let report = try Commands.monthlyReport(input.selection, month: month, out: out, force: force, notice: diagnostic)
      print(report.dashboard, terminator: "")
      diagnostic("\(report.outcome.report.counts.records) records → \(report.folder)")
      report.outcome.messages.forEach(diagnostic)
      if report.outcome.exitStatus == 3 { throw ExitCode(3) }
    }
  }
}
