import Foundation
import TrustLensCore

/// Reads a Day One JSON export (`{"metadata": …, "entries": [{"uuid", "creationDate",
/// "text", "timeZone", "tags", …}]}`), entry by entry as the document streams past
/// (``DayOneStream``): memory is one entry, whatever the document's size.
///
/// Each entry reports the line where its object starts; an entry longer than 1 MiB is
/// rejected (`record longer than 1 MiB`) and skipped to its end. Markdown escapes Day One
/// adds (`\.`, `\-`, `\!`) are undone; the entry's own `timeZone` decides its local date and
/// time (else the pipeline's zone); its `tags` are kept.
struct DayOneReader {
  static let maxEntrySize = 1 << 20

  let builder: RecordBuilder

  var context: ReadContext { builder.context }

  /// Reads a whole document from `source`.
  func read(_ source: ByteSource) throws {
    var stream = DayOneStream(maxElement: DayOneReader.maxEntrySize)
    while try source.consumeChunk({ chunk in
      try stream.feed(chunk, handle)
      return chunk.count
    }) {}
    try stream.finish(handle)
  }

  /// What to do with each event of the stream.
  func handle(_ event: DayOneStream.Event) throws {
    switch event {
    case .element(let bytes, let line): try context.emit(entry(bytes, line: line))
    case .elementTooLong(let line): try context.reject(line: line, "record longer than 1 MiB")
    case .failed(let reason, let line): try context.reject(line: line, reason)
    }
  }

  /// One element of `entries` as an entry or a reject.
  private func entry(_ bytes: [UInt8], line: Int) -> ImportedRecord {
    let location = SourceLocation(file: context.file, line: line)
    func reject(_ reason: String) -> ImportedRecord { .reject(Reject(source: location, reason: reason)) }
    let object: [(key: String, value: FieldValue)]
    switch JSONLinesReader.parseObject(bytes) {
    case .success(let members): object = members
    case .failure(let rejection):
      return reject(rejection.reason == "not a JSON object" ? "entry is not a JSON object" : rejection.reason)
    }
    let value = FieldValue.object(object)
    guard let createdValue = value["creationDate"], !createdValue.isNull else { return reject("missing creationDate") }
    guard let created = createdValue.string else { return reject("creationDate is not text") }
    var zone = context.options.timeZone
    if let name = value["timeZone"]?.string {
      if let named = TimeZone(identifier: name) {
        zone = named
      } else {
        context.notice(line: line, "unknown timeZone \(builder.excerpt.quote(name)): the entry's time is read in \(zone.identifier)")
      }
    }
    let date: RecordDate
    switch DateParser(timeZone: zone, quoteValues: context.options.quoteValues).parse(created) {
    case .success(let parsed): date = DayOneReader.local(parsed, in: zone)
    case .failure(let failure): return reject(failure.message)
    }
    guard let textValue = value["text"], !textValue.isNull else { return reject("empty text") }
    guard let raw = textValue.string else { return reject("text is not a string") }
    let text = DayOneReader.unescapeMarkdown(raw).trimmed()
    guard !text.isEmpty else { return reject("empty text") }
    let subject = builder.subject(from: [FieldNames.subject: value["subject"] ?? value["client"] ?? .null], line: line)
    let id = value["uuid"]?.string ?? builder.generatedID(subject: subject, line: line)
    var tags: [String] = []
    if case .array(let values)? = value["tags"] { tags = values.compactMap(\.string) }
    return .entry(
      Entry(
        id: id, subject: subject, date: date, source: location, text: text, userTags: tags))
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
}
