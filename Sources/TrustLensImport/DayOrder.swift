/// The order of day and month in dates such as `03/04/2026` (pipeline `date_format`).
package enum DayOrder: String, Sendable, CaseIterable {
  /// `DD/MM/YYYY` (also with `.` or `-`).
  case dayMonthYear = "DD/MM/YYYY"
  /// `MM/DD/YYYY` (also with `.` or `-`).
  case monthDayYear = "MM/DD/YYYY"
}
