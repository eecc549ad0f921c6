package import TrustLensCore

/// A run's counts in words, the same in every output, every noun in the right number.
package enum RunCountsText {
  /// `454 records = 325 entries + 126 check-ins + 2 rejected + 1 duplicate`: how the run reconciles.
  package static func sum(_ counts: RunCounts) -> String {
    "\(NumberText.count(counts.records, "record")) = " + parts(counts).joined(separator: " + ")
  }

  /// `454 records: 325 entries, 126 check-ins, 2 rejected, 1 duplicate`.
  package static func list(_ counts: RunCounts) -> String {
    "\(NumberText.count(counts.records, "record")): " + parts(counts).joined(separator: ", ")
  }

  private static func parts(_ counts: RunCounts) -> [String] {
    [
      NumberText.count(counts.entries, "entry", "entries"), NumberText.count(counts.checkIns, "check-in"),
      "\(counts.rejected) rejected", NumberText.count(counts.duplicates, "duplicate"),
    ]
  }
}
