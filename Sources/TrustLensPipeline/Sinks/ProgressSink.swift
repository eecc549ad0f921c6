import TrustLensCore

/// Calls `progress` every 1,000 records read.
final class ProgressSink: RecordSink {
  private var seen = 0
  private let progress: (String, Int) -> Void

  init(progress: @escaping (String, Int) -> Void) {
    self.progress = progress
  }

  private func tick() {
    seen += 1
    if seen % 1000 == 0 { progress("reading records", seen) }
  }

  func analyzed(_ record: AnalyzedRecord) throws { if record.kind == .entry { tick() } }
  func checkIn(_ checkIn: CheckIn) throws { tick() }
  func rejected(_ reject: Reject) throws { tick() }
  func duplicate(_ duplicate: Reject) throws { tick() }
}
