package import TrustLensCore

/// Hands every event to each of its sinks, in their order.
package final class SinkChain: RecordSink {
  package let sinks: [any RecordSink]

  package init(_ sinks: [any RecordSink]) {
    self.sinks = sinks
  }

  package func analyzed(_ record: AnalyzedRecord) throws { for sink in sinks { try sink.analyzed(record) } }
  package func checkIn(_ checkIn: CheckIn) throws { for sink in sinks { try sink.checkIn(checkIn) } }
  package func rejected(_ reject: Reject) throws { for sink in sinks { try sink.rejected(reject) } }
  package func duplicate(_ duplicate: Reject) throws { for sink in sinks { try sink.duplicate(duplicate) } }
  package func skipped(_ file: SkippedFile) { for sink in sinks { sink.skipped(file) } }
  package func notice(_ message: String) { for sink in sinks { sink.notice(message) } }
}
