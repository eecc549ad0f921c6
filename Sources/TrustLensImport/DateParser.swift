package import Foundation
package import TrustLensCore

/// Turns the date text of a record into a ``RecordDate``.
///
/// Accepted, each with or without a time:
/// - ISO 8601 and its slash form, with or without seconds, fractional seconds and an offset
///   (`Z`, `±HH:MM`, `±HHMM`, `±HH`): `2026-03-01`, `2026-03-01T21:14`,
///   `2026-03-01 21:14:05.250-05:00`, `2026/03/01 9:14 PM`;
/// - English month names: `March 2 2026`, `March 2, 2026`, `Mar 2nd 2026`, `2 March 2026`,
///   `Monday, March 2, 2026 at 9:14 PM`;
/// - Excel serial day numbers, as spreadsheets' CSV holds them (`46083`, `46083.75`: days
///   since 1899-12-30, for 1927–2199: five digits, so that a year alone, `2026`, is never
///   read as a day of 1905 but rejected);
/// - the input's ``DatePattern`` (`date_format: DD.MM.YYYY`), and day/month dates in the
///   input's ``DayOrder``.
///
/// Times are 24-hour or 12-hour with `AM`/`PM`. A time without an offset is local time in
/// `timeZone`, resolved DST-correctly. Day/month orders such as `03/04/2026` are ambiguous and
/// rejected with a hint unless a ``DayOrder`` or pattern says how to read them.
package struct DateParser: Sendable {
  package let timeZone: TimeZone
  /// How to read `03/04/2026`-style dates; `nil` rejects them as ambiguous.
  package let dayOrder: DayOrder?
  /// The input's own date pattern, tried after ISO 8601.
  package let pattern: DatePattern?
  let excerpt: Excerpt

  package init(timeZone: TimeZone, dayOrder: DayOrder? = nil, pattern: DatePattern? = nil, quoteValues: Bool = true) {
    self.timeZone = timeZone
    self.dayOrder = dayOrder
    self.pattern = pattern
    self.excerpt = Excerpt(quoting: quoteValues)
  }

  /// The parsed date, or the reason it is not one (`invalid date "2026-13-40"`).
  package func parse(_ raw: String) -> Result<RecordDate, DateParseFailure> {
    let text = raw.trimmed()
    if let iso = parseISO(text) { return iso }
    if let pattern, let match = pattern.match(text[...]),
      let day = LocalDay(year: match.year, month: match.month, day: match.day)
    {
      if match.rest.isEmpty { return .success(date(day, secondsOfDay: match.secondsOfDay, offset: match.offset)) }
      if match.secondsOfDay == nil, let clock = DateParser.clock(match.rest) {
        return .success(date(day, secondsOfDay: clock.secondsOfDay, offset: clock.offset))
      }
    }
    if let serial = excelSerial(text) { return .success(serial) }
    if text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
      return .failure(DateParseFailure("invalid date \(excerpt.quote(text)): a year alone is not a date"))
    }
    if let dayOrder, let iso = DateParser.reorder(text, dayOrder), let parsed = parseISO(iso) { return parsed }
    if let named = monthNameDate(text) { return named }
    if let parts = DateParser.dayMonthParts(text) {
      let hint: String
      if parts.first > 12 && parts.second <= 12 {
        hint = "looks like DD/MM/YYYY: set date_format: DD/MM/YYYY"
      } else if parts.second > 12 && parts.first <= 12 {
        hint = "looks like MM/DD/YYYY: set date_format: MM/DD/YYYY"
      } else {
        hint = "write it as YYYY-MM-DD or set date_format"
      }
      return .failure(DateParseFailure("ambiguous date \(excerpt.quote(text)): \(hint)"))
    }
    return .failure(invalid(text))
  }

  private func invalid(_ text: String) -> DateParseFailure {
    DateParseFailure("invalid date \(excerpt.quote(text))")
  }

  /// `YYYY-MM-DD` or `YYYY/MM/DD` with an optional time; `nil` when the text does not start
  /// that way (a failure when it does but is not a valid date).
  private func parseISO(_ text: String) -> Result<RecordDate, DateParseFailure>? {
    var scanner = DateScanner(Array(text.utf8))
    guard let year = scanner.digits(exactly: 4) else { return nil }
    let separator = scanner.peek()
    guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return nil }
    scanner.skip()
    guard let month = scanner.digits(minimum: 1, maximum: 2), scanner.consume(separator!),
      let dayOfMonth = scanner.digits(minimum: 1, maximum: 2),
      let day = LocalDay(year: year, month: month, day: dayOfMonth)
    else { return .failure(invalid(text)) }
    if scanner.isAtEnd { return .success(RecordDate(day: day)) }
    if let clock = scanner.isoClock() { return .success(date(day, secondsOfDay: clock.secondsOfDay, offset: clock.offset)) }
    let rest = text.utf8.dropFirst(scanner.position)
    guard let clock = DateParser.clock(Substring(rest)) else { return .failure(invalid(text)) }
    return .success(date(day, secondsOfDay: clock.secondsOfDay, offset: clock.offset))
  }

  /// A date with its time and offset (local time in `timeZone` without one).
  private func date(_ day: LocalDay, secondsOfDay: Int?, offset: Int?) -> RecordDate {
    guard let secondsOfDay else { return RecordDate(day: day) }
    return RecordDate(
      day: day, secondsOfDay: secondsOfDay, utcOffsetSeconds: offset ?? localOffset(day: day, secondsOfDay: secondsOfDay))
  }

  /// The time after a date: `T21:14`, ` 21:14:05.250-05:00`, ` 9:14 PM`, ` at 9:14pm`.
  static func clock(_ text: Substring) -> (secondsOfDay: Int, offset: Int?)? {
    var scanner = TextScanner(text)
    if !scanner.consume("T") {
      guard scanner.skipSpaces() || scanner.consume(",") else { return nil }
      scanner.skipSpaces()
      if scanner.consumeWord("at") { scanner.skipSpaces() }
    }
    guard var hour = scanner.number(digits: 1...2), scanner.consume(":"), let minute = scanner.number(digits: 2...2),
      hour < 24, minute < 60
    else { return nil }
    var second = 0
    if scanner.consume(":") {
      guard let s = scanner.number(digits: 2...2), s < 61 else { return nil }
      second = min(s, 59)
      if scanner.consume(".") || scanner.consume(",") {
        guard scanner.number(digits: 1...9) != nil else { return nil }
      }
    }
    scanner.skipSpaces()
    if let pm = scanner.meridiem() {
      guard (1...12).contains(hour) else { return nil }
      hour = hour % 12 + (pm ? 12 : 0)
      scanner.skipSpaces()
    }
    let secondsOfDay = hour * 3600 + minute * 60 + second
    if scanner.isAtEnd { return (secondsOfDay, nil) }
    guard let offset = scanner.offset(), scanner.isAtEnd else { return nil }
    return (secondsOfDay, offset)
  }

  /// An Excel serial day number (days since 1899-12-30, a fraction for the time of day),
  /// for the years 1900–2199.
  private func excelSerial(_ text: String) -> RecordDate? {
    let bytes = text.utf8
    guard let first = bytes.first, first >= 48 && first <= 57,
      bytes.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }), bytes.count <= 16,
      let serial = Double(text), (10_000...109_573).contains(serial)
    else { return nil }
    let whole = serial.rounded(.down)
    let day = LocalDay(dayNumber: DateParser.excelEpochDayNumber + Int(whole))
    guard whole != serial else { return RecordDate(day: day) }
    let seconds = min(Int(((serial - whole) * 86_400).rounded()), 86_399)
    return date(day, secondsOfDay: seconds, offset: nil)
  }

  /// `March 2 2026`, `2 March 2026`, `Monday, March 2, 2026 at 9:14 PM`, …
  private func monthNameDate(_ text: String) -> Result<RecordDate, DateParseFailure>? {
    guard let firstLetter = text.first, firstLetter.isLetter || firstLetter.isNumber,
      text.contains(where: \.isLetter)
    else { return nil }
    var scanner = TextScanner(text[...])
    if scanner.weekdayName() {
      _ = scanner.consume(",")
      scanner.skipSpaces()
    }
    let month: Int, dayOfMonth: Int
    if let name = scanner.monthName() {
      scanner.skipSpaces()
      guard let d = scanner.number(digits: 1...2) else { return nil }
      scanner.ordinalSuffix()
      month = name
      dayOfMonth = d
    } else if let d = scanner.number(digits: 1...2) {
      scanner.ordinalSuffix()
      _ = scanner.consume(".")
      scanner.skipSpaces()
      guard let name = scanner.monthName() else { return nil }
      month = name
      dayOfMonth = d
    } else {
      return nil
    }
    _ = scanner.consume(",")
    scanner.skipSpaces()
    guard let year = scanner.number(digits: 4...4) else { return nil }
    guard let day = LocalDay(year: year, month: month, day: dayOfMonth) else { return .failure(invalid(text)) }
    if scanner.isAtEnd { return .success(RecordDate(day: day)) }
    guard let clock = DateParser.clock(scanner.rest) else { return .failure(invalid(text)) }
    return .success(date(day, secondsOfDay: clock.secondsOfDay, offset: clock.offset))
  }

  /// The UTC offset of `timeZone` at a wall-clock time, DST-correct.
  ///
  /// For a wall time skipped by a DST change the offset before the change is used; for a
  /// repeated wall time, the first occurrence.
  package func localOffset(day: LocalDay, secondsOfDay: Int) -> Int {
    let wallAsUTC = Double((day.dayNumber - DateParser.unixEpochDayNumber) * 86_400 + secondsOfDay)
    let firstGuess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallAsUTC))
    let instant = wallAsUTC - Double(firstGuess)
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: instant))
    if offset == firstGuess { return offset }
    // Near a transition: prefer an offset that reproduces the wall time.
    let second = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallAsUTC - Double(offset)))
    return second == offset ? offset : max(offset, firstGuess)
  }

  /// `DD/MM/YYYY rest` rewritten as `YYYY-MM-DD rest` in the given order, or `nil`.
  static func reorder(_ text: String, _ order: DayOrder) -> String? {
    let head = text.prefix { !$0.isWhitespace && $0 != "T" }
    let rest = text.dropFirst(head.count)
    let parts = head.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
    guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
      let a = Int(parts[0]), let b = Int(parts[1])
    else { return nil }
    let (day, month) = order == .dayMonthYear ? (a, b) : (b, a)
    return "\(parts[2])-\(LocalDay.pad(month, 2))-\(LocalDay.pad(day, 2))\(rest)"
  }

  /// The first two numbers of `DD/MM/YYYY`-like text (also with `.` or `-`, and 2-digit
  /// years), whose day/month order cannot be known.
  static func dayMonthParts(_ text: String) -> (first: Int, second: Int)? {
    let head = text.prefix { !$0.isWhitespace && $0 != "T" }
    let parts = head.split(separator: "/", omittingEmptySubsequences: false).count == 3
      ? head.split(separator: "/") : head.split(whereSeparator: { $0 == "." || $0 == "-" })
    guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, [2, 4].contains(parts[2].count),
      let first = Int(parts[0]), let second = Int(parts[1]), Int(parts[2]) != nil
    else { return nil }
    return (first, second)
  }

  /// The day number of 1970-01-01 (see ``TrustLensCore/LocalDay/dayNumber``).
  static let unixEpochDayNumber = LocalDay(year: 1970, month: 1, day: 1)!.dayNumber
  /// Day 0 of Excel's serial numbers (1899-12-30, which makes serial 61 1900-03-01).
  static let excelEpochDayNumber = LocalDay(year: 1899, month: 12, day: 30)!.dayNumber
}

