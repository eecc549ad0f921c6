public import TrustLensCore
public import TrustLensImport

/// One consumer of the ordered record stream ``Ingest`` hands on (in the spirit of NIO's
/// inbound handlers: one job each, chained by ``SinkChain``).
///
/// Every record read ends in exactly one of ``analyzed(_:)`` (an entry, or a check-in's note —
/// a check-in with a note also reaches ``checkIn(_:)``), ``checkIn(_:)``, ``rejected(_:)`` or
/// ``duplicate(_:)``, in input order, on the thread that called ``Ingest/run(into:lines:)``.
/// Every file met and not read reaches ``skipped(_:)``. A sink that throws stops the stream.
public protocol RecordSink: AnyObject {
  /// An analysed text: a journal entry or a check-in's note.
  func analyzed(_ record: AnalyzedRecord) throws
  func checkIn(_ checkIn: CheckIn) throws
  /// A record that could not be used, with file, line and reason.
  func rejected(_ reject: Reject) throws
  /// A record dropped as a duplicate of an earlier one, with where it is and why.
  func duplicate(_ duplicate: Reject) throws
  /// A file met but not read (hidden, a link, not a regular file, an output folder, …).
  func skipped(_ file: SkippedFile)
  /// A notice about the input that is not about one record (for standard error).
  func notice(_ message: String)
}

extension RecordSink {
  public func analyzed(_ record: AnalyzedRecord) throws {}
  public func checkIn(_ checkIn: CheckIn) throws {}
  public func rejected(_ reject: Reject) throws {}
  public func duplicate(_ duplicate: Reject) throws {}
  public func skipped(_ file: SkippedFile) {}
  public func notice(_ message: String) {}
}

/// Hands every event to each of its sinks, in their order.
public final class SinkChain: RecordSink {
  public let sinks: [any RecordSink]

  public init(_ sinks: [any RecordSink]) {
    self.sinks = sinks
  }

  public func analyzed(_ record: AnalyzedRecord) throws { for sink in sinks { try sink.analyzed(record) } }
  public func checkIn(_ checkIn: CheckIn) throws { for sink in sinks { try sink.checkIn(checkIn) } }
  public func rejected(_ reject: Reject) throws { for sink in sinks { try sink.rejected(reject) } }
  public func duplicate(_ duplicate: Reject) throws { for sink in sinks { try sink.duplicate(duplicate) } }
  public func skipped(_ file: SkippedFile) { for sink in sinks { sink.skipped(file) } }
  public func notice(_ message: String) { for sink in sinks { sink.notice(message) } }
}

/// A text form of every analysed record (an `analyze --format jsonl` line, a CSV row), made on
/// the analysis threads — formatting would otherwise hold up the reading thread — and handed
/// back in input order, right after the record reached the ``RecordSink``.
public protocol LineSink: AnyObject {
  /// Makes the line of a record; called on any thread.
  var encode: @Sendable (AnalyzedRecord) -> String { get }
  /// Writes the line of `record`, in input order.
  func write(_ line: String, of record: AnalyzedRecord) throws
}

/// Rewrites what the importers read before anything else sees it: duplicate detection, the
/// analysis threads (which make ``LineSink`` lines) and every sink get the rewritten records.
/// Pseudonyms are the one transform; they must act this early, or a line made on an analysis
/// thread would carry a real name.
public protocol RecordTransform: AnyObject {
  /// Called before a file's first record (so notices about it can be rewritten too).
  func willRead(_ file: InputFile)
  func transform(_ record: ImportedRecord, from file: InputFile) throws -> ImportedRecord
  func transform(_ skipped: SkippedFile) -> SkippedFile
  func transform(notice: String) -> String
}
