import TrustLensCore

extension Detectors {
  /// Avoidance: check-ins mostly skipped or stopped, and/or avoidance language dominating.
  ///
  /// - Mostly skipped: of at least four check-in rows, the skipped ones and the sessions a
  ///   regular cadence expected but no row records (``Cadence/missed``) make at least
  ///   `avoidSkipShare` of all expected.
  /// - Stopped: ``stop`` (journaling went on after the last held check-in for longer than the
  ///   subject's cadence allows).
  /// - Language: avoidance language in at least `avoidLanguageShare` of the texts of the later
  ///   half of the course (at least six texts).
  func avoidance() -> Signal? {
    var evidence: [String] = []
    var strength = 0.0
    var from = series.end
    let held = adherence
    if held.rows >= 4, 1 - held.heldShare >= settings.avoidSkipShare {
      let cadence = series.cadence.map { " at a \($0.kind.rawValue) cadence" } ?? ""
      evidence.append(
        "\(held.skipped) of \(held.rows) check-ins skipped"
          + (held.missed > 0 ? " and \(held.missed) more missed\(cadence)" : "")
          + " (\(percent(held.skipped + held.missed, of: held.expected)) not held)")
      strength = max(strength, 1 - held.heldShare)
      from = series.firstDay
    }
    if let stop {
      let cadence = series.cadence.map { "; the cadence was \($0.description), so a break over \(stop.allowed) days counts" } ?? ""
      evidence.append(
        (stop.lastHeld.map { "no check-in held after \($0)" } ?? "no check-in held at all")
          + " while the journal went on for \(stop.journaled) days to \(stop.lastEntry) (\(stop.entriesAfter) entries)\(cadence)")
      strength = max(strength, min(1, Double(stop.journaled) / Double(2 * stop.allowed)))
      from = min(from, stop.lastHeld ?? series.firstDay)
    }
    let half = series.firstDay.adding(days: series.firstDay.days(to: series.end) / 2)...series.end
    let language = series.share(of: EvidenceTags.avoidance, in: half)
    if language.texts >= 6, language.fraction >= settings.avoidLanguageShare {
      evidence.append("avoidance language in \(language.phrase) since \(half.lowerBound) (the later half of the course)")
      strength = max(strength, language.fraction)
      from = min(from, half.lowerBound)
    }
    guard !evidence.isEmpty else { return nil }
    return Signal(kind: .avoidance, from: from, to: series.end, strength: min(1, strength), evidence: evidence)
  }
}
