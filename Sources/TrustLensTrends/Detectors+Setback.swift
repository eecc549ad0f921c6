import TrustLensCore

extension Detectors {
  /// Setback: improvement earlier, then a marked, persisting decline in the recent period.
  ///
  /// By the repair rating, with at least five values: the recent period is the last
  /// `recentDays` of the course (at least its last two values), less its first values while
  /// they are still within half of `setbackDrop` of the peak (a younger decline); the peak is the highest
  /// three-point rolling mean before it. The rating rose to the peak (by at least three
  /// quarters of `setbackDrop` above its first two values), the recent values average at least
  /// `setbackDrop` below the peak, none is within half of that of it, and the fall stands out
  /// from the subject's own variability (one-sided p < `trendAlpha`).
  ///
  /// Without ratings enough, by the writing (at least ten days with texts): the tone of the
  /// recent period (at least three days of writing) fell significantly below the eight weeks
  /// before it, relapse language (deception, a broken promise, a named setback) appears in at
  /// least two recent texts and significantly more than before, and the weeks before had
  /// improved on the course's start (their tone above its first third's).
  func setback() -> Signal? {
    let measure = series.repair
    if measure.values.count >= 5 { return ratingSetback(measure) }
    return writingSetback()
  }

  private func ratingSetback(_ measure: Measure) -> Signal? {
    let values = measure.values
    var recentStart = series.end.adding(days: -settings.recentDays)
    if values.count(where: { $0.day >= recentStart }) < 2 { recentStart = values[values.count - 2].day }
    var earlier = values.filter { $0.day < recentStart }
    var recent = values.filter { $0.day >= recentStart }
    guard earlier.count >= 3, recent.count >= 2 else { return nil }
    var peak = Self.peak(earlier)
    // A decline younger than the recent period: its first values still at the peak's level
    // belong before it (at least two values stay recent).
    while recent.count > 2, recent[0].value > peak.value - settings.setbackDrop / 2 {
      earlier.append(recent.removeFirst())
      peak = Self.peak(earlier)
    }
    recentStart = recent[0].day
    guard let recentMean = Describe.mean(recent.map(\.value)) else { return nil }
    let start = earlier.prefix(2).map(\.value).reduce(0, +) / Double(min(2, earlier.count))
    let drop = settings.setbackDrop
    guard peak.value - start >= drop * 0.75, peak.value - recentMean >= drop,
      recent.allSatisfy({ $0.value <= peak.value - drop / 2 })
    else { return nil }
    let around = earlier[max(0, peak.index - 1)...min(earlier.count - 1, peak.index + 1)].map(\.value)
    guard
      let fall = LevelComparison(
        before: around, after: recent.map(\.value), floor: ratingNoise(measure.numbers), minimum: 1),
      fall.pFall < settings.trendAlpha
    else { return nil }
    let peakDay = earlier[peak.index].day
    var evidence = [
      "\(measure.name) rose from \(number(start)) to \(number(peak.value)) by \(peakDay), then averaged \(number(recentMean)) over \(recent.count) points since \(recent[0].day) (fall \(pText(fall.pFall)) against its own variability)"
    ]
    if let shift = levelShift(values), shift.after < shift.before {
      evidence.append(
        "level shift on \(shift.day): mean \(number(shift.before)) before, \(number(shift.after)) after (binary segmentation)")
    }
    let turn = series.share(of: EvidenceTags.relapse, in: recentStart...series.end)
    if turn.hits > 0 {
      evidence.append("relapse language (\(EvidenceTags.phrase(EvidenceTags.relapse))) in \(turn.phrase) of the recent period")
    }
    return Signal(
      kind: .setback, from: peakDay, to: series.end, strength: min(1, (peak.value - recentMean) / (2 * drop)),
      evidence: evidence)
  }

  private func writingSetback() -> Signal? {
    let days = series.dailyValence
    guard days.count >= 10 else { return nil }
    var recentStart = series.end.adding(days: -settings.recentDays)
    if days.count(where: { $0.day >= recentStart }) < 3 { recentStart = days[days.count - 3].day }
    let recent = recentStart...series.end
    let before = recentStart.adding(days: -56)...recentStart.adding(days: -1)
    let opening = days.prefix(max(3, days.filter { $0.day < recentStart }.count / 3)).map(\.value)
    guard
      let fall = LevelComparison(before: series.valence(in: before), after: series.valence(in: recent), floor: 0.1, minimum: 3),
      fall.pFall < settings.trendAlpha, let start = Describe.mean(opening), fall.before > start
    else { return nil }
    let turnBefore = series.share(of: EvidenceTags.relapse, in: before)
    let turnRecent = series.share(of: EvidenceTags.relapse, in: recent)
    guard turnRecent.hits >= 2,
      let more = ShareComparison(
        before: (turnBefore.hits, turnBefore.texts), after: (turnRecent.hits, turnRecent.texts)),
      more.pRise < settings.trendAlpha
    else { return nil }
    return Signal(
      kind: .setback, from: before.lowerBound, to: series.end, strength: min(1, 0.5 + (fall.before - fall.after)),
      evidence: [
        "the writing's tone fell from \(format2(fall.before)) (the 8 weeks before \(recentStart), up from \(format2(start)) at the start) to \(format2(fall.after)) since (\(pText(fall.pFall)))",
        "relapse language (\(EvidenceTags.phrase(EvidenceTags.relapse))) in \(turnRecent.phrase) since \(recentStart), against \(turnBefore.phrase) before (\(pText(more.pRise)))",
      ])
  }

  /// The highest three-point rolling mean of `values` (not empty) and where it is.
  private static func peak(_ values: SubjectSeries.Series) -> (index: Int, value: Double) {
    var peak = (index: 0, value: -Double.infinity)
    for index in values.indices {
      let window = values[max(0, index - 1)...min(values.count - 1, index + 1)].map(\.value)
      let mean = window.reduce(0, +) / Double(window.count)
      if mean > peak.value { peak = (index, mean) }
    }
    return peak
  }

  /// The last shift in level of a series (binary segmentation, default penalty).
  private func levelShift(_ values: SubjectSeries.Series) -> (day: LocalDay, before: Double, after: Double)? {
    let numbers = values.map(\.value)
    let ends = ChangePoints.binarySegmentation(numbers, penalty: ChangePoints.defaultPenalty(numbers))
    guard ends.count >= 2 else { return nil }
    let split = ends[ends.count - 2]
    let previousStart = ends.count >= 3 ? ends[ends.count - 3] : 0
    guard let before = Describe.mean(numbers[previousStart..<split]), let after = Describe.mean(numbers[split...]) else {
      return nil
    }
    return (values[split].day, before, after)
  }
}
