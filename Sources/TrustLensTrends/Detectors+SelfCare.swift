import TrustLensCore

extension Detectors {
  /// Self-care neglect at the end of the course: the subject's own self-care falls, in its
  /// ratings or in its writing, over the last `selfCareDays` of its records (the recent
  /// period). Any of three kinds of evidence raises the signal (strength 0.6, 0.9 with two):
  ///
  /// - **ratings**: at least two `self_care` ratings in the recent period, with a median at or
  ///   below `selfCareLow`, and — when the subject rated self-care before that period — at
  ///   least `selfCareFall` points below the median of those earlier ratings. Self-care rated
  ///   low all along is the subject's level, not a neglect that began, and raises nothing
  ///   (the `self_care` metric still shows it);
  /// - **writing**: at least three recent texts, bad self-care (`self-neglect`: "skipped dinner
  ///   again", "three hours of sleep") in at least `selfNeglectShare` of them, and good
  ///   self-care (`self-care`) in at most one text in ten;
  /// - **absence while distressed**: at least five recent journal entries, good self-care in at
  ///   most one text in twenty, while distress (a negative emotion) is in at least
  ///   `selfCareDistressShare` of them (check-in notes count as texts, not as entries).
  func selfCareNeglect() -> Signal? {
    let recent = series.recent(settings.selfCareDays)
    let evidence = [selfCareRatingsFall(in: recent), badSelfCareWriting(in: recent), selfCareAbsent(in: recent)]
      .compactMap(\.self)
    guard !evidence.isEmpty else { return nil }
    return Signal(
      kind: .selfCareNeglect, from: recent.lowerBound, to: series.end, strength: evidence.count >= 2 ? 0.9 : 0.6,
      evidence: evidence)
  }

  /// The ratings evidence: low recent self-care ratings, below the subject's earlier level.
  func selfCareRatingsFall(in recent: ClosedRange<LocalDay>) -> String? {
    let all = series.rating("self_care")
    let now = all.filter { recent.contains($0.day) }.map(\.value)
    guard now.count >= 2, let median = Describe.median(now), median <= settings.selfCareLow else { return nil }
    let before = all.filter { $0.day < recent.lowerBound }.map(\.value)
    let sentence = "self-care rated \(number(median)) (median) in \(now.count) check-ins since \(recent.lowerBound)"
    guard let earlier = Describe.median(before) else { return sentence }
    guard earlier - median >= settings.selfCareFall else { return nil }
    return sentence + ", down from \(number(earlier)) in \(before.count) before"
  }

  /// The writing evidence: a run of bad self-care with good self-care absent.
  func badSelfCareWriting(in recent: ClosedRange<LocalDay>) -> String? {
    let bad = series.share(of: EvidenceTags.selfNeglect, in: recent)
    let good = series.share(of: EvidenceTags.selfCare, in: recent)
    guard bad.texts >= 3, bad.fraction >= settings.selfNeglectShare, good.fraction <= 0.1 else { return nil }
    return "bad self-care in \(bad.phrase) since \(recent.lowerBound), good self-care in \(good.hits)"
  }

  /// The absence evidence: no self-care written while distress persists.
  func selfCareAbsent(in recent: ClosedRange<LocalDay>) -> String? {
    let care = series.share(of: EvidenceTags.selfCare, in: recent)
    let distress = series.share(of: EvidenceTags.distress, in: recent)
    guard series.entries(in: recent) >= 5, care.fraction <= 0.05, distress.fraction >= settings.selfCareDistressShare
    else { return nil }
    return "self-care in \(care.phrase) since \(recent.lowerBound) while distress is in \(distress.hits)"
  }
}
