import TrustLensCore
import TrustLensImport

/// `analysis.jsonl`: one line per analysed text from the `--since` day on, made on the
/// analysis threads, written in input order to a temporary file that becomes the output
/// when the stream ends.
final class AnalysisFileSink: LineSink {
  let path: String
  private let stream: FileSink
  let since: LocalDay?

  init(path: String, since: LocalDay?) throws {
    self.path = path
    self.since = since
    stream = try FileSink(path: AtomicFile.temporaryPath(for: path))
  }

  let encode: @Sendable (AnalyzedRecord) -> String = { AnalysisLineFormat.encode($0, lineEnd: true) }

  func write(_ line: String, of record: AnalyzedRecord) throws {
    if since.map({ record.date.day >= $0 }) ?? true { try stream.write(line) }
  }

  /// Renames the finished file into place.
  func commit() throws { try AtomicFile.commit(stream, to: path) }
}
