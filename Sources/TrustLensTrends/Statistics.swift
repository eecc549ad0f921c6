import Foundation

/// A point of an irregular series: its time in days and its value.
public struct SeriesPoint: Sendable, Equatable {
  public var day: Double
  public var value: Double

  public init(day: Double, value: Double) {
    self.day = day
    self.value = value
  }
}

/// The Mann-Kendall trend test with Sen's slope, for short, noisy, irregular series.
public struct TrendTest: Sendable, Equatable {
  /// Kendall's S statistic.
  public let s: Int
  /// Variance of S, corrected for ties.
  public let variance: Double
  /// Two-sided p-value from the normal approximation with continuity correction.
  public let p: Double
  /// Sen's slope: the median of pairwise slopes, per day (by real time, not index).
  public let slopePerDay: Double

  /// The test on `points`, or `nil` when it is undefined: fewer than 3 points, all values
  /// equal, or fewer than two distinct times.
  public init?(_ points: [SeriesPoint]) {
    let n = points.count
    guard n >= 3 else { return nil }
    let sorted = points.sorted { $0.day < $1.day }
    var s = 0
    var slopes: [Double] = []
    slopes.reserveCapacity(n * (n - 1) / 2)
    for i in 0..<(n - 1) {
      for j in (i + 1)..<n {
        let dv = sorted[j].value - sorted[i].value
        s += dv > 0 ? 1 : (dv < 0 ? -1 : 0)
        let dt = sorted[j].day - sorted[i].day
        if dt > 0 { slopes.append(dv / dt) }
      }
    }
    guard !slopes.isEmpty else { return nil }
    var ties: [Double: Int] = [:]
    for point in sorted { ties[point.value, default: 0] += 1 }
    guard ties.count > 1 else { return nil }
    let tieTerm = ties.values.reduce(0.0) { acc, t in acc + Double(t * (t - 1) * (2 * t + 5)) }
    let variance = (Double(n * (n - 1) * (2 * n + 5)) - tieTerm) / 18
    let z: Double
    if s > 0 {
      z = Double(s - 1) / variance.squareRoot()
    } else if s < 0 {
      z = Double(s + 1) / variance.squareRoot()
    } else {
      z = 0
    }
    self.s = s
    self.variance = variance
    self.p = erfc(abs(z) / 2.0.squareRoot())
    self.slopePerDay = TrendTest.median(slopes)
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

/// Plain descriptive helpers that say when they are undefined.
public enum Describe {
  /// The arithmetic mean, or `nil` for no values.
  public static func mean(_ values: some Collection<Double>) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }
}
