import Foundation
import TrustLensCore

/// Wall-clock time of each stage of a run, in the order the stages ran, with the process's
/// peak resident memory when each stage ended: what `trustlens run --timings` prints and
/// the benchmark reads.
public struct StageTimings: Sendable {
  public struct Stage: Sendable {
    public var name: String
    public var seconds: Double
    /// Peak resident memory of the process so far, in MiB (0 where not available).
    public var peakMiB: Int
  }

  public private(set) var stages: [Stage] = []
  private var last = DispatchTime.now().uptimeNanoseconds

  public init() {}

  /// Ends the current stage, naming it, and starts the next.
  mutating func lap(_ name: String) {
    let now = DispatchTime.now().uptimeNanoseconds
    stages.append(Stage(name: name, seconds: Double(now - last) / 1e9, peakMiB: StageTimings.peakResidentMiB()))
    last = now
  }

  /// One line per stage, `stage: seconds s, peak MiB`, then the total.
  public var lines: [String] {
    let total = stages.reduce(0) { $0 + $1.seconds }
    return stages.map { "\($0.name): \(String(format: "%.3f", $0.seconds)) s, peak \($0.peakMiB) MiB" }
      + ["total: \(String(format: "%.3f", total)) s"]
  }

  /// The process's peak resident memory (`getrusage`), in MiB.
  static func peakResidentMiB() -> Int {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    return usage.ru_maxrss / 1024  // kilobytes on Linux
  }
}
