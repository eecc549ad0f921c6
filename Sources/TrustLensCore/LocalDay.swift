/// A calendar day with no time and no zone: the day a person wrote on.
///
/// Days are compared and subtracted by their proleptic Gregorian day number, so gaps between
/// records are measured in real days, never by index.
package struct LocalDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  package let year: Int
  package let month: Int
  package let day: Int

  /// Creates a day, or `nil` when the fields do not name a real Gregorian date in years 1…9999.
  package init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= LocalDay.daysInMonth(year: year, month: month)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `dayNumber` days after 0001-01-01 (the inverse of ``dayNumber``).
  package init(dayNumber: Int) {
    // Civil-from-days (Howard Hinnant), shifted so 0001-01-01 is day 0.
    let z = dayNumber + 719_468 - 719_162
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.year = y
    self.month = m
    self.day = d
  }

  /// Days since 0001-01-01 (day 0). Differences of day numbers are exact day counts.
  package var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468 + 719_162
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  package var isoWeekday: Int {
    // 0001-01-01 was a Monday.
    let r = dayNumber % 7
    return (r < 0 ? r + 7 : r) + 1
  }

  /// The Monday that starts this day's ISO week.
  package var startOfISOWeek: LocalDay { adding(days: 1 - isoWeekday) }

  /// The first day of this day's month.
  package var startOfMonth: LocalDay { LocalDay(year: year, month: month, day: 1)! }

  /// The ISO 8601 week-numbering year and week (1…53) of this day.
  package var isoWeek: (year: Int, week: Int) {
    let thursday = adding(days: 4 - isoWeekday)
    let jan1 = LocalDay(year: thursday.year, month: 1, day: 1)!
    return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
  }

  /// This day moved by `days` (negative moves back).
  package func adding(days: Int) -> LocalDay { LocalDay(dayNumber: dayNumber + days) }

  /// Whole days from `self` to `other` (positive when `other` is later).
  package func days(to other: LocalDay) -> Int { other.dayNumber - dayNumber }

  /// `YYYY-MM-DD`.
  package var description: String {
    guard (0...9999).contains(year) else { return "\(LocalDay.pad(year, 4))-\(LocalDay.pad(month, 2))-\(LocalDay.pad(day, 2))" }
    return String(unsafeUninitializedCapacity: 10) { text in
      var digits = DigitWriter(text)
      digits.write(self)
      return digits.count
    }
  }

  /// Parses exactly `YYYY-MM-DD`; `nil` for anything else or an impossible date.
  package init?(iso text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  package static func < (lhs: LocalDay, rhs: LocalDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  package static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  package static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  package static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

/// Writes zero-padded numbers and ASCII bytes into a buffer the caller sized: the fast path
/// of the date and time spellings, which every analysed line carries.
struct DigitWriter {
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private(set) var count = 0

  init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

  mutating func write(_ byte: UInt8) {
    buffer[count] = byte
    count += 1
  }

  /// `YYYY-MM-DD` of a day whose year is 0…9999.
  mutating func write(_ day: LocalDay) {
    write(day.year, width: 4)
    write(UInt8(ascii: "-"))
    write(day.month, width: 2)
    write(UInt8(ascii: "-"))
    write(day.day, width: 2)
  }

  /// `value` (0 ≤ value < 10^width) in exactly `width` digits.
  mutating func write(_ value: Int, width: Int) {
    var rest = value
    for index in stride(from: count + width - 1, through: count, by: -1) {
      buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
    count += width
  }
}
