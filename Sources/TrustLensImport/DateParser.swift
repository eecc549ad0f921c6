public import Foundation
public import TrustLensCore

/// Turns the date text of a record into a ``RecordDate``.
///
/// Accepted, with or without seconds, fractional seconds and an offset (`Z`, `±HH:MM`,
/// `±HHMM`, `±HH`):
/// `2026-03-01`, `2026-03-01T21:14`, `2026-03-01 21:14:05.250-05:00`, `2026/03/01`,
/// `2026/03/01 21:14`. A time without an offset is local time in `timeZone`, resolved
/// DST-correctly. Day/month orders such as `03/04/2026` are ambiguous and rejected with a hint.
public struct DateParser: Sendable {
  public let timeZone: TimeZone
  /// How to read `03/04/2026`-style dates; `nil` rejects them as ambiguous.
  public let dayOrder: DayOrder?

  public init(timeZone: TimeZone, dayOrder: DayOrder? = nil) {
    self.timeZone = timeZone
    self.dayOrder = dayOrder
  }

  /// The parsed date, or the reason it is not one (`invalid date "2026-13-40"`).
  public func parse(_ raw: String) -> Result<RecordDate, DateParseFailure> {
    let text = raw.trimmed()
    var scanner = DateScanner(Array(text.utf8))
    guard let year = scanner.digits(exactly: 4) else {
      if let dayOrder, let iso = DateScanner.reorder(text, dayOrder) { return parse(iso) }
      if DateScanner.looksLikeDayMonthYear(text) {
        return .failure(
          DateParseFailure(
            "ambiguous date \"\(text)\": write it as YYYY-MM-DD or set date_format"))
      }
      return .failure(DateParseFailure("invalid date \"\(text)\""))
    }
    let separator = scanner.peek()
    guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else {
      return .failure(DateParseFailure("invalid date \"\(text)\""))
    }
    scanner.skip()
    guard let month = scanner.digits(minimum: 1, maximum: 2), scanner.consume(separator!),
      let dayOfMonth = scanner.digits(minimum: 1, maximum: 2),
      let day = LocalDay(year: year, month: month, day: dayOfMonth)
    else { return .failure(DateParseFailure("invalid date \"\(text)\"")) }
    if scanner.isAtEnd { return .success(RecordDate(day: day)) }

    guard scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: " ")),
      var hour = scanner.digits(minimum: 1, maximum: 2), scanner.consume(UInt8(ascii: ":")),
      let minute = scanner.digits(exactly: 2), hour < 24, minute < 60
    else { return .failure(DateParseFailure("invalid date \"\(text)\"")) }
    var second = 0
    if scanner.consume(UInt8(ascii: ":")) {
      guard let s = scanner.digits(exactly: 2), s < 61 else {
        return .failure(DateParseFailure("invalid date \"\(text)\""))
      }
      second = min(s, 59)
      if scanner.consume(UInt8(ascii: ".")) || scanner.consume(UInt8(ascii: ",")) {
        guard scanner.digits(minimum: 1, maximum: 9) != nil else {
          return .failure(DateParseFailure("invalid date \"\(text)\""))
        }
      }
    }
    _ = scanner.consume(UInt8(ascii: " "))
    if let meridiem = scanner.meridiem() {
      guard (1...12).contains(hour) else { return .failure(DateParseFailure("invalid date \"\(text)\"")) }
      hour = hour % 12 + (meridiem == .pm ? 12 : 0)
    }
    let secondsOfDay = hour * 3600 + minute * 60 + second
    if scanner.isAtEnd {
      let offset = localOffset(day: day, secondsOfDay: secondsOfDay)
      return .success(RecordDate(day: day, secondsOfDay: secondsOfDay, utcOffsetSeconds: offset))
    }
    guard let offset = scanner.offset(), scanner.isAtEnd else {
      return .failure(DateParseFailure("invalid date \"\(text)\""))
    }
    return .success(RecordDate(day: day, secondsOfDay: secondsOfDay, utcOffsetSeconds: offset))
  }

  /// The UTC offset of `timeZone` at a wall-clock time, DST-correct.
  ///
  /// For a wall time skipped by a DST change the offset before the change is used; for a
  /// repeated wall time, the first occurrence.
  public func localOffset(day: LocalDay, secondsOfDay: Int) -> Int {
    let wallAsUTC = Double((day.dayNumber - DateParser.unixEpochDayNumber) * 86_400 + secondsOfDay)
    let firstGuess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallAsUTC))
    let instant = wallAsUTC - Double(firstGuess)
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: instant))
    if offset == firstGuess { return offset }
    // Near a transition: prefer an offset that reproduces the wall time.
    let second = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallAsUTC - Double(offset)))
    return second == offset ? offset : max(offset, firstGuess)
  }

  /// The day number of 1970-01-01 (see ``TrustLensCore/LocalDay/dayNumber``).
  static let unixEpochDayNumber = LocalDay(year: 1970, month: 1, day: 1)!.dayNumber
}

/// The order of day and month in dates such as `03/04/2026` (pipeline `date_format`).
public enum DayOrder: String, Sendable, CaseIterable {
  /// `DD/MM/YYYY` (also with `.` or `-`).
  case dayMonthYear = "DD/MM/YYYY"
  /// `MM/DD/YYYY` (also with `.` or `-`).
  case monthDayYear = "MM/DD/YYYY"
}

/// Why a date could not be read; the message is the reject reason.
public struct DateParseFailure: Error, Sendable, Equatable {
  public let message: String
  init(_ message: String) { self.message = message }
}

/// A tiny cursor over ASCII bytes for ``DateParser``.
private struct DateScanner {
  private let bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { index == bytes.count }

  func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  mutating func skip() { index += 1 }

  mutating func consume(_ byte: UInt8) -> Bool {
    guard peek() == byte else { return false }
    index += 1
    return true
  }

  mutating func digits(exactly count: Int) -> Int? { digits(minimum: count, maximum: count) }

  mutating func digits(minimum: Int, maximum: Int) -> Int? {
    var value = 0
    var n = 0
    while n < maximum, let byte = peek(), byte >= 48, byte <= 57 {
      value = value * 10 + Int(byte - 48)
      n += 1
      index += 1
    }
    return n >= minimum ? value : nil
  }

  enum Meridiem { case am, pm }

  /// `AM`, `PM`, `a.m.`, `p.m.` in any case.
  mutating func meridiem() -> Meridiem? {
    let rest = String(decoding: bytes[index...], as: UTF8.self).lowercased()
    for (spelling, value) in [("am", Meridiem.am), ("pm", .pm), ("a.m.", .am), ("p.m.", .pm)] where rest.hasPrefix(spelling) {
      index += spelling.utf8.count
      _ = consume(UInt8(ascii: " "))
      return value
    }
    return nil
  }

  /// `Z`, `±HH:MM`, `±HHMM` or `±HH`, in seconds east of UTC.
  mutating func offset() -> Int? {
    if consume(UInt8(ascii: "Z")) || consume(UInt8(ascii: "z")) { return 0 }
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
    return sign * (hours * 3600 + minutes * 60)
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

  /// True for `DD/MM/YYYY`-like text, whose day/month order cannot be known.
  static func looksLikeDayMonthYear(_ text: String) -> Bool {
    let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
    guard parts.count == 3, parts[2].prefix(4).count == 4 else { return false }
    return parts[0].count <= 2 && parts[1].count <= 2 && parts.allSatisfy { $0.first?.isNumber == true }
  }
}
