import Foundation

/// Shifts in level of a series, found by binary segmentation with a squared-error cost.
///
/// The same algorithm as `ruptures.Binseg(model="l2", min_size=2, jump=1).predict(pen=…)`:
/// repeatedly split the segment whose best split lowers the total squared error the most,
/// while that gain exceeds the penalty. Reference values from ruptures are in the tests.
enum ChangePoints {
  /// Segment ends (exclusive indices, the last is `values.count`), like ruptures' output.
  /// - Complexity: O(k·n) for k change points, with prefix sums.
  static func binarySegmentation(_ values: [Double], penalty: Double, minSize: Int = 2) -> [Int] {
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
  static func defaultPenalty(_ values: [Double], floor: Double = 0.5) -> Double {
    guard values.count >= 3 else { return .infinity }
    let differences = zip(values.dropFirst(), values).map { abs($0 - $1) }
    let mad = TrendTest.median(differences.map { abs($0 - TrendTest.median(differences)) })
    let sigma = max(mad / 0.6745 / 2.0.squareRoot(), floor)
    return 2 * sigma * sigma * log(Double(values.count))
  }
}
