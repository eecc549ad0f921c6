import Foundation
import TrustLensCore

/// Reads JSON Lines: one JSON object per line; blank lines are skipped.
///
/// Each line becomes one record: an entry, a check-in (decided per object under
/// `RecordKind.auto`) or a reject (`not valid JSON: …`, `not a JSON object`, `invalid UTF-8`,
/// `record longer than 1 MiB`, `keys "Text" and "text" differ only in case`). Keys are
/// matched as ``FieldNames`` folds them; of a key given twice, the last counts, as with
/// Foundation. Unknown keys are passthrough.
struct JSONLinesReader {
  let builder: RecordBuilder
  let kind: RecordKind

  /// Analysed lines parsed together, in parallel, before they are handed on in order: at
  /// most this many lines, and at most `analyzedBatchBytes` of them.
  static let analyzedBatch = 512
  static let analyzedBatchBytes = 8 << 20

  var context: ReadContext { builder.context }

  func read(_ source: ByteSource) throws {
    var lines = LineReader(source: source)
    let resolver = FieldResolver(mapping: context.options.reading.columns)
    var analyzedFile: Bool?
    var analyzed: [(bytes: [UInt8], location: SourceLocation)] = []
    var analyzedBytes = 0
    func emitAnalyzed() throws {
      for record in AnalysisLineFormat.read(analyzed) { try context.emit(record) }
      analyzed.removeAll(keepingCapacity: true)
      analyzedBytes = 0
    }
    while let line = try lines.next() {
      if line.bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) && !line.tooLong { continue }
      let location = SourceLocation(file: context.file, line: line.number)
      // A file of analysed records (cluster shards) is recognised by its first record.
      if analyzedFile == nil && !line.tooLong { analyzedFile = AnalysisLineFormat.looksAnalyzed(line.bytes) }
      if analyzedFile == true, !line.tooLong, AnalysisLineFormat.looksAnalyzed(line.bytes) {
        analyzed.append((line.bytes, location))
        analyzedBytes += line.bytes.count
        if analyzed.count == JSONLinesReader.analyzedBatch || analyzedBytes >= JSONLinesReader.analyzedBatchBytes {
          try emitAnalyzed()
        }
        continue
      }
      try emitAnalyzed()  // records leave in input order
      if line.tooLong {
        try context.reject(line: line.number, "record longer than 1 MiB")
        continue
      }
      switch JSONLinesReader.parseObject(line.bytes) {
      case .success(let members):
        switch resolver.fields(of: members) {
        case .success(let fields):
          for clash in resolver.takeClashes() { context.notice(line: line.number, clash) }
          try context.emit(builder.build(fields, line: line.number, kind: kind))
        case .failure(let rejection): try context.reject(line: line.number, rejection.reason)
        }
      case .failure(let rejection):
        try context.reject(line: line.number, rejection.reason)
      }
    }
    try emitAnalyzed()
  }

  /// One JSON object's members, in order: the fast parser reads well-formed objects,
  /// Foundation's parser judges the others (and words the reason).
  static func parseObject(_ bytes: [UInt8]) -> Result<[(key: String, value: FieldValue)], ImportRejection> {
    if let value = FlatJSONParser.parse(bytes) {
      guard case .object(let members) = value else { return .failure(ImportRejection(reason: "not a JSON object")) }
      return .success(members)
    }
    if let bad = firstInvalidUTF8Offset(bytes) {
      return .failure(ImportRejection(reason: "invalid UTF-8 at byte \(bad + 1)"))
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      return .failure(ImportRejection(reason: "not valid JSON: \(describe(error))"))
    }
    guard case .object(let members) = FieldValue(json: object) else {
      return .failure(ImportRejection(reason: "not a JSON object"))
    }
    return .success(members)
  }

  /// The parser's own words for what is wrong, without what it quotes of the line (raw
  /// input: journal text, control characters, any length; a pseudonymised run must not carry
  /// it), without hidden characters, and short.
  static func describe(_ error: any Error) -> String {
    let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "malformed"
    var result = ""
    var quote: Character?
    for character in text.lowercased() where character != "." {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "`" {
        quote = character
        if result.hasSuffix(" in ") { result.removeLast(3) }
      } else {
        result.append(character)
      }
    }
    return Excerpt.clean(result.split(separator: " ").joined(separator: " "), maximumLength: 80)
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
