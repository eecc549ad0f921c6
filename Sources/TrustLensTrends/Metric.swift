/// The first and last value of a measure and its trend.
package struct Metric: Sendable, Equatable {
  package var first: Double
  package var last: Double
  /// Sen's slope per week, or `nil` when the trend test is undefined.
  package var slopePerWeek: Double?
  /// Mann-Kendall two-sided p-value, or `nil` when undefined.
  package var trendP: Double?
  package var points: Int
  /// Jacobson–Truax reliable change index from first to last (ratings only).
  package var reliableChange: Double?
}
