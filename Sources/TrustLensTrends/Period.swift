package import TrustLensCore

/// A calendar period for rollups.
package enum Period: String, Sendable {
  case day, week, month

  package func start(of day: LocalDay) -> LocalDay {
    switch self {
    case .day: return day
    case .week: return day.startOfISOWeek
    case .month: return day.startOfMonth
    }
  }
}
