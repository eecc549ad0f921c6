import Foundation

/// Two shares compared (the two-proportion z test with a pooled share): "do more of the later
/// texts carry it?".
struct ShareComparison: Sendable, Equatable {
  let before: Double
  let after: Double
  let z: Double

  /// The comparison of `hits` out of `count` before and after; `nil` when a period is empty.
  init?(before: (hits: Int, count: Int), after: (hits: Int, count: Int)) {
    guard before.count > 0, after.count > 0 else { return nil }
    let a = Double(before.hits) / Double(before.count), b = Double(after.hits) / Double(after.count)
    let pooled = Double(before.hits + after.hits) / Double(before.count + after.count)
    let error = (pooled * (1 - pooled) * (1 / Double(before.count) + 1 / Double(after.count))).squareRoot()
    self.before = a
    self.after = b
    self.z = error > 0 ? (b - a) / error : 0
  }

  /// One-sided p-value that the later share is higher.
  var pRise: Double { 0.5 * erfc(z / 2.0.squareRoot()) }
  /// One-sided p-value that the later share is lower.
  var pFall: Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
