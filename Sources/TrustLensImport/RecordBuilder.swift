import Foundation
import TrustLensCore

/// Turns one record's fields into an entry, a check-in or a reject: the rules shared by every
/// tabular and JSON format.
///
/// Fields arrive under their field names (``FieldNames``, resolved by ``FieldResolver``);
/// other columns keep their own (lower-cased) names and become extra metrics when numeric.
/// A record with text is never dropped for a bad metadata field: the field is left out and
/// named in a notice (``ImportNotice``), and only a record with nothing else to keep is
/// rejected for it.
struct RecordBuilder {
  let context: ReadContext
  let subjectFromPath: String?
  let dates: DateParser
  let excerpt: Excerpt
  /// Ratings may be written `3,5`.
  let decimalComma: Bool

  var options: ImportOptions { context.options }
  var file: String { context.file }

  init(context: ReadContext, subjectFromPath: String?, decimalComma: Bool? = nil) {
    self.context = context
    self.subjectFromPath = subjectFromPath
    let options = context.options
    self.dates = DateParser(
      timeZone: options.timeZone, dayOrder: options.dayOrder, pattern: options.reading.datePattern,
      quoteValues: options.quoteValues)
    self.excerpt = Excerpt(quoting: options.quoteValues)
    self.decimalComma = decimalComma ?? options.reading.decimalComma
  }

  /// The id of a record that has none: subject, the file as named and the line, which no
  /// other record of the run shares (two files of one name in different folders differ by
  /// path; two subjects by subject).
  func generatedID(subject: String, line: Int) -> String {
    "\(subject)-\(file == "-" ? "stdin" : file)-\(line)"
  }

  /// Builds the record that starts at `line` from `fields`.
  func build(_ fields: [String: FieldValue], line: Int, kind: RecordKind) -> ImportedRecord {
    let source = SourceLocation(file: file, line: line)
    let subject = subject(from: fields, line: line)
    // A rejected record is still its subject's: its client's folder lists it.
    func reject(_ reason: String) -> ImportedRecord { .reject(Reject(source: source, reason: reason, subject: subject)) }

    guard let dateField = fields[FieldNames.date], !dateField.isBlank else { return reject("missing date") }
    guard var dateText = dateField.text else { return reject("date is not text") }
    if let time = fields[FieldNames.time]?.text?.trimmed(), !time.isEmpty { dateText += " " + time }
    let date: RecordDate
    switch dates.parse(dateText) {
    case .success(let parsed): date = parsed
    case .failure(let failure): return reject(failure.message)
    }
    let givenID = fields[FieldNames.id]?.text.flatMap { $0.isEmpty ? nil : $0 }
    let id = givenID ?? generatedID(subject: subject, line: line)
    let text: String?
    switch self.text(of: fields) {
    case .success(let found): text = found
    case .failure(let rejection): return reject(rejection.reason)
    }

    var resolvedKind = kind
    var metrics: CheckInFields?
    if kind != .journal {
      let read = checkInFields(fields)
      metrics = read
      if kind == .auto { resolvedKind = read.isCheckIn || (read.problems.isEmpty ? false : text == nil) ? .checkins : .journal }
    }
    if resolvedKind == .checkins, let metrics {
      if !metrics.problems.isEmpty {
        guard text != nil else { return reject(metrics.problems[0]) }
        context.notice(line: line, metrics.problems.joined(separator: "; ") + "; the check-in is kept without it")
      }
      return .checkIn(
        CheckIn(
          id: id, subject: subject, date: date, source: source, held: metrics.held, ratings: metrics.held ? metrics.ratings : [:],
          commitmentsMade: metrics.held ? metrics.counters["commitments_made"] : nil,
          commitmentsKept: metrics.held ? metrics.counters["commitments_kept"] : nil, note: text))
    }
    guard let text else {
      if let field = fields[FieldNames.text], !field.isBlank { return reject("text is not a string") }
      return reject(fields[FieldNames.text] == nil ? "no text field" : "empty text")
    }
    if let problems = metrics?.problems, !problems.isEmpty {
      context.notice(line: line, problems.joined(separator: "; ") + "; kept as an entry without it")
    }
    return .entry(
      Entry(
        id: id, subject: subject, date: date, source: source, text: text, author: author(fields, line: line),
        userTags: tags(fields, line: line)))
  }

  /// The record's text (its title first, on a line of its own), `nil` when it has none.
  private func text(of fields: [String: FieldValue]) -> Result<String?, ImportRejection> {
    var parts: [String] = []
    if case .string(let title)? = fields[FieldNames.title], !title.isAllWhitespace { parts.append(title.trimmed()) }
    switch fields[FieldNames.text] {
    case .string(let body)? where !body.isAllWhitespace: parts.append(body)
    case nil, .null?, .string?: break
    case .number?, .bool?, .array?, .object?:
      if parts.isEmpty { return .failure(ImportRejection(reason: "text is not a string")) }
    }
    return .success(parts.isEmpty ? nil : parts.joined(separator: "\n"))
  }

  private func author(_ fields: [String: FieldValue], line: Int) -> String? {
    guard let value = fields[FieldNames.author], !value.isBlank else { return nil }
    guard let text = value.text else {
      context.notice(line: line, "author is not text; left out")
      return nil
    }
    return text.trimmed()
  }

