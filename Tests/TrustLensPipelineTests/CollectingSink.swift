import TrustLensCore
import TrustLensPipeline

/// A sink that keeps everything the stream hands on, and the order it came in (`a12` for the
/// analysed record of line 12, `c`, `r`, `d` for check-ins, rejects and duplicates).
final class CollectingSink: RecordSink {
  var analyzed: [AnalyzedRecord] = []
  var checkIns: [CheckIn] = []
  var rejects: [Reject] = []
  var duplicates: [Reject] = []
  var skipped: [SkippedFile] = []
  var notices: [String] = []
  var events: [String] = []

  func analyzed(_ record: AnalyzedRecord) throws {
    analyzed.append(record)
    events.append("a\(record.source.line)")
  }

  func checkIn(_ checkIn: CheckIn) throws {
    checkIns.append(checkIn)
    events.append("c\(checkIn.source.line)")
  }

  func rejected(_ reject: Reject) throws {
    rejects.append(reject)
    events.append("r\(reject.source.line)")
  }

  func duplicate(_ duplicate: Reject) throws {
    duplicates.append(duplicate)
    events.append("d\(duplicate.source.line)")
  }

  func skipped(_ file: SkippedFile) { skipped.append(file) }
  func notice(_ message: String) { notices.append(message) }
}
