import TrustLensCore
import TrustLensExport
import Dispatch
import Synchronization

extension StreamingWorkbook: FedWorkbook {}

/// Writes the run's workbook on a thread of its own: its Entries rows while the run goes on
/// reading and analysing (``add(_:)``, ``drain()``), then the rest of it while the other
/// formats are written (``finish(_:records:)``, ``wait()``). Rows are passed in batches, in
/// order, at most ``maximumBatchesAhead`` batches ahead, so memory stays bounded.
///
/// The workbook is touched only on the feed's queue; the first error it throws is kept, later
/// work is skipped (its room in the queue still given back), and ``drain()`` and ``wait()``
/// throw it.
final class WorkbookFeed: @unchecked Sendable {
  static let batchSize = 256
  static let maximumBatchesAhead = 8

  private let workbook: any FedWorkbook
  private let queue = DispatchQueue(label: "trustlens.workbook-feed")
  private let room = DispatchSemaphore(value: WorkbookFeed.maximumBatchesAhead)
  private var pending: [AnalyzedRecord] = []
  /// Written on the queue only; read after the queue is drained.
  private var failure: (any Error)?
  /// Set by ``cancel()``; queued work then returns at once.
  private let cancelled = Atomic<Bool>(false)

  init(_ workbook: any FedWorkbook) {
    self.workbook = workbook
    pending.reserveCapacity(WorkbookFeed.batchSize)
  }

  /// Queues one Entries row.
  func add(_ record: AnalyzedRecord) {
    pending.append(record)
    if pending.count >= WorkbookFeed.batchSize { send() }
  }

  /// Waits until every queued row is written; throws the workbook's first error.
  func drain() throws {
    send()
    try wait()
  }

  /// Queues the rest of the workbook, every sheet after Entries and the file itself: it is
  /// written while the caller goes on, and done when ``wait()`` returns.
  func finish(_ report: Report, records: SpillRecords) {
    send()
    run { workbook in try workbook.finish(report, records: records, subject: nil) }
  }

  /// Waits until everything queued is done; throws the workbook's first error.
  func wait() throws {
    queue.sync {}
    if let failure { throw failure }
  }

  /// Stops writing (the run failed): queued work is dropped; returns once the queue is idle,
  /// so the workbook can be discarded.
  func cancel() {
    cancelled.store(true, ordering: .relaxed)
    pending.removeAll()
    queue.sync {}
  }

  private func send() {
    guard !pending.isEmpty else { return }
    let batch = pending
    pending.removeAll(keepingCapacity: true)
    room.wait()
    run(then: { [room] in _ = room.signal() }) { workbook in
      for record in batch { try workbook.add(record) }
    }
  }

  /// Runs `work` on the queue unless the feed failed or was cancelled, keeping its error;
  /// `done` runs in every case.
  private func run(then done: @escaping @Sendable () -> Void = {}, _ work: @escaping @Sendable (any FedWorkbook) throws -> Void) {
    queue.async { [self] in
      defer { done() }
      guard failure == nil, !cancelled.load(ordering: .relaxed) else { return }
      do {
        try work(workbook)
      } catch {
        failure = error
      }
    }
  }
}
