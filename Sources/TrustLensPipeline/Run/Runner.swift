import TrustLensCore
import TrustLensImport
import TrustLensAnalysis
import TrustLensTrends
import TrustLensExport
import Foundation

/// Runs a pipeline file end to end, as a list of stages over one shared ``RunContext``:
/// read (import → analyse → the streamed outputs), assess, compare with the previous run,
/// write, summarise — and the exit status decided last.
public struct Runner {
  public let pipeline: PipelineFile
  public let options: RunOptions

  public init(pipeline: PipelineFile, options: RunOptions = RunOptions()) {
    self.pipeline = pipeline
    self.options = options
  }

  /// Runs the pipeline. `notice` hears skipped files and notices for standard error;
  /// `progress` hears ``RunProgress``: every 1,000 records while reading (with the bytes read
  /// and the inputs' total size), after each output file while writing.
  /// - Throws: ``PipelineError`` (set-up, state), ``TrustLensImport/ImportError`` (an input
  ///   missing or unreadable), ``TrustLensCore/AtomicFile/WriteError`` (an output); nothing
  ///   of a failed run is left in the output folder but its previous outputs.
  public func run(
    notice: @escaping (String) -> Void = { _ in }, progress: @escaping (RunProgress) -> Void = { _ in }
  ) throws -> RunOutcome {
    let context = try RunContext(pipeline: pipeline, options: options, notice: notice, progress: progress)
    return try context.folder.whileWriting {
      let stream = try RunStream(context)
      defer { stream.entries.removeSpills() }
      let counts: IngestCounts
      do {
        counts = try stream.read(context)
      } catch {
        stream.cancel()
        throw error
      }
      context.timings.lap("read and analyse")
      var report = try ReportStage(context: context).build(stream, counts: counts)
      context.timings.lap("assess")
      let alerts = try History(context: context).annotate(&report)
      let outputs = try ExportStage(context: context, stream: stream, counts: counts).write(report, alerts: alerts)
      report.outputs = ["summary.json"] + outputs.sorted()
      try SummaryStage(context: context).commit(report)
      context.timings.lap("summary")
      var outcome = Verdict(context: context).outcome(report, counts: counts.total, alerts: alerts)
      outcome.timings = context.timings
      outcome.timelinesSpilled = stream.timelines.spilled
      return outcome
    }
  }

  /// Runs a state operation, turning database failures into one clear pipeline error.
  static func stateCall<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError("run state: \(RunState.describe(error))")
    }
  }
}
