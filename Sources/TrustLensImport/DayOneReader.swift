import Foundation
import TrustLensCore

/// Reads a Day One JSON export (`{"metadata": …, "entries": [{"uuid", "creationDate",
/// "text", "timeZone", "tags", …}]}`).
///
/// The one reader that is not streamed: the document is parsed whole, so its size is limited
/// to ``maxDocumentSize``. Each entry reports the line where its object starts. Markdown
/// escapes Day One adds (`\.`, `\-`, `\!`) are undone; the entry's own `timeZone` decides
/// its local date and time (else the pipeline's zone).
struct DayOneReader {
  static let maxDocumentSize = 512 << 20

  let builder: RecordBuilder

  func read(_ bytes: [UInt8], emit: (ImportedRecord) throws -> Void) throws {
    let file = SourceLocation(file: builder.file, line: 1)
    guard bytes.count <= DayOneReader.maxDocumentSize else {
      try emit(.reject(Reject(source: file, reason: "Day One document larger than 512 MiB")))
      return
    }
    if let bad = firstInvalidUTF8Offset(bytes) {
      try emit(.reject(Reject(source: file, reason: "invalid UTF-8 at byte \(bad + 1)")))
      return
    }
    let document: Any
    do {
      document = try JSONSerialization.jsonObject(with: Data(bytes))
    } catch {
      try emit(.reject(Reject(source: file, reason: "not valid JSON: \(JSONLinesReader.describe(error))")))
      return
    }
    guard let root = document as? [String: Any], let entries = root["entries"] as? [Any] else {
      try emit(.reject(Reject(source: file, reason: "not a Day One export (no \"entries\" list)")))
      return
    }
    let lines = DayOneReader.entryLines(bytes)
    for (index, item) in entries.enumerated() {
      let line = index < lines.count ? lines[index] : 1
      let location = SourceLocation(file: builder.file, line: line)
      guard let object = item as? [String: Any] else {
        try emit(.reject(Reject(source: location, reason: "entry is not a JSON object")))
        continue
      }
      try emit(entry(object, location: location))
    }
  }

  private func entry(_ object: [String: Any], location: SourceLocation) -> ImportedRecord {
    func reject(_ reason: String) -> ImportedRecord { .reject(Reject(source: location, reason: reason)) }
    guard let created = object["creationDate"] as? String else { return reject("missing creationDate") }
    let zone = (object["timeZone"] as? String).flatMap(TimeZone.init(identifier:)) ?? builder.options.timeZone
    let date: RecordDate
    switch DateParser(timeZone: zone).parse(created) {
    case .success(let parsed): date = DayOneReader.local(parsed, in: zone)
    case .failure(let failure): return reject(failure.message)
    }
    guard let raw = object["text"] as? String else { return reject("empty text") }
    let text = DayOneReader.unescapeMarkdown(raw).trimmed()
    guard !text.isEmpty else { return reject("empty text") }
    let fields: [String: FieldValue]
    switch RecordBuilder.lowercasingKeys(FieldValue.members(of: object)) {
    case .success(let lowercased): fields = lowercased
    case .failure(let rejection): return reject(rejection.reason)
    }
    let subject = builder.subject(from: fields)
    let id = (object["uuid"] as? String) ?? "\(subject)-\(fileName(of: builder.file))-\(location.line)"
    return .entry(
      Entry(
        id: id, subject: subject, date: date, source: location, text: text,
        userTags: (object["tags"] as? [Any])?.compactMap { $0 as? String } ?? []))
  }

  /// The same instant as the wall clock of `zone`.
  static func local(_ date: RecordDate, in zone: TimeZone) -> RecordDate {
    guard let seconds = date.secondsOfDay, let offset = date.utcOffsetSeconds else { return date }
    let instant = (date.day.dayNumber - DateParser.unixEpochDayNumber) * 86_400 + seconds - offset
    let localOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant)))
    let wall = instant + localOffset
    let dayNumber = Int((Double(wall) / 86_400).rounded(.down))
    return RecordDate(
      day: LocalDay(dayNumber: dayNumber + DateParser.unixEpochDayNumber), secondsOfDay: wall - dayNumber * 86_400,
      utcOffsetSeconds: localOffset)
  }

  /// Undoes the backslash escapes Day One writes before ASCII punctuation.
  static func unescapeMarkdown(_ text: String) -> String {
    guard text.contains("\\") else { return text }
    var result = ""
    var escaping = false
    for character in text {
      if escaping {
        if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { result.append("\\") }
        result.append(character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    if escaping { result.append("\\") }
    return result
  }

  /// The 1-based line where each object of the top-level `entries` array starts.
  static func entryLines(_ bytes: [UInt8]) -> [Int] {
    var lines: [Int] = []
    var line = 1, depth = 0
    var inString = false, escaped = false
    var stringStart = 0
    var lastKeyAtTop = ""
    var entriesDepth: Int?
    for (index, byte) in bytes.enumerated() {
      if byte == 10 { line += 1 }
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          if depth == 1 { lastKeyAtTop = String(decoding: bytes[stringStart..<index], as: UTF8.self) }
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inString = true
        stringStart = index + 1
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        if byte == UInt8(ascii: "{"), let entriesDepth, depth == entriesDepth { lines.append(line) }
        if byte == UInt8(ascii: "["), depth == 1, lastKeyAtTop == "entries" { entriesDepth = depth + 1 }
        depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if let d = entriesDepth, depth < d { entriesDepth = nil; lastKeyAtTop = "" }
      default: break
      }
    }
    return lines
  }
}
