package import TrustLensCore

/// A text form of every analysed record (an `analyze --format jsonl` line, a CSV row), made on
/// the analysis threads — formatting would otherwise hold up the reading thread — and handed
/// back in input order, right after the record reached the ``RecordSink``.
package protocol LineSink: AnyObject {
  /// Makes the line of a record; called on any thread.
  var encode: @Sendable (AnalyzedRecord) -> String { get }
  /// Writes the line of `record`, in input order.
  func write(_ line: String, of record: AnalyzedRecord) throws
}
