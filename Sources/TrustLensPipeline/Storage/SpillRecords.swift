import TrustLensCore
import TrustLensExport

/// Reads back the analysed texts and check-ins spilled to disk during the stream, so that
/// per-record outputs never hold the records in memory.
struct SpillRecords: RecordSource {
  let entries: String
  let checkIns: String

  func forEachEntry(subject: String?, _ body: (AnalyzedRecord) throws -> Void) throws {
    try SpillReader.forEachFrame(entries) { reader in
      let record = try reader.analyzedRecord()
      if subject == nil || record.subject == subject { try body(record) }
    }
  }

  func forEachCheckIn(subject: String?, _ body: (CheckIn) throws -> Void) throws {
    try SpillReader.forEachFrame(checkIns) { reader in
      let checkIn = try reader.checkIn()
      if subject == nil || checkIn.subject == subject { try body(checkIn) }
    }
  }
}
