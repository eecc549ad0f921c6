import Testing
@testable import TrustLensTrends

/// Reference values from pymannkendall 1.4.3; the command that produced them is in
/// `Reference/mann_kendall_reference.py`.
@Suite struct MannKendallTests {
  static let cases: [(String, [Double], Int, Double, Double, Double)] = [
    ("rising", [2, 3, 3, 4, 6, 5, 7, 7, 8], 32, 90.0, 0.0010843024, 0.75),
    ("ties", [5, 5, 6, 5, 6, 6, 7, 5, 6, 7, 7, 8], 39, 191.666667, 0.0060548256, 0.2222222222),
    ("falling", [9.5, 8, 8.2, 7, 6.1, 6.3, 4, 3.9], -24, 65.333333, 0.0044340083, -0.8),
    ("flat_noise", [5, 6, 4, 5, 6, 5, 4, 6, 5, 5], -1, 103.666667, 1.0, 0.0),
  ]

  @Test(arguments: cases.map(\.0))
  func matchesPymannkendall(_ name: String) throws {
    let (_, values, s, variance, p, slope) = try #require(Self.cases.first { $0.0 == name })
    let points = values.enumerated().map { SeriesPoint(day: Double($0.offset), value: $0.element) }
    let test = try #require(TrendTest(points))
    #expect(test.s == s)
    #expect(abs(test.variance - variance) < 1e-5)
    #expect(abs(test.p - p) < 1e-8)
    #expect(abs(test.slopePerDay - slope) < 1e-9)
  }

  @Test func senSlopeUsesRealTimeNotIndex() throws {
    // Values rise by 1 per point, but points are a week apart: 1/7 per day.
    let points = (0..<6).map { SeriesPoint(day: Double($0 * 7), value: Double($0)) }
    let test = try #require(TrendTest(points))
    #expect(abs(test.slopePerDay - 1.0 / 7) < 1e-12)
  }

  @Test func undefinedCasesSaySo() {
    #expect(TrendTest([SeriesPoint(day: 0, value: 1), SeriesPoint(day: 1, value: 2)]) == nil)
    #expect(TrendTest((0..<5).map { SeriesPoint(day: Double($0), value: 3) }) == nil)
  }
}

/// Sen's slope needs a median of many pairwise slopes; the selection-based median must
/// agree with the sort-based one on every size, with ties.
@Suite struct MedianTests {
  @Test func selectionMedianMatchesSorting() {
    var state: UInt64 = 12345
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double((state >> 33) % 20)
    }
    for count in 1...200 {
      let values = (0..<count).map { _ in next() }
      let sorted = values.sorted()
      let expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
      #expect(TrendTest.median(values) == expected, "n = \(count)")
    }
  }
}
