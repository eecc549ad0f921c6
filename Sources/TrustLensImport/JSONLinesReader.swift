import Foundation
import TrustLensCore

/// Reads JSON Lines: one JSON object per line; blank lines are skipped.
///
/// Each line becomes one record: an entry, a check-in (decided per object under
/// `RecordKind.auto`) or a reject (`not valid JSON: …`, `not a JSON object`, `invalid UTF-8`,
/// `record longer than 1 MiB`, `keys "Text" and "text" differ only in case`). Keys are
/// matched without regard to case; of a key given twice, the last counts, as with Foundation.
/// Unknown keys are passthrough.
struct JSONLinesReader {
  let builder: RecordBuilder
  let kind: RecordKind

  /// Analysed lines parsed together, in parallel, before they are handed on in order: at
  /// most this many lines, and at most `analyzedBatchBytes` of them.
  static let analyzedBatch = 512
  static let analyzedBatchBytes = 8 << 20

  func read(_ source: ByteSource, emit: (ImportedRecord) throws -> Void) throws {
    var lines = LineReader(source: source)
    var analyzedFile: Bool?
    var analyzed: [(bytes: [UInt8], location: SourceLocation)] = []
    var analyzedBytes = 0
    func emitAnalyzed() throws {
      for record in AnalyzedLineReader.read(analyzed) { try emit(record) }
      analyzed.removeAll(keepingCapacity: true)
      analyzedBytes = 0
    }
    while let line = try lines.next() {
      if line.bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) && !line.tooLong { continue }
      let location = SourceLocation(file: builder.file, line: line.number)
      // A file of analysed records (cluster shards) is recognised by its first record.
      if analyzedFile == nil && !line.tooLong { analyzedFile = AnalyzedLineReader.looksAnalyzed(line.bytes) }
      if analyzedFile == true, !line.tooLong, AnalyzedLineReader.looksAnalyzed(line.bytes) {
        analyzed.append((line.bytes, location))
        analyzedBytes += line.bytes.count
        if analyzed.count == JSONLinesReader.analyzedBatch || analyzedBytes >= JSONLinesReader.analyzedBatchBytes {
          try emitAnalyzed()
        }
        continue
      }
      try emitAnalyzed()  // records leave in input order
      if line.tooLong {
        try emit(.reject(Reject(source: location, reason: "record longer than 1 MiB")))
        continue
      }
      if case .object(let members)? = FlatJSONParser.parse(line.bytes) {
        try emit(build(members, line: line.number, at: location))
        continue
      }
      if let bad = firstInvalidUTF8Offset(line.bytes) {
        try emit(.reject(Reject(source: location, reason: "invalid UTF-8 at byte \(bad + 1)")))
        continue
      }
      let object: Any
      do {
        object = try JSONSerialization.jsonObject(with: Data(line.bytes), options: [.fragmentsAllowed])
      } catch {
        try emit(.reject(Reject(source: location, reason: "not valid JSON: \(JSONLinesReader.describe(error))")))
        continue
      }
      guard case .object(let members) = FieldValue(json: object) else {
        try emit(.reject(Reject(source: location, reason: "not a JSON object")))
        continue
      }
      try emit(build(members, line: line.number, at: location))
    }
    try emitAnalyzed()

    func build(_ members: [(key: String, value: FieldValue)], line: Int, at location: SourceLocation) -> ImportedRecord {
      switch RecordBuilder.lowercasingKeys(members) {
      case .success(let fields): builder.build(fields, line: line, kind: kind)
      case .failure(let rejection): .reject(Reject(source: location, reason: rejection.reason))
      }
    }
  }

  /// A short reason from Foundation's JSON error, without quoting the input.
  static func describe(_ error: any Error) -> String {
    let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
    return (text ?? "malformed").lowercased().replacingOccurrences(of: ".", with: "")
  }
}

/// The offset of the first byte that breaks UTF-8, or `nil` when all is valid.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
  // Fast path: the standard library validates whole buffers quickly.
  if bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil { return nil }
  var iterator = bytes.makeIterator()
  var decoder = UTF8()
  var offset = 0
  while true {
    switch decoder.decode(&iterator) {
    case .scalarValue(let scalar): offset += UTF8.width(scalar)
    case .emptyInput: return nil
    case .error: return offset
    }
  }
}
