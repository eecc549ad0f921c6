import Foundation
import Synchronization
import Testing
import TrustLensCore
import TrustLensExport
@testable import TrustLensPipeline

/// The feed that writes the run's workbook on its own thread, with a stand-in workbook.
@Suite struct WorkbookFeedTests {
  struct Broken: Error {}

  /// Counts rows; throws at row `failingAt`; can be slowed so batches queue up.
  final class StandIn: FedWorkbook, @unchecked Sendable {
    let failingAt: Int?
    let delay: useconds_t
    let rows = Atomic<Int>(0)
    let finished = Atomic<Int>(0)

    init(failingAt: Int? = nil, delay: useconds_t = 0) {
      self.failingAt = failingAt
      self.delay = delay
    }

    func add(_ record: AnalyzedRecord) throws {
      if delay > 0 { usleep(delay) }
      let row = rows.add(1, ordering: .relaxed).newValue
      if row == failingAt { throw Broken() }
    }

    func finish(_ report: Report, records: some RecordSource, subject: String?) throws {
      finished.add(1, ordering: .relaxed)
    }
  }

  static let record = AnalyzedRecord(
    id: "r", subject: "c01", date: RecordDate(day: LocalDay(iso: "2026-03-01")!),
    source: SourceLocation(file: "j.jsonl", line: 1), kind: .entry,
    analysis: TextAnalysis(words: 1, valence: 0, emotions: [:], themes: [:], evidence: []))

  /// A row that fails stops the writing, and the error comes out of `drain()`, however many
  /// rows follow it (more than the batches the queue holds).
  @Test(.timeLimit(.minutes(1)))
  func aFailingRowIsReportedNotWaitedOnForever() throws {
    let workbook = StandIn(failingAt: 10)
    let feed = WorkbookFeed(workbook)
    for _ in 0..<(WorkbookFeed.batchSize * WorkbookFeed.maximumBatchesAhead * 4) { feed.add(Self.record) }
    #expect(throws: Broken.self) { try feed.drain() }
    #expect(workbook.rows.load(ordering: .relaxed) == 10)
    feed.finish(Report(pipeline: "p", asOf: nil, counts: RunCounts(), subjects: [], categories: [], lexicons: [], rejects: []),
                records: SpillRecords(entries: "/nonexistent", checkIns: "/nonexistent"))
    #expect(throws: Broken.self) { try feed.wait() }
    #expect(workbook.finished.load(ordering: .relaxed) == 0)
  }

  /// Cancelling with batches still queued drops them and leaves a feed that can be let go
  /// (the run's failure path).
  @Test(.timeLimit(.minutes(1)))
  func cancellingWithRowsQueuedDropsThem() throws {
    let workbook = StandIn(delay: 200)
    var feed: WorkbookFeed? = WorkbookFeed(workbook)
    let added = WorkbookFeed.batchSize * (WorkbookFeed.maximumBatchesAhead + 1)
    for _ in 0..<added { feed?.add(Self.record) }
    feed?.cancel()
    feed = nil
    #expect(workbook.rows.load(ordering: .relaxed) < added)
  }
}
