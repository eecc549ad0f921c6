public import TrustLensCore
public import TrustLensTrends

/// One subject's month for the monthly trend sheet: a calendar of daily valence, the month
/// against the months before it, and the month's notable entries.
public struct MonthView: Sendable {
  /// A notable entry: the strongest evidence of one signal (or theme) in the month.
  public struct Notable: Sendable {
    public var signal: String
    public var date: RecordDate
    public var source: SourceLocation
    /// The matched words behind it (`betrayal: went behind my back`).
    public var evidence: [String]
    public var strength: Double

    public init(signal: String, date: RecordDate, source: SourceLocation, evidence: [String], strength: Double) {
      self.signal = signal
      self.date = date
      self.source = source
      self.evidence = evidence
      self.strength = strength
    }
  }

  public var month: LocalDay
  /// Mean valence per day of the month with texts.
  public var dailyValence: [LocalDay: Double]
  /// The month and up to five months before it (monthly rollups, oldest first).
  public var months: [(start: LocalDay, bucket: DayBucket)]
  public var notable: [Notable]

  public init(month: LocalDay, dailyValence: [LocalDay: Double], months: [(start: LocalDay, bucket: DayBucket)], notable: [Notable]) {
    self.month = month
    self.dailyValence = dailyValence
    self.months = months
    self.notable = notable
  }

  /// The days of the month in ISO weeks (Monday first); `nil` outside the month.
  public var weeks: [[LocalDay?]] {
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

  public var title: String { "\(MonthView.monthNames[month.month - 1]) \(month.year)" }
}
