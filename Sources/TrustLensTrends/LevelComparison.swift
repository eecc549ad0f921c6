import Foundation

/// Two samples' levels compared against their own variability: the difference of the means
/// and Welch's z (normal approximation), for "is the later period really higher (lower)?".
struct LevelComparison: Sendable, Equatable {
  let before: Double
  let after: Double
  /// `after − before`.
  var difference: Double { after - before }
  /// The difference over its standard error.
  let z: Double

  /// The comparison, or `nil` when a sample has fewer than `minimum` values. Each sample's
  /// standard deviation is at least `floor` (small samples of rounded ratings can show no
  /// spread at all); a sample of one takes `floor` as its spread.
  init?(before: [Double], after: [Double], floor: Double, minimum: Int = 2) {
    guard before.count >= max(1, minimum), after.count >= max(1, minimum),
      let a = Describe.mean(before), let b = Describe.mean(after)
    else { return nil }
    func spread(_ values: [Double]) -> Double { max(Describe.variance(values) ?? 0, floor * floor) }
    let error = (spread(before) / Double(before.count) + spread(after) / Double(after.count)).squareRoot()
    guard error > 0 else { return nil }
    self.before = a
    self.after = b
    self.z = (b - a) / error
  }

  /// One-sided p-value that the later level is higher.
  var pRise: Double { 0.5 * erfc(z / 2.0.squareRoot()) }
  /// One-sided p-value that the later level is lower.
  var pFall: Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
