package import TrustLensCore
import TrustLensImport

/// One consumer of the ordered record stream ``Ingest`` hands on (in the spirit of NIO's
/// inbound handlers: one job each, chained by ``SinkChain``).
///
/// Every record read ends in exactly one of ``analyzed(_:)`` (an entry, or a check-in's note —
/// a check-in with a note also reaches ``checkIn(_:)``), ``checkIn(_:)``, ``rejected(_:)`` or
/// ``duplicate(_:)``, in input order, on the thread that called ``Ingest/run(into:lines:)``.
/// Every file met and not read reaches ``skipped(_:)``. A sink that throws stops the stream.
package protocol RecordSink: AnyObject {
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
  package func analyzed(_ record: AnalyzedRecord) throws {}
  package func checkIn(_ checkIn: CheckIn) throws {}
  package func rejected(_ reject: Reject) throws {}
  package func duplicate(_ duplicate: Reject) throws {}
  package func skipped(_ file: SkippedFile) {}
  package func notice(_ message: String) {}
}
