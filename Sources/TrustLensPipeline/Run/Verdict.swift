import Foundation
import TrustLensAnalysis
import TrustLensTrends
import TrustLensCore
import TrustLensExport

/// How a finished run exits, decided last from the reconciled counts: 1 when an alert fired,
/// 3 when rejects exceed `max_rejected` or no record was read at all; with the lines for
/// standard error.
struct Verdict {
  let context: RunContext

  func outcome(_ report: Report, counts: RunCounts, alerts: [Alert]) -> RunOutcome {
    var messages: [String] = []
    var status: Int32 = 0
    if !alerts.isEmpty {
      status = 1
      messages.append("alerts: \(report.alerts.joined(separator: ", "))")
    }
    if counts.records == 0 {
      status = 3
      let skipped = report.skippedFiles.count
      messages.append(
        "no records read from the inputs" + (skipped > 0 ? " (\(skipped) file\(skipped == 1 ? "" : "s") skipped, listed above)" : "")
          + ": failing the run")
    }
    if counts.rejected > 0 {
      let where_ = context.pipeline.formats.contains(.rejects) ? " (see \(context.folder.file("rejects.csv")))" : ""
      messages.append("\(counts.rejected) of \(counts.records) records rejected\(where_)")
    }
    let tolerance = context.pipeline.maxRejected
    if tolerance.isExceeded(rejected: counts.rejected, records: counts.records) {
      status = 3
      messages.append("rejects exceed max_rejected (\(tolerance)): failing the run")
    }
    return RunOutcome(report: report, exitStatus: status, messages: messages)
  }
}
