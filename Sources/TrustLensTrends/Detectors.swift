import TrustLensCore

/// The detectors: each looks at a subject's series and returns a signal or `nil`.
/// They never decide the status; ``Assessor`` does, by precedence.
struct Detectors {
  let series: SubjectSeries
  let settings: TrendSettings

  private var everything: ClosedRange<LocalDay> { (series.firstDay ?? series.asOf)...series.asOf }

  private func recent(_ days: Int) -> ClosedRange<LocalDay> {
    max(series.asOf.adding(days: -days), series.firstDay ?? series.asOf)...series.asOf
  }

  /// The measure progress, setback and plateau are judged by: the mean of the repair
  /// ratings present (trust, safety, communication) per check-in.
  private var repairMeasure: (name: String, values: [(day: LocalDay, value: Double)]) {
    let names = SubjectSeries.repairRatings.filter { !series.rating($0).isEmpty }
    return (names.count == 1 ? names[0] : names.joined(separator: "/"), series.repairRating)
  }

  /// The measure a rushing jump is looked for in: trust if rated, else the repair mean.
  private var claimMeasure: (name: String, values: [(day: LocalDay, value: Double)]) {
    let trust = series.rating("trust")
    return trust.count >= 2 ? ("trust", trust) : repairMeasure
  }

  // MARK: Rushing

  func rushing() -> Signal? {
    let measure = claimMeasure
    let values = measure.values
    var jump: (from: (day: LocalDay, value: Double), to: (day: LocalDay, value: Double))?
    search: for j in values.indices where values[j].value >= settings.rushHigh {
      for i in stride(from: j - 1, through: 0, by: -1) {
        let gap = values[i].day.days(to: values[j].day)
        if gap > settings.rushDays { break }
        if values[i].value <= settings.rushLow {
          jump = (values[i], values[j])
          break search
        }
      }
    }
    let pressureAll = series.share(of: ["rushing"], in: everything)
    guard let jump else {
      // Without a jump, pressure to move on that dominates recent writing while the hurt
      // persists is still rushing.
      let window = recent(28)
      let pressure = series.share(of: ["rushing"], in: window)
      let hurt = series.share(of: Taxonomy.negativeEmotions, in: window)
      guard pressure.texts >= 4, pressure.hits >= 3,
        Double(pressure.hits) / Double(pressure.texts) >= 0.3,
        Double(hurt.hits) / Double(max(hurt.texts, 1)) >= settings.rushHurtShare
      else { return nil }
      return Signal(
        kind: "rushing", from: window.lowerBound, to: window.upperBound, strength: 0.5,
        evidence: [
          "pressure to move on in \(pressure.hits) of \(pressure.texts) texts since \(window.lowerBound)",
          "hurt (betrayal, anger, resentment, sadness, fear, insecurity) still in \(hurt.hits) of \(hurt.texts) texts",
        ])
    }
    let days = jump.from.day.days(to: jump.to.day)
    let window = max(jump.from.day.adding(days: -7), everything.lowerBound)...min(jump.to.day.adding(days: 28), series.asOf)
    var evidence = [
      "\(measure.name) \(number(jump.from.value)) → \(number(jump.to.value)) in \(days) days (\(jump.from.day) to \(jump.to.day))"
    ]
    // A fast jump is rushing unless the evidence supports the recovery: repair work
    // (accountability, responsibility) in the writing around it, the hurt fading, no pressure
    // to move on, and check-ins that go on.
    var cues = 0
    let hurt = series.share(of: Taxonomy.hurtEmotions, in: window)
    if hurt.texts >= 3, Double(hurt.hits) / Double(hurt.texts) >= settings.rushHurtShare {
      cues += 1
      evidence.append("while betrayal, anger, resentment or insecurity appears in \(hurt.hits) of \(hurt.texts) texts from \(window.lowerBound) to \(window.upperBound)")
    }
    let repair = series.share(of: ["accountability", "responsibility"], in: window)
    let repairShown = repair.texts >= 3 && Double(repair.hits) / Double(repair.texts) >= 0.15
    if !repairShown {
      cues += 1
      evidence.append(
        repair.texts < 3
          ? "no journal entries around the jump show the repair work behind it (\(repair.texts) texts from \(window.lowerBound) to \(window.upperBound))"
          : "accountability and responsibility are absent (\(repair.hits) of \(repair.texts) texts)")
    }
    if pressureAll.hits >= 2 {
      cues += 1
      evidence.append("pressure to move on appears in \(pressureAll.hits) texts")
    }
    if jump.to.day < series.asOf {
      let after = series.checkIns(in: jump.to.day.adding(days: 1)...series.asOf)
      let waited = jump.to.day.days(to: series.asOf)
      if waited >= 14, after.held == 0 {
        cues += 1
        evidence.append(
          after.skipped > 0
            ? "no check-in held in the \(waited) days after the jump (\(after.skipped) skipped)"
            : "no check-in in the \(waited) days after the jump")
      }
    }
    guard cues >= 1 else { return nil }
    return Signal(
      kind: "rushing", from: jump.from.day, to: jump.to.day,
      strength: min(1, 0.4 + 0.15 * Double(cues)), evidence: evidence)
  }

