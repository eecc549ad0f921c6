import TrustLensCore

extension Detectors {
  /// What one channel (the ratings or the writing) says about the course's direction.
  enum Direction {
    /// A significant, meaningful rise.
    case rise
    /// Rising, but not significantly.
    case weakRise
    case flat
    /// A significant fall.
    case fall
    /// Too little to tell.
    case unknown
  }

  /// The ratings' direction, with its evidence: a rise is significant and meaningful by the
  /// Mann-Kendall test and Sen's slope (p < `trendAlpha`, slope × span ≥ `progressMinRise`),
  /// or by the last 28 days' level against the first 28 days' (at least `progressMinRise`
  /// higher, one-sided p < `trendAlpha` against the subject's own variability), for short
  /// series the trend test cannot judge.
  func ratingDirection(_ measure: Measure) -> (Direction, String?) {
    let values = measure.values
    guard values.count >= 4, let first = values.first, let last = values.last,
      first.day.days(to: last.day) >= settings.progressMinDays
    else { return (.unknown, nil) }
    let span = Double(first.day.days(to: last.day))
    let test = trend(values)
    if let test, test.p < settings.trendAlpha, test.slopePerDay > 0, test.slopePerDay * span >= settings.progressMinRise {
      return (
        .rise,
        "\(measure.name) rose from \(number(first.value)) to \(number(last.value)) between \(first.day) and \(last.day) (Sen's slope \(format2(test.slopePerDay * 7)) per week, Mann-Kendall \(pText(test.p)))"
      )
    }
    let opening = values.filter { first.day.days(to: $0.day) <= 28 }.map(\.value)
    let closing = values.filter { $0.day.days(to: last.day) <= 28 }.map(\.value)
    let head = opening.count >= 2 ? opening : Array(values.prefix(2).map(\.value))
    let tail = closing.count >= 2 ? closing : Array(values.suffix(2).map(\.value))
    let level = values.count >= 4 ? LevelComparison(before: head, after: tail, floor: ratingNoise(measure.numbers)) : nil
    if let level, level.difference >= settings.progressMinRise, level.pRise < settings.trendAlpha {
      return (
        .rise,
        "\(measure.name) rose from \(number(level.before)) (the first 28 days) to \(number(level.after)) (the last 28 days) between \(first.day) and \(last.day) (\(pText(level.pRise)) against its own variability)"
      )
    }
    if let test, test.p < settings.trendAlpha, test.slopePerDay < 0 { return (.fall, nil) }
    if let test, test.slopePerDay > 0, test.slopePerDay * span >= settings.progressMinRise { return (.weakRise, nil) }
    return (.flat, nil)
  }

  /// The writing's direction: the tone (daily mean valence; weekly means beyond 150 days of
  /// writing) rising or falling significantly by the Mann-Kendall test, with at least eight
  /// days of writing over `progressMinDays`.
  func writingDirection() -> (Direction, String?) {
    let days = series.dailyValence
    guard days.count >= 8, let first = days.first, let last = days.last,
      first.day.days(to: last.day) >= settings.progressMinDays,
      let test = TrendTest(SubjectSeries.points(days, limit: 150))
    else { return (.unknown, nil) }
    guard test.p < settings.trendAlpha else { return (test.slopePerDay > 0 ? .weakRise : .flat, nil) }
    if test.slopePerDay < 0 { return (.fall, nil) }
    let hurt = series.negativeEmotion
    var sentence =
      "the writing's tone rose over \(days.count) days of writing from \(first.day) to \(last.day) (Sen's slope \(format2(test.slopePerDay * 7)) per week, Mann-Kendall \(pText(test.p)))"
    if hurt.count >= 5, let fall = trend(hurt), fall.p < settings.trendAlpha, fall.slopePerDay < 0 {
      sentence += "; negative emotions fell across \(hurt.count) weeks (\(pText(fall.p)))"
    }
    return (.rise, sentence)
  }

  /// Progress: sustained improvement over at least `progressMinDays`, check-ins mostly held
  /// (at least `progressHeldShare` of the rows kept). The ratings rise
  /// significantly and the writing does not fall; or, without ratings to judge (fewer than
  /// four) or with ratings rising but not significantly, the writing rises significantly.
  /// Flat or falling ratings veto progress by the writing alone.
  func progress() -> Signal? {
    guard series.firstDay.days(to: series.end) >= settings.progressMinDays else { return nil }
    let held = adherence
    if held.rows > 0, held.heldShareOfRows < settings.progressHeldShare { return nil }
    let (ratings, ratingEvidence) = ratingDirection(series.repair)
    let (writing, writingEvidence) = writingDirection()
    let shown: Bool
    switch ratings {
    case .rise: shown = writing != .fall
    case .unknown, .weakRise: shown = writing == .rise
    case .flat, .fall: shown = false
    }
    guard shown else { return nil }
    var evidence = [ratingEvidence, writingEvidence].compactMap(\.self)
    if ratings == .rise, let change = repairChange, change.outcome == .improved || change.outcome == .unchanged {
      evidence.append(
        "reliable change index \(format2(change.index)) (\(change.outcome == .improved ? "beyond" : "within") measurement error at 95%)")
    }
    if held.rows > 0 {
      evidence.append("\(held.held) of \(held.rows) check-ins held")
    }
    let strength = ratings == .rise && writing == .rise ? 0.9 : 0.7
    return Signal(kind: .progress, from: series.firstDay, to: series.end, strength: strength, evidence: evidence)
  }

  /// The repair rating's reliable change over the course (``RepairChange``).
  var repairChange: RepairChange? {
    RepairChange(
      measure: series.repair.name, values: series.repair.numbers, sd: settings.rciSD, reliability: settings.rciReliability)
  }
}
