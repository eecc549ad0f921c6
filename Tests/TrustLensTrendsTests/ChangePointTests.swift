import Testing
@testable import TrustLensTrends

/// Reference values from ruptures 1.1.10:
/// `rpt.Binseg(model="l2", min_size=2, jump=1).fit(np.array(v)).predict(pen=p)`
/// (see Reference/change_point_reference.py).
@Suite struct ChangePointTests {
  @Test(arguments: [
    ("step", [3, 3.5, 3, 4, 3, 3.5, 7, 7.5, 7, 6.5, 7, 7.5], 3.0, [6, 12]),
    ("two_steps", [2, 2, 3, 2, 2, 6, 6, 5, 6, 6, 3, 3, 2, 3, 3], 3.0, [5, 10, 15]),
    ("flat", [5, 5.5, 5, 4.5, 5, 5.5, 5, 4.5, 5, 5], 3.0, [10]),
  ] as [(String, [Double], Double, [Int])])
  func matchesRuptures(_ name: String, _ values: [Double], _ penalty: Double, _ expected: [Int]) {
    #expect(ChangePoints.binarySegmentation(values, penalty: penalty) == expected, "\(name)")
  }

  @Test func defaultPenaltyFindsAStepButNotNoise() {
    let step: [Double] = [3, 3.5, 3, 4, 3, 3.5, 7, 7.5, 7, 6.5, 7, 7.5]
    #expect(ChangePoints.binarySegmentation(step, penalty: ChangePoints.defaultPenalty(step)) == [6, 12])
    let noise: [Double] = [5, 6, 4, 5, 6, 5, 4, 6, 5, 5]
    #expect(ChangePoints.binarySegmentation(noise, penalty: ChangePoints.defaultPenalty(noise)) == [10])
  }

  @Test func reliableChangeIndex() throws {
    // SD 2, reliability 0.8: S_diff = √2 · 2 · √0.2 = 1.2649; (7 − 3) / 1.2649 = 3.1623.
    let rci = try #require(ReliableChange(first: 3, last: 7, sd: 2, reliability: 0.8))
    #expect(abs(rci.index - 3.16227766) < 1e-6)
    #expect(rci.isReliable)
    #expect(ReliableChange(first: 3, last: 4, sd: 2, reliability: 0.8)?.isReliable == false)
    #expect(ReliableChange(first: 3, last: 4, sd: 0, reliability: 0.8) == nil)
    #expect(ReliableChange(first: 3, last: 4, sd: 2, reliability: 1) == nil)
  }
}
