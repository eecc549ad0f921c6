package import TrustLensCore

/// Streams a run's per-record data back to renderers, in input order, so that per-record
/// sheets never need the records in memory.
package protocol RecordSource {
  /// Every analysed text (of `subject`, or all when `nil`).
  func forEachEntry(subject: String?, _ body: (AnalyzedRecord) throws -> Void) throws
  /// Every check-in (of `subject`, or all when `nil`).
  func forEachCheckIn(subject: String?, _ body: (CheckIn) throws -> Void) throws
}

/// Records held in memory: for tests and small inputs.
package struct InMemoryRecords: RecordSource {
  package var entries: [AnalyzedRecord]
  package var checkIns: [CheckIn]

  package init(entries: [AnalyzedRecord] = [], checkIns: [CheckIn] = []) {
    self.entries = entries
    self.checkIns = checkIns
  }

  package func forEachEntry(subject: String?, _ body: (AnalyzedRecord) throws -> Void) throws {
    for entry in entries where subject == nil || entry.subject == subject { try body(entry) }
  }

  package func forEachCheckIn(subject: String?, _ body: (CheckIn) throws -> Void) throws {
    for checkIn in checkIns where subject == nil || checkIn.subject == subject { try body(checkIn) }
  }
}
