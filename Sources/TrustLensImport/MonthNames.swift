/// English month and weekday names, the ones dates in exports use.
enum MonthNames {
  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]
  private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

  /// The month (1–12) of a full name or a three-letter abbreviation (lower case).
  static func month(_ lowered: String) -> Int? {
    guard lowered.count >= 3 else { return nil }
    if lowered == "sept" { return 9 }
    return months.firstIndex { $0 == lowered || ($0.hasPrefix(lowered) && lowered.count == 3) }.map { $0 + 1 }
  }

  /// True for a weekday's full name or a three- or four-letter abbreviation (lower case).
  static func isWeekday(_ lowered: String) -> Bool {
    guard lowered.count >= 3 else { return false }
    return weekdays.contains { $0 == lowered || ($0.hasPrefix(lowered) && (3...4).contains(lowered.count)) }
  }
}
