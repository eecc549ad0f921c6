import Foundation
import TrustLensCore

/// Turns one record's fields into an entry, a check-in or a reject: the rules shared by every
/// tabular and JSON format.
struct RecordBuilder {
  let file: String
  let subjectFromPath: String?
  let options: ImportOptions
  let dates: DateParser
  /// The file's name, for generated record ids.
  let fileName: String

  init(file: String, subjectFromPath: String?, options: ImportOptions) {
    self.file = file
    self.subjectFromPath = subjectFromPath
    self.options = options
    self.dates = DateParser(timeZone: options.timeZone, dayOrder: options.dayOrder)
    self.fileName = TrustLensImport.fileName(of: file)
  }

  /// Builds the record that starts at `line` from `fields` (keys lower-cased by the caller).
  func build(_ fields: [String: FieldValue], line: Int, kind: RecordKind) -> ImportedRecord {
    let source = SourceLocation(file: file, line: line)
    func reject(_ reason: String) -> ImportedRecord { .reject(Reject(source: source, reason: reason)) }

    guard let dateField = FieldNames.date.lazy.compactMap({ fields[$0] }).first(where: { !$0.isBlank })
    else { return reject("missing date") }
    guard let dateText = dateField.text else { return reject("date is not text") }
    let date: RecordDate
    switch dates.parse(dateText) {
    case .success(let parsed): date = parsed
    case .failure(let failure): return reject(failure.message)
    }
    let subject = subject(from: fields)
    let givenID = fields["id"]?.text.flatMap { $0.isEmpty ? nil : $0 }
    let id = givenID ?? "\(subject)-\(fileName)-\(line)"

    let resolvedKind = kind == .auto
      ? (FieldNames.looksLikeCheckIns(fields.keys) ? RecordKind.checkins : .journal) : kind
    if resolvedKind == .checkins {
      return buildCheckIn(fields, id: id, subject: subject, date: date, source: source)
    }

    guard let textField = FieldNames.text.lazy.compactMap({ fields[$0] }).first else {
      return reject("no text field (expected one of \(FieldNames.text.joined(separator: ", ")))")
    }
    guard case .string(let text) = textField else {
      return textField.isBlank ? reject("empty text") : reject("text is not a string")
    }
    if text.allSatisfy(\.isWhitespace) { return reject("empty text") }
    var tags: [String] = []
    if case .array(let values) = fields["tags"] { tags = values.compactMap(\.text) }
    return .entry(
      Entry(
        id: id, subject: subject, date: date, source: source, text: text,
        author: fields["author"]?.text, userTags: tags))
  }

  /// An object's fields keyed by their lower-cased names, or the reason they cannot be: two
  /// keys that differ only in case (`Text` and `text`) would make the choice between them
  /// arbitrary. Of a key repeated in one spelling, the last counts, as JSON parsers do.
  static func lowercasingKeys(_ members: [(key: String, value: FieldValue)]) -> Result<[String: FieldValue], ImportRejection> {
    var fields: [String: FieldValue] = [:]
    fields.reserveCapacity(members.count)
    for (index, (key, value)) in members.enumerated() {
      let name = key.lowercased()
      if fields.updateValue(value, forKey: name) != nil,
        members[..<index].contains(where: { $0.key != key && $0.key.lowercased() == name })
      {
        let spellings = Set(members.lazy.map(\.key).filter { $0.lowercased() == name }).sorted().map { "\"\($0)\"" }
        let listed = spellings.dropLast().joined(separator: ", ") + " and " + spellings.last!
        return .failure(ImportRejection(reason: "keys \(listed) differ only in case"))
      }
    }
    return .success(fields)
  }

  func subject(from fields: [String: FieldValue]) -> String {
    switch options.subject {
    case .fixed(let id): return id
    case .folder, .field:
      if options.subject == .folder, let subjectFromPath { return subjectFromPath }
      let named = FieldNames.subject.lazy.compactMap { fields[$0]?.text }.first
      let trimmed = named?.trimmed() ?? ""
      return trimmed.isEmpty ? "default" : trimmed
    }
  }

  private func buildCheckIn(
    _ fields: [String: FieldValue], id: String, subject: String, date: RecordDate,
    source: SourceLocation
  ) -> ImportedRecord {
    func reject(_ reason: String) -> ImportedRecord { .reject(Reject(source: source, reason: reason)) }
    var held = true
    if let value = fields[FieldNames.held], !value.isBlank {
      switch value {
      case .bool(let b): held = b
      case .number(let n) where n == 0 || n == 1: held = n == 1
      case .string(let s):
        switch s.trimmed().lowercased() {
        case "yes", "y", "true", "1": held = true
        case "no", "n", "false", "0": held = false
        default: return reject("held \"\(s.prefix(20))\" is not yes or no")
        }
      default: return reject("held is not yes or no")
      }
    }
    let note = FieldNames.text.lazy.compactMap { fields[$0] }.first.flatMap { value -> String? in
      guard case .string(let s) = value, !s.allSatisfy(\.isWhitespace) else { return nil }
      return s
    }
    var ratings: [String: Double] = [:]
    var counters: [String: Double] = [:]
    for (name, value) in fields.sorted(by: { $0.key < $1.key })
    where !FieldNames.nonMetric.contains(name) && !value.isBlank {
      let known = FieldNames.ratings.contains(name) || FieldNames.counters.contains(name)
      let number: Double
      switch value {
      case .number(let n): number = n
      case .string(let s):
        guard let n = Double(s.trimmed()), n.isFinite else {
          if known { return reject("rating \"\(s.prefix(20))\" is not a number") }
          continue  // a non-numeric extra column is passthrough, not a metric
        }
        number = n
      default:
        if known { return reject("rating \(name) is not a number") }
        continue
      }
      if FieldNames.counters.contains(name) {
        guard number >= 0 else { return reject("\(name) \(number) is negative") }
        counters[name] = number
      } else if FieldNames.ratings.contains(name) {
        guard options.ratingScale.contains(number) else {
          let scale = "\(options.ratingScale.lowerBound.formatted())–\(options.ratingScale.upperBound.formatted())"
          return reject("rating \(name) \(number.formatted()) is outside \(scale)")
        }
        ratings[name] = number
      } else {
        ratings[name] = number
      }
    }
    if !held { ratings = [:] }
    return .checkIn(
      CheckIn(
        id: id, subject: subject, date: date, source: source, held: held, ratings: ratings,
        commitmentsMade: held ? counters["commitments_made"] : nil,
        commitmentsKept: held ? counters["commitments_kept"] : nil, note: note))
  }
}

/// Why a record was rejected, as its reject line words it.
struct ImportRejection: Error {
  let reason: String
}

extension Double {
  /// The shortest plain spelling: `4`, `4.5`.
  func formatted() -> String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
