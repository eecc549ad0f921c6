import Foundation
import TrustLensCore

/// Reads a Daylio CSV export (`full_date,date,weekday,time,mood,activities,note_title,note`).
///
/// Each row is a check-in whose `mood` label becomes a 0–10 rating (rad 10, good 7.5, meh 5,
/// bad 2.5, awful 0, or the pipeline's `mood_labels`) and whose activities become tags; a
/// row with a note also yields a journal entry (title and note), so one row can give two
/// records. An unknown mood label is rejected with a hint.
struct DaylioReader {
  static let header = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
  static let defaultMoods: [String: Double] = ["rad": 10, "good": 7.5, "meh": 5, "bad": 2.5, "awful": 0]

  let builder: RecordBuilder
  var delimiter: Delimiter = .comma

  var context: ReadContext { builder.context }

  /// True when a header row is Daylio's.
  static func matches(_ names: [String]) -> Bool {
    ["full_date", "time", "mood", "activities"].allSatisfy(names.contains)
  }

  func read(_ source: ByteSource) throws {
    var records = CSVReader(source: source, delimiter: delimiter.byte)
    var names: [String]?
    let moods = DaylioReader.defaultMoods.merging(builder.options.moodLabels) { $1 }
    while let record = try records.next() {
      let location = SourceLocation(file: builder.file, line: record.line)
      func reject(_ reason: String) throws { try context.reject(line: record.line, reason) }
      if let problem = record.problem {
        try reject(problem)
        continue
      }
      if let bad = record.fields.lazy.compactMap(firstInvalidUTF8Offset).first {
        try reject("invalid UTF-8 at byte \(bad + 1) of a cell")
        continue
      }
      let cells = record.fields.map { String(decoding: $0, as: UTF8.self) }
      guard let header = names else {
        names = cells.map { $0.trimmed().lowercased() }
        continue
      }
      guard cells.count == header.count else {
        try reject("row has \(cells.count) cells, header has \(header.count)")
        continue
      }
      let row = Dictionary(zip(header, cells), uniquingKeysWith: { first, _ in first })
      let when = [row["full_date"], row["time"]].compactMap { $0?.trimmed() }
        .filter { !$0.isEmpty }.joined(separator: " ")
      let date: RecordDate
      switch builder.dates.parse(when) {
      case .success(let parsed): date = parsed
      case .failure(let failure):
        try reject(failure.message)
        continue
      }
      let label = (row["mood"] ?? "").trimmed().lowercased()
      guard let mood = moods[label] ?? Double(label) else {
        try reject("unknown mood label \(builder.excerpt.quote(label)) (map it under mood_labels in the pipeline)")
        continue
      }
      let subject = builder.subject(from: [:], line: record.line)
      let activities = (row["activities"] ?? "").split(separator: "|").map { $0.trimmed() }
        .filter { !$0.isEmpty }
      let id = builder.generatedID(subject: subject, line: record.line)
      try context.emit(
        .checkIn(CheckIn(id: id, subject: subject, date: date, source: location, held: true, ratings: ["mood": mood])))
      let note = [row["note_title"], row["note"]].compactMap { $0?.trimmed() }
        .filter { !$0.isEmpty }.joined(separator: "\n")
      if !note.isEmpty {
        try context.emit(
          .entry(
            Entry(
              id: id + "-note", subject: subject, date: date, source: location,
              text: DaylioReader.stripHTML(note), userTags: activities)))
      }
    }
  }

  /// Daylio notes may hold simple HTML (`<br>`); keep the text.
  static func stripHTML(_ text: String) -> String {
    guard text.contains("<") else { return text }
    return text.replacingOccurrences(of: "<br>", with: "\n").replacingOccurrences(of: "<br/>", with: "\n")
      .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
  }
}
