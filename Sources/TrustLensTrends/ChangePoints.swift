import Foundation

/// Shifts in level of a series, found by binary segmentation with a squared-error cost.
///
/// The same algorithm as `ruptures.Binseg(model="l2", min_size=2, jump=1).predict(pen=…)`:
/// repeatedly split the segment whose best split lowers the total squared error the most,
/// while that gain exceeds the penalty. Reference values from ruptures are in the tests.
public enum ChangePoints {
  /// Segment ends (exclusive indices, the last is `values.count`), like ruptures' output.
  /// - Complexity: O(k·n) for k change points, with prefix sums.
  public static func binarySegmentation(_ values: [Double], penalty: Double, minSize: Int = 2) -> [Int] {
    let n = values.count
    guard n > 0 else { return [] }
    var sums = [0.0], squares = [0.0]
    for value in values {
      sums.append(sums.last! + value)
      squares.append(squares.last! + value * value)
    }
    func cost(_ start: Int, _ end: Int) -> Double {
      let count = Double(end - start)
      let sum = sums[end] - sums[start]
      return (squares[end] - squares[start]) - sum * sum / count
    }
    var ends = [n]
    while true {
      var best: (index: Int, gain: Double)?
      var start = 0
      for end in ends {
        if end - start >= 2 * minSize {
          let whole = cost(start, end)
          for split in (start + minSize)...(end - minSize) {
            let gain = whole - cost(start, split) - cost(split, end)
            if best == nil || gain > best!.gain { best = (split, gain) }
          }
        }
        start = end
      }
      guard let found = best, found.gain > penalty else { break }
      ends.append(found.index)
      ends.sort()
    }
    return ends
  }

  /// The documented default penalty: 2·σ̂²·ln(n), with σ̂ the noise level estimated robustly
  /// from successive differences (MAD / 0.6745 / √2), at least `floor`.
  public static func defaultPenalty(_ values: [Double], floor: Double = 0.5) -> Double {
    guard values.count >= 3 else { return .infinity }
    let differences = zip(values.dropFirst(), values).map { abs($0 - $1) }
    let mad = TrendTest.median(differences.map { abs($0 - TrendTest.median(differences)) })
    let sigma = max(mad / 0.6745 / 2.0.squareRoot(), floor)
    return 2 * sigma * sigma * log(Double(values.count))
  }
}

/// The Jacobson–Truax reliable change index of a rating between two measurements.
public struct ReliableChange: Sendable, Equatable {
  /// (last − first) / S_diff, with S_diff = √2 · SD · √(1 − reliability).
  public let index: Double

  /// `nil` when the reliability is not in [0, 1) or the SD is not positive.
  public init?(first: Double, last: Double, sd: Double, reliability: Double) {
    guard sd > 0, (0..<1).contains(reliability) else { return nil }
    let standardError = sd * (1 - reliability).squareRoot()
    index = (last - first) / (2.0.squareRoot() * standardError)
  }

  /// |RCI| > 1.96: the change is larger than measurement error at the 95% level.
  public var isReliable: Bool { abs(index) > 1.96 }
}

/// Means over a window of real time.
public enum RollingMean {
  /// For each point, the mean of the points within `days` days before it (inclusive).
  public static func trailing(_ points: [SeriesPoint], days: Double) -> [SeriesPoint] {
    var result: [SeriesPoint] = []
    var start = 0
    var sum = 0.0
    for (index, point) in points.enumerated() {
      sum += point.value
      while points[start].day < point.day - days {
        sum -= points[start].value
        start += 1
      }
      result.append(SeriesPoint(day: point.day, value: sum / Double(index - start + 1)))
    }
    return result
  }
}
