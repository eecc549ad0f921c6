/// What an importer yields for each record it finds: exactly one of these.
package enum ImportedRecord: Sendable {
  case entry(Entry)
  case checkIn(CheckIn)
  case reject(Reject)
  /// A text already analysed elsewhere (an `analyze --format jsonl` line, e.g. from the
  /// shards of a cluster job): used as it is, not analysed again.
  case analyzed(AnalyzedRecord)
}
