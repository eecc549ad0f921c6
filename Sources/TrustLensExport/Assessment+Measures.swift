import TrustLensCore
package import TrustLensTrends

extension Assessment {
  /// Held check-ins (all of them less the skipped ones).
  package var heldCheckIns: Int { checkIns - skippedCheckIns }

  /// The one sentence on the subject's period every output shows under its name:
  /// `2026-01-05 to 2026-03-29 · 41 entries · 12 check-ins (1 skipped) · last entry 2026-03-28`.
  /// - Parameter arrow: what joins the first and last day (`to`, or `→` in the dashboard).
  package func periodText(arrow: String = "to") -> String {
    var parts = [
      "\(from?.description ?? "—") \(arrow) \(to?.description ?? "—")",
      NumberText.count(entries, "entry", "entries"),
      NumberText.count(checkIns, "check-in") + (skippedCheckIns > 0 ? " (\(skippedCheckIns) skipped)" : ""),
    ]
    if let lastEntry { parts.append("last entry \(lastEntry)") }
    return parts.joined(separator: " · ")
  }
}

extension Assessment {
  /// The metrics in the order every output lists them: the ratings in ``Rating`` order, then
  /// valence, then any other measure by name.
  package var orderedMetrics: [(name: String, metric: Metric)] {
    let ranked = Rating.names + ["valence"]
    return metrics.sorted { lhs, rhs in
      let l = ranked.firstIndex(of: lhs.key) ?? ranked.count, r = ranked.firstIndex(of: rhs.key) ?? ranked.count
      return l != r ? l < r : lhs.key < rhs.key
    }.map { (name: $0.key, metric: $0.value) }
  }
}
