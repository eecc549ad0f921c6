import TrustLensCore

/// Reports ``RunProgress/reading(records:bytes:totalBytes:)`` every 1,000 records read.
final class ProgressSink: RecordSink {
  private var seen = 0
  private let bytes: ByteCounter
  private let totalBytes: Int?
  private let progress: (RunProgress) -> Void

  /// `bytes` is the counter the readers add to; `totalBytes` the inputs' size when known.
  init(bytes: ByteCounter, totalBytes: Int?, progress: @escaping (RunProgress) -> Void) {
    self.bytes = bytes
    self.totalBytes = totalBytes
    self.progress = progress
  }

  private func tick() {
    seen += 1
    if seen % 1000 == 0 { progress(.reading(records: seen, bytes: bytes.value, totalBytes: totalBytes)) }
  }

  func analyzed(_ record: AnalyzedRecord) throws { if record.kind == .entry { tick() } }
  func checkIn(_ checkIn: CheckIn) throws { tick() }
  func rejected(_ reject: Reject) throws { tick() }
  func duplicate(_ duplicate: Reject) throws { tick() }
}
