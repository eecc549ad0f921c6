import TrustLensCore
import TrustLensExport
import Dispatch
import Foundation

/// Feeds a ``StreamingWorkbook``'s Entries sheet on a thread of its own while the run goes
/// on reading and analysing: records are passed in batches, in order, at most
/// ``maximumBatchesAhead`` batches ahead, so memory stays bounded.
///
/// The workbook is touched only on the feed's queue until ``finish()`` has drained it; the
/// first error the workbook throws is kept and thrown by ``finish()``.
final class WorkbookFeed: @unchecked Sendable {
  static let batchSize = 256
  static let maximumBatchesAhead = 8

  let workbook: StreamingWorkbook
  private let queue = DispatchQueue(label: "trustlens.workbook-feed")
  private let room = DispatchSemaphore(value: WorkbookFeed.maximumBatchesAhead)
  private var pending: [AnalyzedRecord] = []
  /// Written on the queue only; read after the queue is drained.
  private var failure: (any Error)?
  /// Set by ``cancel()``; queued batches then return at once.
  private let cancelled = OnceFlag()

  init(_ workbook: StreamingWorkbook) {
    self.workbook = workbook
    pending.reserveCapacity(WorkbookFeed.batchSize)
  }

  /// Queues one Entries row.
  func add(_ record: AnalyzedRecord) {
    pending.append(record)
    if pending.count >= WorkbookFeed.batchSize { send() }
  }

  /// Waits until every queued row is written; throws the workbook's first error.
  func finish() throws {
    send()
    queue.sync {}
    if let failure { throw failure }
  }

  /// Stops writing (the run failed): queued batches are dropped; returns once the queue is
  /// idle, so the workbook can be discarded.
  func cancel() {
    cancelled.set()
    pending.removeAll()
    queue.sync {}
  }

  private func send() {
    guard !pending.isEmpty else { return }
    let batch = pending
    pending.removeAll(keepingCapacity: true)
    room.wait()
    queue.async { [self] in
      defer { room.signal() }
      guard failure == nil, !cancelled.isSet else { return }
      do {
        for record in batch { try workbook.add(record) }
      } catch {
        failure = error
      }
    }
  }
}

/// A flag set once from one thread and read from others.
final class OnceFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  func set() {
    lock.lock()
    value = true
    lock.unlock()
  }

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