  // MARK: Setback

  func setback() -> Signal? {
    var measure = repairMeasure
    var scale = 1.0
    if measure.values.count < 5 {
      measure = ("weekly valence", series.weeklyValence)
      scale = 0.125  // valence lives in [-1, 1]: 2 rating points ≈ 0.25 valence
    }
    let values = measure.values
    guard values.count >= 5 else { return nil }
    // The recent period: the last `recentDays`, and at least the last two points.
    var recentStart = series.asOf.adding(days: -settings.recentDays)
    if values.count(where: { $0.day >= recentStart }) < 2 { recentStart = values[values.count - 2].day }
    let earlier = values.filter { $0.day < recentStart }
    let recentValues = values.filter { $0.day >= recentStart }
    guard earlier.count >= 3, recentValues.count >= 2 else { return nil }
    let rolling = earlier.indices.map { index -> (day: LocalDay, value: Double) in
      let window = earlier[max(0, index - 1)...min(earlier.count - 1, index + 1)]
      return (earlier[index].day, window.map(\.value).reduce(0, +) / Double(window.count))
    }
    guard let peak = rolling.max(by: { $0.value < $1.value }),
      let recentMean = Describe.mean(recentValues.map(\.value))
    else { return nil }
    let baseline = earlier.prefix(2).map(\.value).reduce(0, +) / Double(min(2, earlier.count))
    let drop = settings.setbackDrop * scale
    guard peak.value - baseline >= drop * 0.75, peak.value - recentMean >= drop,
      recentValues.allSatisfy({ $0.value <= peak.value - drop / 2 })
    else { return nil }
    var evidence = [
      "\(measure.name) rose from \(number(baseline)) to \(number(peak.value)) by \(peak.day), then averaged \(number(recentMean)) over \(recentValues.count) points since \(recentValues[0].day)"
    ]
    if scale == 1, let shift = levelShift(values), shift.after < shift.before {
      evidence.append(
        "level shift on \(shift.day): mean \(number(shift.before)) before, \(number(shift.after)) after (binary segmentation)")
    }
    let turn = series.share(of: ["deception", "setback", "betrayal"], in: recentStart...series.asOf)
    if turn.hits > 0 {
      evidence.append("deception, betrayal or setback language in \(turn.hits) of \(turn.texts) recent texts")
    }
    return Signal(
      kind: "setback", from: peak.day, to: series.asOf,
      strength: min(1, (peak.value - recentMean) / (2 * drop)), evidence: evidence)
  }

