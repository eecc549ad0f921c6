import TrustLensCore

/// Lines of analysed records written to a command's output (`analyze --format jsonl|csv`),
/// made on the analysis threads.
final class OutputLines: LineSink {
  private let output: FileSink
  let encode: @Sendable (AnalyzedRecord) -> String

  init(_ output: FileSink, encode: @escaping @Sendable (AnalyzedRecord) -> String) {
    self.output = output
    self.encode = encode
  }

  func write(_ line: String, of record: AnalyzedRecord) throws { try output.write(line) }
}