/// A tiny cursor over ASCII bytes for the ISO fast path of ``DateParser``.
private struct DateScanner {
  private let bytes: [UInt8]
  private(set) var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { position == bytes.count }

  func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  mutating func skip() { position += 1 }

  mutating func consume(_ byte: UInt8) -> Bool {
    guard peek() == byte else { return false }
    position += 1
    return true
  }

  mutating func digits(exactly count: Int) -> Int? { digits(minimum: count, maximum: count) }

  /// The rest of the text read as the time most exports write — `T21:14`, ` 21:14:05.250`,
  /// then nothing, `Z` or `±HH:MM`/`±HHMM`/`±HH` — straight from the bytes; nil (the position
  /// unchanged) for anything else, which ``DateParser/clock(_:)`` reads. Where both read a
  /// text, they give the same time.
  mutating func isoClock() -> (secondsOfDay: Int, offset: Int?)? {
    let start = position
    if let clock = readISOClock() { return clock }
    position = start
    return nil
  }

  private mutating func readISOClock() -> (secondsOfDay: Int, offset: Int?)? {
    guard consume(UInt8(ascii: "T")) || consume(UInt8(ascii: " ")),
      let hour = digits(exactly: 2), hour < 24, consume(UInt8(ascii: ":")), let minute = digits(exactly: 2), minute < 60
    else { return nil }
    var second = 0
    if consume(UInt8(ascii: ":")) {
      guard let s = digits(exactly: 2), s < 61 else { return nil }
      second = min(s, 59)
      if consume(UInt8(ascii: ".")) || consume(UInt8(ascii: ",")), digits(minimum: 1, maximum: 9) == nil { return nil }
    }
    let secondsOfDay = hour * 3600 + minute * 60 + second
    if isAtEnd { return (secondsOfDay, nil) }
    let offset: Int
    if consume(UInt8(ascii: "Z")) || consume(UInt8(ascii: "z")) {
      offset = 0
    } else {
      let sign: Int
      if consume(UInt8(ascii: "+")) {
        sign = 1
      } else if consume(UInt8(ascii: "-")) {
        sign = -1
      } else {
        return nil
      }
      guard let hours = digits(exactly: 2), hours <= 14 else { return nil }
      var minutes = 0
      if consume(UInt8(ascii: ":")) {
        guard let m = digits(exactly: 2) else { return nil }
        minutes = m
      } else if let m = digits(exactly: 2) {
        minutes = m
      }
      guard minutes < 60 else { return nil }
      offset = sign * (hours * 3600 + minutes * 60)
    }
    return isAtEnd ? (secondsOfDay, offset) : nil
  }

  mutating func digits(minimum: Int, maximum: Int) -> Int? {
    var value = 0
    var n = 0
    while n < maximum, let byte = peek(), byte >= 48, byte <= 57 {
      value = value * 10 + Int(byte - 48)
      n += 1
      position += 1
    }
    return n >= minimum ? value : nil
  }
}
