import TrustLensCore

/// Folds every analysed text and check-in into its subject's timeline (the whole history,
/// whatever `--since` says: trends need it).
final class TimelineSink: RecordSink {
  let store: TimelineStore

  init(_ store: TimelineStore) {
    self.store = store
  }

  func analyzed(_ record: AnalyzedRecord) throws { try store.add(record) }
  func checkIn(_ checkIn: CheckIn) throws { try store.add(checkIn) }
}
