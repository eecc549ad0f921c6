package import TrustLensCore
package import TrustLensTrends

/// One subject's month for the monthly trend sheet: a calendar of daily valence, the month
/// against the months before it, and the month's notable entries.
package struct MonthView: Sendable {
  /// A notable entry: the strongest evidence of one signal (or theme) in the month.
  package struct Notable: Sendable {
    package var signal: String
    package var date: RecordDate
    package var source: SourceLocation
    /// The matched words behind it (`betrayal: went behind my back`).
    package var evidence: [String]
    package var strength: Double

    package init(signal: String, date: RecordDate, source: SourceLocation, evidence: [String], strength: Double) {
      self.signal = signal
      self.date = date
      self.source = source
      self.evidence = evidence
      self.strength = strength
    }
  }

  package var month: LocalDay
  /// Mean valence per day of the month with texts.
  package var dailyValence: [LocalDay: Double]
  /// The month and up to five months before it (monthly rollups, oldest first).
  package var months: [(start: LocalDay, bucket: DayBucket)]
  package var notable: [Notable]

  package init(month: LocalDay, dailyValence: [LocalDay: Double], months: [(start: LocalDay, bucket: DayBucket)], notable: [Notable]) {
    self.month = month
    self.dailyValence = dailyValence
    self.months = months
    self.notable = notable
  }

  /// The days of the month in ISO weeks (Monday first); `nil` outside the month.
  package var weeks: [[LocalDay?]] {
    let days = LocalDay.daysInMonth(year: month.year, month: month.month)
    var result: [[LocalDay?]] = []
    var week = [LocalDay?](repeating: nil, count: 7)
    for offset in 0..<days {
      let day = month.adding(days: offset)
      week[day.isoWeekday - 1] = day
      if day.isoWeekday == 7 || offset == days - 1 {
        result.append(week)
        week = [LocalDay?](repeating: nil, count: 7)
      }
    }
    return result
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  ]

  package var title: String { "\(MonthView.monthNames[month.month - 1]) \(month.year)" }
}
