import Foundation
import TrustLensCore

/// `analyze --format table`: one aligned row per analysed text, its four strongest tags.
final class AnalysisTable: RecordSink {
  private let output: FileSink

  init(_ output: FileSink) {
    self.output = output
  }

  func writeHeader() throws {
    let header: [String] = [
      Commands.pad("date", 26), Commands.pad("subject", 12), Commands.pad("kind", 8), Commands.pad("words", 6),
      Commands.pad("valence", 8), "tags\n",
    ]
    try output.write(header.joined())
  }

  func analyzed(_ record: AnalyzedRecord) throws {
    let a = record.analysis
    let top = a.emotions.merging(a.themes) { max($0, $1) }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(4).map { "\($0.key) \(String(format: "%.2f", $0.value))" }.joined(separator: ", ")
    let cells: [String] = [
      Commands.pad(record.date.description, 26), Commands.pad(Commands.clean(record.subject), 12),
      Commands.pad(record.kind.rawValue, 8), Commands.pad(String(a.words), 6), Commands.pad(String(format: "%+.2f", a.valence), 8),
      top, "\n",
    ]
    try output.write(cells.joined())
  }
}
