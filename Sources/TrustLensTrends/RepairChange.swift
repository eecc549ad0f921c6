/// How far a subject's repair rating moved over the course, judged against measurement
/// error as measurement-based-care tools judge it: the Jacobson–Truax reliable change index.
///
/// The start and end levels are the means of the first and of the last three ratings (fewer
/// when there are fewer than six), which damps a single day's noise; the index uses the error
/// of a single rating, so the test is, if anything, conservative.
package struct RepairChange: Sendable, Equatable {
  /// What the change index says, at the 95% level (|RCI| > 1.96).
  package enum Outcome: String, Sendable, CaseIterable {
    case improved, deteriorated, unchanged
  }

  /// The rating measured: `trust/safety/communication` (the mean of those present), or `mood`
  /// when none of them is rated.
  package var measure: String
  package var first: Double
  package var last: Double
  /// (last − first) / S_diff.
  package var index: Double
  package var outcome: Outcome

  /// The change over `values` (in date order), or `nil` with fewer than two values or
  /// settings that make the index undefined.
  package init?(measure: String, values: [Double], sd: Double, reliability: Double) {
    guard values.count >= 2 else { return nil }
    let take = min(3, values.count / 2)
    let first = values.prefix(take).reduce(0, +) / Double(take)
    let last = values.suffix(take).reduce(0, +) / Double(take)
    guard let rci = ReliableChange(first: first, last: last, sd: sd, reliability: reliability) else { return nil }
    self.measure = measure
    self.first = first
    self.last = last
    self.index = rci.index
    self.outcome = !rci.isReliable ? .unchanged : rci.index > 0 ? .improved : .deteriorated
  }
}
