import TrustLensCore
import TrustLensAnalysis
import Dispatch

/// Analyses batches of queued records in the background, on every core, while the caller
/// goes on reading; hands batches back in the order they were submitted.
///
/// Each batch is cut into chunks analysed by separate work items, each with its own
/// ``AnalysisWorkspace``. At most ``maximumInFlight`` batches wait, so memory stays bounded
/// however large the input.
struct AnalysisPipeline {
  static let maximumInFlight = 6
  static let chunkSize = 64

  /// Records of one batch and, once `group` completes, the analyses of their texts.
  final class Batch: @unchecked Sendable {
    let events: [Ingest.Event]
    /// One slot per text to analyse; each work item writes its own range, and nobody
    /// reads before `group` completes (hence unchecked Sendable).
    let results: UnsafeMutableBufferPointer<TextAnalysis?>
    /// The line of each result, when a line sink asks for them (else empty).
    let lines: UnsafeMutableBufferPointer<String>
    let group = DispatchGroup()

    init(events: [Ingest.Event], count: Int, withLines: Bool) {
      self.events = events
      results = .allocate(capacity: count)
      results.initialize(repeating: nil)
      lines = .allocate(capacity: withLines ? count : 0)
      lines.initialize(repeating: "")
    }

    deinit {
      results.deinitialize()
      results.deallocate()
      lines.deinitialize()
      lines.deallocate()
    }
  }

  let analyzer: Analyzer
  let encode: (@Sendable (AnalyzedRecord) -> String)?
  /// Submitted batches; those handed back are nil, trimmed now and then.
  private var batches: [Batch?] = []
  private var first = 0
  private let queue = DispatchQueue.global(qos: .userInitiated)

  init(analyzer: Analyzer, encode: (@Sendable (AnalyzedRecord) -> String)?) {
    self.analyzer = analyzer
    self.encode = encode
  }

  var inFlight: Int { batches.count - first }

  /// Starts analysing the texts of `events` (those without a cached analysis).
  mutating func submit(_ events: [Ingest.Event]) {
    guard !events.isEmpty else { return }
    var texts: [PendingText] = []
    for event in events {
      if case .text(let pending, let cached, _) = event, cached == nil { texts.append(pending) }
    }
    let batch = Batch(events: events, count: texts.count, withLines: encode != nil)
    let analyzer = self.analyzer, encode = self.encode
    let jobs = texts
    for start in stride(from: 0, to: jobs.count, by: Self.chunkSize) {
      queue.async(group: batch.group) {
        var workspace = AnalysisWorkspace()
        let end = min(start + Self.chunkSize, jobs.count)
        for index in start..<end {
          let analysis = analyzer.analyze(jobs[index].text, reusing: &workspace)
          batch.results[index] = analysis
          if let encode { batch.lines[index] = encode(jobs[index].record(with: analysis)) }
        }
      }
    }
    batches.append(batch)
  }

  /// The oldest batch if it is analysed (waiting for it when `wait`), else nil.
  mutating func finished(wait: Bool) -> Batch? {
    guard first < batches.count, let batch = batches[first] else { return nil }
    if wait { batch.group.wait() } else if batch.group.wait(timeout: .now()) == .timedOut { return nil }
    batches[first] = nil
    first += 1
    if first > 64 {
      batches.removeFirst(first)
      first = 0
    }
    return batch
  }
}
