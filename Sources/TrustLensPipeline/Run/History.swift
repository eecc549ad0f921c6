import Foundation
import TrustLensAnalysis
import TrustLensTrends
import TrustLensCore
import TrustLensExport

/// The history stage of a run: each subject's status and signals marked against the previous
/// run of the pipeline (from the run state), and the alerts that follow.
struct History {
  let context: RunContext

  /// Marks previous statuses and new signals (without state, every signal counts as new),
  /// then returns the alerts of `fail_on` (new signals) and `fail_on_any` (standing ones),
  /// from the pipeline file and the command line.
  func annotate(_ report: inout Report) throws -> [Alert] {
    if let state = context.state,
      let previous = try Runner.stateCall({ try state.previousRun(pipeline: context.pipeline.name) })
    {
      for index in report.subjects.indices {
        let before = previous[report.subjects[index].assessment.subject]
        report.subjects[index].previousStatus = before?.status
        report.subjects[index].newSignals = report.subjects[index].assessment.signals.map(\.kind)
          .filter { !(before?.signals.contains($0) ?? false) }
      }
    }
    let failOn = Set(context.pipeline.failOn + context.options.failOn)
    let failOnAny = Set(context.pipeline.failOnAny + context.options.failOnAny)
    var alerts: [Alert] = []
    for subject in report.subjects {
      let new = Set(subject.newSignals ?? subject.assessment.signals.map(\.kind))
      for signal in subject.assessment.signals
      where (failOn.contains(signal.kind) && new.contains(signal.kind)) || failOnAny.contains(signal.kind) {
        alerts.append(Alert(subject: subject.assessment.subject, displayName: subject.displayName, signal: signal.kind))
      }
    }
    report.alerts = alerts.map(\.text)
    return alerts
  }
}
