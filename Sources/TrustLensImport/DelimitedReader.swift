import Foundation
import TrustLensCore

/// Reads CSV or TSV with a header row into records.
///
/// The header names the columns (case-insensitive, trimmed). Under `RecordKind.auto` the
/// header decides the kind of the whole file. Rows with more or fewer cells than the header
/// are rejected (`row has 5 cells, header has 4`).
struct DelimitedReader {
  let builder: RecordBuilder
  let kind: RecordKind
  let delimiter: UInt8

  func read(_ source: ByteSource, emit: (ImportedRecord) throws -> Void) throws {
    var records = CSVReader(source: source, delimiter: delimiter)
    var header: [String]?
    var fileKind = kind
    while let record = try records.next() {
      let location = SourceLocation(file: builder.file, line: record.line)
      if let problem = record.problem {
        try emit(.reject(Reject(source: location, reason: problem)))
        continue
      }
      if let bad = record.fields.lazy.compactMap(firstInvalidUTF8Offset).first {
        try emit(.reject(Reject(source: location, reason: "invalid UTF-8 at byte \(bad + 1) of a cell")))
        continue
      }
      let cells = record.fields.map { String(decoding: $0, as: UTF8.self) }
      guard let names = header else {
        let names = cells.map { $0.trimmed().lowercased() }
        header = names
        if fileKind == .auto { fileKind = FieldNames.looksLikeCheckIns(names) ? .checkins : .journal }
        continue
      }
      guard cells.count == names.count else {
        try emit(.reject(Reject(source: location, reason: "row has \(cells.count) cells, header has \(names.count)")))
        continue
      }
      var fields: [String: FieldValue] = [:]
      for (name, cell) in zip(names, cells) where !name.isEmpty && fields[name] == nil {
        fields[name] = .string(cell)
      }
      if let tags = fields["tags"]?.text {
        fields["tags"] = .array(
          tags.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
            .map { .string($0.trimmed()) })
      }
      try emit(builder.build(fields, line: record.line, kind: fileKind))
    }
  }
}
