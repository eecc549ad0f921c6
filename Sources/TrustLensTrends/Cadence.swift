package import TrustLensCore

/// How often a subject's check-ins come, read from the days of its check-in rows (held or
/// skipped): what "mostly skipped" and "stopped" are judged against.
///
/// The usual interval is the median of the intervals between rows. The cadence is regular
/// when the middle half of the intervals lies within a third of the usual interval either
/// side; a regular cadence is weekly (usual interval up to 10 days), fortnightly (up to 21)
/// or monthly (up to 45); anything else is irregular.
package struct Cadence: Sendable, Equatable {
  package enum Kind: String, Sendable {
    case weekly, fortnightly, monthly, irregular
  }

  package let kind: Kind
  /// The median interval between check-in rows, in days.
  package let usualInterval: Int
  /// The intervals between successive rows, in date order.
  package let intervals: [Int]

  /// The cadence of rows on `days` (sorted, distinct), or `nil` with fewer than three rows.
  package init?(days: [LocalDay]) {
    guard days.count >= 3 else { return nil }
    let intervals = zip(days.dropFirst(), days).map { $1.days(to: $0) }
    let sorted = intervals.sorted()
    let usual = max(1, Int(TrendTest.median(sorted.map(Double.init)).rounded()))
    let lower = sorted[sorted.count / 4], upper = sorted[(3 * sorted.count) / 4]
    let regular = Double(upper - lower) <= 2 * Double(usual) / 3
    self.intervals = intervals
    self.usualInterval = usual
    switch usual {
    case _ where !regular: kind = .irregular
    case ...10: kind = .weekly
    case ...21: kind = .fortnightly
    case ...45: kind = .monthly
    default: kind = .irregular
    }
  }

  /// Sessions a regular cadence expected but no row records: each interval longer than one and
  /// a half usual intervals stands for that many usual intervals, less the one that was kept.
  /// Always 0 for an irregular cadence, which promises no dates.
  package var missed: Int {
    guard kind != .irregular else { return 0 }
    return intervals.reduce(0) { total, interval in
      Double(interval) > 1.5 * Double(usualInterval)
        ? total + max(0, Int((Double(interval) / Double(usualInterval)).rounded()) - 1) : total
    }
  }

  /// The longest break from held check-ins the cadence allows before they count as stopped:
  /// three usual intervals, and for an irregular cadence at least its longest interval; never
  /// less than `floor` days.
  package func stopGap(floor: Int) -> Int {
    let longest = kind == .irregular ? (intervals.max() ?? 0) : 0
    return max(floor, 3 * usualInterval, longest)
  }

  /// `weekly (every 7 days)`, `irregular (usually every 9 days)`.
  package var description: String {
    kind == .irregular ? "irregular (usually every \(usualInterval) days)" : "\(kind.rawValue) (every \(usualInterval) days)"
  }
}
