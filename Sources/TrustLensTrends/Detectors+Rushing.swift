import TrustLensCore

extension Detectors {
  /// A fast rise of the claim measure that stands out from the subject's own variability and
  /// stays up to the end of its ratings.
  struct Jump {
    var from: (day: LocalDay, value: Double)
    var to: (day: LocalDay, value: Double)
    /// The level before (the values of the 42 days up to `from`) and after (the 28 days from `to`).
    var before: Double
    var after: Double
    /// The spread of the values before it.
    var noise: Double
  }

  /// The first jump in `values`: two held values at most `rushDays` apart, the second at or
  /// above `rushHigh`, the level after at least `rushRise` above the level before and three
  /// times the spread before it; every value of the 28 days after it, and the last three
  /// values of the course, stay above the midpoint of the two levels (a persisting shift, not
  /// a good day).
  func jump(in values: SubjectSeries.Series) -> Jump? {
    guard values.count >= 2 else { return nil }
    for index in 1..<values.count {
      let a = values[index - 1], b = values[index]
      guard a.day.days(to: b.day) <= settings.rushDays, b.value >= settings.rushHigh else { continue }
      let before = values[..<index].filter { $0.day.days(to: a.day) <= 42 }.map(\.value)
      let after = values[index...].filter { b.day.days(to: $0.day) <= 28 }.map(\.value)
      guard let low = Describe.mean(before), let high = Describe.mean(after) else { continue }
      let noise = max((Describe.variance(before) ?? 0).squareRoot(), 0.5)
      let rise = high - low, midpoint = (low + high) / 2
      let ending = values.suffix(min(3, values.count - index)).map(\.value)
      guard rise >= settings.rushRise, rise >= 3 * noise, after.allSatisfy({ $0 > midpoint }),
        (Describe.mean(ending) ?? 0) > midpoint
      else { continue }
      return Jump(from: a, to: b, before: low, after: high, noise: noise)
    }
    return nil
  }

  /// Rushing: recovery claimed faster than the evidence supports.
  ///
  /// With a jump (``jump(in:)``), rushing unless the evidence supports it: it is rushing when
  /// pressure to move on appears from a week before the jump on (in two texts, or one in ten),
  /// when held check-ins stop right after it (within 14 days, then a break longer than the
  /// cadence allows while the journal goes on), or when the writing after it does not back the
  /// recovery: repair work (accountability, responsibility) in fewer than a fifth of the texts,
  /// and the hurt persists (in at least `rushHurtShare` of them) or the writing's tone did not
  /// rise significantly. Without a jump: pressure to move on in at least `rushPressureShare` of
  /// the course's texts (and three of them) while the hurt persists in `rushHurtShare`.
  func rushing() -> Signal? {
    let claim = series.claim
    if let jump = jump(in: claim.values) { return rushing(claim.name, jump) }
    let pressure = series.share(of: EvidenceTags.pressure, in: series.course)
    let hurt = series.share(of: EvidenceTags.hurt, in: series.course)
    guard pressure.hits >= 3, pressure.fraction >= settings.rushPressureShare, hurt.fraction >= settings.rushHurtShare
    else { return nil }
    return Signal(
      kind: .rushing, from: series.firstDay, to: series.end, strength: min(1, 0.4 + pressure.fraction * 2),
      evidence: [
        "pressure to move on in \(pressure.phrase) (\(percent(pressure.hits, of: pressure.texts))) from \(series.firstDay) to \(series.end), without a jump in the ratings",
        "the hurt (\(EvidenceTags.phrase(EvidenceTags.hurt))) still in \(hurt.phrase)",
      ])
  }

  private func rushing(_ name: String, _ jump: Jump) -> Signal? {
    var evidence = [
      "\(name) \(number(jump.from.value)) → \(number(jump.to.value)) in \(jump.from.day.days(to: jump.to.day)) days (\(jump.from.day) to \(jump.to.day)): level \(number(jump.before)) before, \(number(jump.after)) after"
    ]
    var cues = 0
    let since = max(jump.from.day.adding(days: -7), series.firstDay)...series.end
    let pressure = series.share(of: EvidenceTags.pressure, in: since)
    if pressure.hits >= 2 || (pressure.hits >= 1 && pressure.fraction >= 0.1) {
      cues += 1
      evidence.append("pressure to move on in \(pressure.phrase) from \(since.lowerBound) on")
    }
    if let stop, let lastHeld = stop.lastHeld, lastHeld.days(to: jump.to.day) >= -14 {
      cues += 1
      evidence.append(
        "no check-in held after \(lastHeld) while the journal went on for \(stop.journaled) days (\(stop.entriesAfter) entries)")
    }
    let after = jump.to.day...series.end
    let texts = series.share(of: EvidenceTags.repairWork, in: after)
    if texts.texts >= 3, texts.fraction < 0.2 {
      let hurt = series.share(of: EvidenceTags.hurt, in: after)
      let tone = LevelComparison(
        before: series.valence(in: series.firstDay...jump.from.day), after: series.valence(in: after), floor: 0.1)
      let toneRose = tone.map { $0.pRise < settings.trendAlpha } ?? false
      if hurt.fraction >= settings.rushHurtShare || !toneRose {
        cues += 1
        evidence.append(
          "the writing since the jump does not back it: accountability or responsibility in \(texts.phrase), the hurt in \(hurt.hits)"
            + (tone.map { ", tone \(format2($0.before)) before and \(format2($0.after)) after" } ?? ""))
      }
    }
    guard cues >= 1 else { return nil }
    return Signal(
      kind: .rushing, from: jump.from.day, to: jump.to.day, strength: min(1, 0.4 + 0.2 * Double(cues)), evidence: evidence)
  }
}
