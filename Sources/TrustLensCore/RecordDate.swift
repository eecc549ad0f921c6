/// When a record was written, as the writer's wall clock showed it.
///
/// `day` is the writer's local calendar day: for an input with an offset it is the day at
/// that offset, for a local time it is the day in the pipeline's time zone. Date-only inputs
/// have no time and no offset.
package struct RecordDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  package let day: LocalDay
  /// Seconds after local midnight, or `nil` when only the date is known.
  package let secondsOfDay: Int?
  /// Offset from UTC in seconds at that moment, or `nil` when only the date is known.
  package let utcOffsetSeconds: Int?

  package init(day: LocalDay, secondsOfDay: Int? = nil, utcOffsetSeconds: Int? = nil) {
    self.day = day
    self.secondsOfDay = secondsOfDay
    self.utcOffsetSeconds = secondsOfDay == nil ? nil : utcOffsetSeconds
  }

  /// `2026-03-01T21:14:00-05:00`, or `2026-03-01` when only the date is known.
  package var description: String {
    guard let seconds = secondsOfDay else { return day.description }
    let offset = utcOffsetSeconds ?? 0
    guard (0...9999).contains(day.year), (0..<86_400).contains(seconds), abs(offset) < 100 * 3600 else {
      let time =
        "\(LocalDay.pad(seconds / 3600, 2)):\(LocalDay.pad(seconds / 60 % 60, 2)):\(LocalDay.pad(seconds % 60, 2))"
      return "\(day)T\(time)\(RecordDate.offsetText(offset))"
    }
    return String(unsafeUninitializedCapacity: 25) { text in
      var digits = DigitWriter(text)
      digits.write(day)
      digits.write(UInt8(ascii: "T"))
      digits.write(seconds / 3600, width: 2)
      digits.write(UInt8(ascii: ":"))
      digits.write(seconds / 60 % 60, width: 2)
      digits.write(UInt8(ascii: ":"))
      digits.write(seconds % 60, width: 2)
      if offset == 0 {
        digits.write(UInt8(ascii: "Z"))
      } else {
        digits.write(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        digits.write(abs(offset) / 3600, width: 2)
        digits.write(UInt8(ascii: ":"))
        digits.write(abs(offset) / 60 % 60, width: 2)
      }
      return digits.count
    }
  }

  /// `Z` for zero, else `±HH:MM`.
  static func offsetText(_ offset: Int) -> String {
    if offset == 0 { return "Z" }
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset)
    return "\(sign)\(LocalDay.pad(magnitude / 3600, 2)):\(LocalDay.pad(magnitude / 60 % 60, 2))"
  }

  /// Orders by local day, then time of day (date-only records first within a day).
  package static func < (lhs: RecordDate, rhs: RecordDate) -> Bool {
    if lhs.day != rhs.day { return lhs.day < rhs.day }
    return (lhs.secondsOfDay ?? -1) < (rhs.secondsOfDay ?? -1)
  }
}
