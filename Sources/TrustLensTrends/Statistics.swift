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
    // Tie groups: runs of equal values once sorted.
    let values = sorted.map(\.value).sorted()
    guard values.first != values.last else { return nil }
    var tieTerm = 0.0
    var run = 1
    for index in 1...values.count {
      if index < values.count, values[index] == values[index - 1] {
        run += 1
      } else {
        tieTerm += Double(run * (run - 1) * (2 * run + 5))
        run = 1
      }
    }
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

  /// The median by selection (expected O(n)), not by sorting.
  static func median(_ values: [Double]) -> Double {
    var items = values
    let middle = items.count / 2
    let upper = select(&items, middle)
    guard items.count % 2 == 0 else { return upper }
    // The lower middle is the largest of the elements left of `middle` after selection.
    return (items[..<middle].max()! + upper) / 2
  }

  /// Rearranges `items` so that `items[k]` is the k-th smallest, smaller ones before it
  /// (Hoare's quickselect with a median-of-three pivot).
  static func select(_ items: inout [Double], _ k: Int) -> Double {
    var low = 0, high = items.count - 1
    while low < high {
      let mid = (low + high) / 2
      let pivot = Swift.max(Swift.min(items[low], items[mid]), Swift.min(Swift.max(items[low], items[mid]), items[high]))
      var i = low, j = high
      while i <= j {
        while items[i] < pivot { i += 1 }
        while items[j] > pivot { j -= 1 }
        if i <= j {
          items.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        high = j
      } else if k >= i {
        low = i
      } else {
        return items[k]
      }
    }
    return items[k]
  }
}

/// Plain descriptive helpers that say when they are undefined.
public enum Describe {
  /// The arithmetic mean, or `nil` for no values.
  public static func mean(_ values: some Collection<Double>) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// The median, or `nil` for no values.
  public static func median(_ values: some Collection<Double>) -> Double? {
    values.isEmpty ? nil : TrendTest.median(Array(values))
  }

  /// The sample variance (n − 1), or `nil` for fewer than two values.
  public static func variance(_ values: some Collection<Double>) -> Double? {
    guard values.count >= 2, let mean = mean(values) else { return nil }
    return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
  }

  /// A series' noise level (its standard deviation around its own course), estimated robustly
  /// from successive differences: median |Δ| / (0.6745 · √2). A trend or a single jump barely
  /// moves it. `nil` for fewer than three values.
  public static func noise(_ values: [Double]) -> Double? {
    guard values.count >= 3 else { return nil }
    let differences = zip(values.dropFirst(), values).map { abs($0 - $1) }
    return TrendTest.median(differences) / (0.6745 * 2.0.squareRoot())
  }
}

/// Two samples' levels compared against their own variability: the difference of the means
/// and Welch's z (normal approximation), for "is the later period really higher (lower)?".
public struct LevelComparison: Sendable, Equatable {
  public let before: Double
  public let after: Double
  /// `after − before`.
  public var difference: Double { after - before }
  /// The difference over its standard error.
  public let z: Double

  /// The comparison, or `nil` when a sample has fewer than `minimum` values. Each sample's
  /// standard deviation is at least `floor` (small samples of rounded ratings can show no
  /// spread at all); a sample of one takes `floor` as its spread.
  public init?(before: [Double], after: [Double], floor: Double, minimum: Int = 2) {
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
  public var pRise: Double { 0.5 * erfc(z / 2.0.squareRoot()) }
  /// One-sided p-value that the later level is lower.
  public var pFall: Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}

/// Two shares compared (the two-proportion z test with a pooled share): "do more of the later
/// texts carry it?".
public struct ShareComparison: Sendable, Equatable {
  public let before: Double
  public let after: Double
  public let z: Double

  /// The comparison of `hits` out of `count` before and after; `nil` when a period is empty.
  public init?(before: (hits: Int, count: Int), after: (hits: Int, count: Int)) {
    guard before.count > 0, after.count > 0 else { return nil }
    let a = Double(before.hits) / Double(before.count), b = Double(after.hits) / Double(after.count)
    let pooled = Double(before.hits + after.hits) / Double(before.count + after.count)
    let error = (pooled * (1 - pooled) * (1 / Double(before.count) + 1 / Double(after.count))).squareRoot()
    self.before = a
    self.after = b
    self.z = error > 0 ? (b - a) / error : 0
  }

  /// One-sided p-value that the later share is higher.
  public var pRise: Double { 0.5 * erfc(z / 2.0.squareRoot()) }
  /// One-sided p-value that the later share is lower.
  public var pFall: Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
