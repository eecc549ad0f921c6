import TrustLensCore

extension Detectors {
  /// Self-care neglect, at the end of the course: the self-care rating's median over the
  /// recent period (`recentDays`, at least two ratings) at or below `selfCareLow`; or, in the
  /// writing of the last `selfCareDays` (at least five texts), self-care in at most one text in
  /// twenty while distress (a negative emotion) is in at least `selfCareDistressShare` of them
  /// or the repair rating averages 4.5 or less.
  func selfCareNeglect() -> Signal? {
    let window = series.recent(settings.recentDays)
    var evidence: [String] = []
    let ratings = series.rating("self_care").filter { window.contains($0.day) }.map(\.value)
    if ratings.count >= 2, let median = Describe.median(ratings), median <= settings.selfCareLow {
      evidence.append(
        "self-care rated \(number(median)) (median) in \(ratings.count) check-ins since \(window.lowerBound)")
    }
    let texts = series.recent(settings.selfCareDays)
    let care = series.share(of: EvidenceTags.selfCare, in: texts)
    let distress = series.share(of: EvidenceTags.distress, in: texts)
    let repair = Describe.mean(series.repair.values.filter { texts.contains($0.day) }.map(\.value))
    let low = repair.map { $0 <= 4.5 } ?? false
    if care.texts >= 5, care.fraction <= 0.05, distress.fraction >= settings.selfCareDistressShare || low {
      evidence.append(
        "self-care in \(care.phrase) since \(texts.lowerBound) while distress is in \(distress.hits)"
          + (low ? " and \(series.repair.name) averages \(number(repair!))" : ""))
    }
    guard !evidence.isEmpty else { return nil }
    return Signal(
      kind: .selfCareNeglect, from: min(window.lowerBound, texts.lowerBound), to: series.end,
      strength: evidence.count == 2 ? 0.9 : 0.6, evidence: evidence)
  }
}
