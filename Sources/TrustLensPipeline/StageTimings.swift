import Dispatch

/// Wall-clock time of each stage of a run, in the order the stages ran: what
/// `trustlens run --timings` prints and the benchmark reads.
public struct StageTimings: Sendable {
  public private(set) var stages: [(name: String, seconds: Double)] = []
  private var last = DispatchTime.now().uptimeNanoseconds

  public init() {}

  /// Ends the current stage, naming it, and starts the next.
  mutating func lap(_ name: String) {
    let now = DispatchTime.now().uptimeNanoseconds
    stages.append((name, Double(now - last) / 1e9))
    last = now
  }

  /// One line per stage, `stage  seconds`, then the total.
  public var lines: [String] {
    let total = stages.reduce(0) { $0 + $1.seconds }
    return (stages + [("total", total)]).map { "\($0.name): \(String(format3: $0.seconds)) s" }
  }
}

extension String {
  /// A number with three decimals, without Foundation.
  init(format3 value: Double) {
    let thousandths = Int((value * 1000).rounded())
    let fraction = String(thousandths % 1000)
    self = "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
