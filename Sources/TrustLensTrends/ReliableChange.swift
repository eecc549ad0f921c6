/// The Jacobson–Truax reliable change index of a rating between two measurements.
struct ReliableChange: Sendable, Equatable {
  /// (last − first) / S_diff, with S_diff = √2 · SD · √(1 − reliability).
  let index: Double

  /// `nil` when the reliability is not in [0, 1) or the SD is not positive.
  init?(first: Double, last: Double, sd: Double, reliability: Double) {
    guard sd > 0, (0..<1).contains(reliability) else { return nil }
    let standardError = sd * (1 - reliability).squareRoot()
    index = (last - first) / (2.0.squareRoot() * standardError)
  }

  /// |RCI| > 1.96: the change is larger than measurement error at the 95% level.
  var isReliable: Bool { abs(index) > 1.96 }
}