  /// The last shift in level of a series (binary segmentation, default penalty).
  private func levelShift(_ values: [(day: LocalDay, value: Double)]) -> (day: LocalDay, before: Double, after: Double)? {
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

  // MARK: Avoidance

  func avoidance() -> Signal? {
    var evidence: [String] = []
    var strength = 0.0
    var from = series.asOf
    let all = series.checkIns(in: everything)
    let total = all.held + all.skipped
    if total >= 3, Double(all.skipped) / Double(total) >= settings.avoidSkipShare {
      evidence.append("\(all.skipped) of \(total) check-ins skipped (\(percent(all.skipped, of: total)))")
      strength = max(strength, Double(all.skipped) / Double(total))
      from = min(from, everything.lowerBound)
    }
    if total > 0 {
      let lastHeld = series.days.last(where: { $0.bucket.checkInsHeld > 0 })?.day
      let since = lastHeld ?? everything.lowerBound
      let gap = since.days(to: series.asOf)
      let textsAfter = series.days.filter { $0.day > since }.reduce(0) { $0 + $1.bucket.entries }
      if gap > settings.checkInGapDays, textsAfter > 0 {
        evidence.append(
          lastHeld.map { "no check-in held since \($0) (\(gap) days) while \(textsAfter) entries were written" }
            ?? "no check-in held at all while \(textsAfter) entries were written")
        strength = max(strength, min(1, Double(gap) / Double(settings.checkInGapDays * 2)))
        from = min(from, since)
      }
    }
    let window = recent(28)
    let language = series.share(of: ["avoidance"], in: window)
    if language.texts >= 4, Double(language.hits) / Double(language.texts) >= settings.avoidLanguageShare {
      evidence.append("avoidance language in \(language.hits) of \(language.texts) texts since \(window.lowerBound)")
      strength = max(strength, Double(language.hits) / Double(language.texts))
      from = min(from, window.lowerBound)
    }
    guard !evidence.isEmpty else { return nil }
    return Signal(kind: "avoidance", from: from, to: series.asOf, strength: min(1, strength), evidence: evidence)
  }

  // MARK: Progress

  func progress() -> Signal? {
    guard let first = series.firstDay, let last = series.lastDay,
      first.days(to: last) >= settings.progressMinDays
    else { return nil }
    let all = series.checkIns(in: everything)
    let total = all.held + all.skipped
    if total > 0, Double(all.held) / Double(total) < settings.progressHeldShare { return nil }
    var evidence: [String] = []
    let measure = repairMeasure
    let ratingTest = TrendTest(SubjectSeries.points(measure.values))
    // A rise counts when it is significant and meaningful: at least `progressMinRise` rating
    // points over the span (Sen's slope × days), so a statistically certain drift of a few
    // tenths stays a plateau.
    let spanDays = Double((measure.values.first?.day.days(to: measure.values.last?.day ?? first)) ?? 0)
    let ratingsRise = ratingTest.map {
      $0.p < settings.trendAlpha && $0.slopePerDay > 0 && $0.slopePerDay * spanDays >= settings.progressMinRise
    } ?? false
    let ratingsFlat = measure.values.count >= 4 && !ratingsRise
    let ratingsFall = ratingTest.map { $0.p < settings.trendAlpha && $0.slopePerDay < 0 } ?? false
    if ratingsRise, let test = ratingTest, let a = measure.values.first, let b = measure.values.last {
      evidence.append(
        "\(measure.name) rose from \(number(a.value)) to \(number(b.value)) between \(a.day) and \(b.day) (Sen's slope \(format2(test.slopePerDay * 7)) per week, Mann-Kendall \(pText(test.p)))"
      )
    }
    let hurt = series.negativeEmotion
    let hurtTest = hurt.count >= 5 ? TrendTest(SubjectSeries.points(hurt)) : nil
    let hurtFalls = hurtTest.map { $0.p < settings.trendAlpha && $0.slopePerDay < 0 } ?? false
    if hurtFalls, let test = hurtTest {
      evidence.append(
        "negative emotions fell across \(hurt.count) weeks of writing (Sen's slope \(format2(test.slopePerDay * 7)) per week, \(pText(test.p)))")
    }
    var valenceRises = false
    if measure.values.count < 4 {
      let weekly = series.weeklyValence
      if weekly.count >= 5, let test = TrendTest(SubjectSeries.points(weekly)), test.p < settings.trendAlpha,
        test.slopePerDay > 0, let a = weekly.first, let b = weekly.last
      {
        valenceRises = true
        evidence.append(
          "weekly valence rose from \(format2(a.value)) to \(format2(b.value)) (Sen's slope \(format2(test.slopePerDay * 7)) per week, Mann-Kendall \(pText(test.p)))")
      }
    }
    // Falling negative emotions make progress on their own only when there are no repair
    // ratings to contradict them (ratings that stay flat say the repair has not moved).
    guard ratingsRise || valenceRises || (hurtFalls && !ratingsFall && !ratingsFlat) else { return nil }
    if ratingsRise, let a = measure.values.first, let b = measure.values.last,
      let rci = ReliableChange(first: a.value, last: b.value, sd: settings.rciSD, reliability: settings.rciReliability)
    {
      evidence.append(
        "reliable change index \(format2(rci.index)) (\(rci.isReliable ? "beyond" : "within") measurement error at 95%)")
    }
    if total > 0 { evidence.append("\(all.held) of \(total) check-ins held") }
    let strength = ratingsRise && hurtFalls ? 0.9 : 0.7
    return Signal(kind: "progress", from: first, to: last, strength: strength, evidence: evidence)
  }

  // MARK: Self-care

  func selfCareNeglect() -> Signal? {
    let window = recent(settings.recentDays)
    var evidence: [String] = []
    let ratings = series.rating("self_care").filter { window.contains($0.day) }
    if ratings.count >= 2, let mean = Describe.mean(ratings.map(\.value)), mean <= settings.selfCareLow {
      evidence.append("self-care rated \(number(mean)) on average in \(ratings.count) check-ins since \(window.lowerBound)")
    }
    let texts = recent(28)
    let care = series.share(of: ["self-care"], in: texts)
    let distress = series.share(of: Taxonomy.negativeEmotions, in: texts)
    if distress.texts >= 4, care.hits == 0,
      Double(distress.hits) / Double(distress.texts) >= settings.selfCareDistressShare
    {
      evidence.append(
        "no self-care mentioned in \(care.texts) texts since \(texts.lowerBound) while distress appears in \(distress.hits)")
    }
    guard !evidence.isEmpty else { return nil }
    return Signal(
      kind: "self-care-neglect", from: window.lowerBound, to: series.asOf,
      strength: evidence.count == 2 ? 0.9 : 0.6, evidence: evidence)
  }
}

/// `+0.31`, `-0.05`: two decimals with a sign.
func format2(_ value: Double) -> String {
  let scaled = (value * 100).rounded()
  let sign = scaled < 0 ? "-" : "+"
  let magnitude = Int(abs(scaled))
  return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
}

/// A p-value with three decimals, `< 0.001` below that.
func format3(_ value: Double) -> String {
  if value < 0.001 { return "< 0.001" }
  let scaled = Int((value * 1000).rounded())
  let fraction = String(scaled % 1000)
  return "\(scaled / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
}

/// `p = 0.012` or `p < 0.001`.
func pText(_ p: Double) -> String { p < 0.001 ? "p < 0.001" : "p = \(format3(p))" }
