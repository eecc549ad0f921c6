import Foundation
import TrustLensAnalysis
import TrustLensTrends
import TrustLensCore
import TrustLensExport

/// The last writing stage of a run: the private files (with pseudonyms), `summary.json`, and
/// the run's record in the state (for the next run's comparison).
struct SummaryStage {
  let context: RunContext

  func commit(_ report: Report) throws {
    if let pseudonyms = context.pseudonyms, let privateFolder = context.privateFolder, let map = context.pseudonymMapPath {
      // The only places codes meet names: private files outside the output folder.
      try AtomicFile.write(pseudonyms.subjectsCSV, to: map)
      try AtomicFile.write(pseudonyms.filesCSV, to: privateFolder + "/sources.private.csv")
    }
    try AtomicFile.write(SummaryJSON.encode(report), to: context.folder.file("summary.json"))
    if let state = context.state {
      try Runner.stateCall {
        try state.record(
          pipeline: context.pipeline.name, asOf: report.asOf,
          subjects: report.subjects.map { ($0.assessment.subject, $0.assessment.status.rawValue, $0.assessment.signals.map(\.kind)) })
      }
    }
  }
}
