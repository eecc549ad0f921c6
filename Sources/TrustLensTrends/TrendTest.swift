import Foundation

/// The Mann-Kendall trend test with Sen's slope, for short, noisy, irregular series.
struct TrendTest: Sendable, Equatable {
  /// Kendall's S statistic.
  let s: Int
  /// Variance of S, corrected for ties.
  let variance: Double
  /// Two-sided p-value from the normal approximation with continuity correction.
  let p: Double
  /// Sen's slope: the median of pairwise slopes, per day (by real time, not index).
  let slopePerDay: Double

  /// The test on `points`, or `nil` when it is undefined: fewer than 3 points, all values
  /// equal, or fewer than two distinct times.
  init?(_ points: [SeriesPoint]) {
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
