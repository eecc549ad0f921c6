package import TrustLensCore
package import TrustLensTrends

/// One weekly time base for everything a subject's weeks are drawn on — the Weekly sheet
/// and its charts, the dashboard's sparklines, the HTML charts: every ISO week (keyed by its
/// Monday) from the subject's first week with data to its last, with `nil` for a week
/// without any record, so a gap in the data is a gap in the drawing, never a squeezed-out week.
package enum WeekAxis {
  /// The weeks from the first to the last of `weekly` (a rollup in calendar order), each
  /// with its bucket or `nil`.
  package static func weeks(_ weekly: [(start: LocalDay, bucket: DayBucket)]) -> [(start: LocalDay, bucket: DayBucket?)] {
    guard let first = weekly.first?.start else { return [] }
    var result: [(start: LocalDay, bucket: DayBucket?)] = []
    result.reserveCapacity(count(weekly))
    var next = first
    for (start, bucket) in weekly {
      while next < start {
        result.append((next, nil))
        next = next.adding(days: 7)
      }
      result.append((start, bucket))
      next = start.adding(days: 7)
    }
    return result
  }

  /// How many weeks ``weeks(_:)`` gives for `weekly`, without building them.
  package static func count(_ weekly: [(start: LocalDay, bucket: DayBucket)]) -> Int {
    guard let first = weekly.first?.start, let last = weekly.last?.start else { return 0 }
    return first.days(to: last) / 7 + 1
  }

  /// A week's label on chart axes and in the Weekly sheet: its Monday, `2026-01-05`.
  package static func label(_ monday: LocalDay) -> String { monday.description }

  /// A month's label: `2026-01`.
  package static func monthLabel(_ first: LocalDay) -> String {
    "\(first.year)-\(first.month < 10 ? "0" : "")\(first.month)"
  }
}