  /// The writer's own tags: a JSON list of strings, or text split at `,` `;` `|`.
  func tags(_ fields: [String: FieldValue], line: Int) -> [String] {
    switch fields[FieldNames.tags] {
    case nil, .null?: return []
    case .array(let values)?:
      let tags = values.compactMap(\.text).map { $0.trimmed() }.filter { !$0.isEmpty }
      if tags.count < values.count { context.notice(line: line, "tags holds values that are not text; those are left out") }
      return tags
    case .string(let text)?:
      return text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }).map { $0.trimmed() }.filter { !$0.isEmpty }
    default:
      context.notice(line: line, "tags is not a list of text; left out")
      return []
    }
  }

  /// The record's subject as the contract orders it: its own `subject` (alias `client`) field,
  /// else the input's rule (a fixed id, or the file's client folder), else `default`. A record
  /// that names its subject is never filed under another one's.
  /// Said once per file when a record's own subject overrides a different one the rule gives.
  /// `text` in Unicode's composed form (NFC); ASCII text, nearly every subject id, as it is.
  static func composed(_ text: String) -> String {
    text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
  }

  /// Subjects are compared in Unicode's composed form (NFC), so "José" typed with a combining
  /// accent, or a folder name as macOS stores it, is the same client as "José".
  func subject(from fields: [String: FieldValue], line: Int) -> String {
    let byRule: String? =
      switch options.subject {
      case .fixed(let id): RecordBuilder.composed(id)
      case .folder: subjectFromPath.map(RecordBuilder.composed)
      case .field: nil
      }
    let own = (fields[FieldNames.subject]?.text?.trimmed()).map(RecordBuilder.composed) ?? ""
    guard !own.isEmpty else { return byRule ?? "default" }
    if let byRule, byRule != own, !context.toldOwnSubject {
      context.toldOwnSubject = true
      context.notice(
        line: line,
        "the record names its own subject \(excerpt.quote(own)), which comes before the subject rule's \(excerpt.quote(byRule)): "
          + "such records are filed under their own subject (said once per file)")
    }
    return own
  }

  /// What a record's check-in fields hold, and what was wrong with any of them.
  struct CheckInFields {
    var held = true
    var ratings: [String: Double] = [:]
    var counters: [String: Double] = [:]
    /// Whether any check-in field was readable (`held`, a known rating or counter).
    var isCheckIn = false
    /// One reason per bad field, in the words of a reject.
    var problems: [String] = []
  }

  private func checkInFields(_ fields: [String: FieldValue]) -> CheckInFields {
    var result = CheckInFields()
    if let value = fields[FieldNames.held], !value.isBlank {
      switch value {
      case .bool(let b): (result.held, result.isCheckIn) = (b, true)
      case .number(let n) where n == 0 || n == 1: (result.held, result.isCheckIn) = (n == 1, true)
      case .string(let s):
        switch s.trimmed().lowercased() {
        case "yes", "y", "true", "1": result.isCheckIn = true
        case "no", "n", "false", "0": (result.held, result.isCheckIn) = (false, true)
        default: result.problems.append("held \(excerpt.quote(s)) is not yes or no")
        }
      default: result.problems.append("held is not yes or no")
      }
    }
    // In name order, so problems read the same on every run; most records have no metric
    // field at all, and then nothing is sorted.
    var metricFields: [(key: String, value: FieldValue)] = []
    for field in fields where !FieldNames.nonMetric.contains(field.key) && !field.value.isBlank { metricFields.append(field) }
    if metricFields.count > 1 { metricFields.sort { $0.key < $1.key } }
    for (name, value) in metricFields {
      let isCounter = FieldNames.counters.contains(name)
      let known = isCounter || FieldNames.ratings.contains(name)
      let number: Double
      switch value {
      case .number(let n): number = n
      case .string(let s):
        guard let n = self.number(s) else {
          // A non-numeric extra column is passthrough, not a metric.
          if known { result.problems.append(notANumber(name, s)) }
          continue
        }
        number = n
      default:
        if known { result.problems.append("rating \(name) is not a number") }
        continue
      }
      if isCounter {
        guard number >= 0 else {
          result.problems.append("\(name) \(number.formatted()) is negative")
          continue
        }
        result.counters[name] = number
        result.isCheckIn = true
      } else if known {
        guard options.ratingScale.contains(number) else {
          let scale = "\(options.ratingScale.lowerBound.formatted())–\(options.ratingScale.upperBound.formatted())"
          result.problems.append("rating \(name) \(number.formatted()) is outside \(scale)")
          continue
        }
        result.ratings[name] = number
        result.isCheckIn = true
      } else {
        result.ratings[name] = number
      }
    }
    return result
  }

  /// A rating's number: `4`, `4.5`, and `4,5` where decimal commas are read.
  private func number(_ text: String) -> Double? {
    let trimmed = text.trimmed()
    if let n = Double(trimmed), n.isFinite { return n }
    guard decimalComma, RecordBuilder.isDecimalComma(trimmed) else { return nil }
    return Double(trimmed.replacingOccurrences(of: ",", with: "."))
  }

  private func notANumber(_ name: String, _ text: String) -> String {
    let hint = !decimalComma && RecordBuilder.isDecimalComma(text.trimmed()) ? " (for decimal commas set decimal: comma)" : ""
    return "rating \(name) \(excerpt.quote(text)) is not a number\(hint)"
  }

  /// `3,5` or `-3,25`: digits, one comma, digits.
  static func isDecimalComma(_ text: String) -> Bool {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
    return !whole.isEmpty && !parts[1].isEmpty && whole.allSatisfy(\.isASCII) && whole.allSatisfy(\.isNumber)
      && parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber)
  }
}

extension Double {
  /// The shortest plain spelling: `4`, `4.5`.
  func formatted() -> String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
