import TrustLensCore
package import TrustLensExport


/// What a run produced and how the process should exit.
public struct RunOutcome: Sendable {
  package var report: Report
  /// 0 success, 1 an alert fired, 3 rejects beyond the tolerance or no record read.
  public var exitStatus: Int32
  /// Lines for standard error (never journal text).
  public var messages: [String]
  /// How long each stage took.
  public var timings = StageTimings()
  /// Whether the timelines went to disk (a caseload past `RunOptions.timelineDaysInMemory`).
  public var timelinesSpilled = false
}

extension RunOutcome {
  /// What the run read and where it wrote, in one line for standard error.
  public func sentence(pipeline: PipelineFile) -> String {
    let c = report.counts
    return "\(pipeline.name): \(NumberText.count(c.records, "record")) (\(NumberText.count(c.entries, "entry", "entries")), "
      + "\(NumberText.count(c.checkIns, "check-in")), \(c.rejected) rejected, \(NumberText.count(c.duplicates, "duplicate"))), "
      + "\(NumberText.count(report.subjects.count, "subject")) → \(pipeline.outputDir)"
  }
}
