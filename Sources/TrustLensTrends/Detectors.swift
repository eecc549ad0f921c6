import TrustLensCore

/// The detectors: each looks at a subject's own course and returns a signal or `nil`. They
/// never decide the status; ``Assessor`` does, by precedence. One file per detector
/// (`Detectors+Rushing.swift`, …); what they share is here.
///
/// Every window is taken from the subject's own records (``SubjectSeries/end`` is its last
/// record), and every rule compares the subject with itself: its earlier level, its own
/// variability, its own check-in cadence.
struct Detectors {
  let series: SubjectSeries
  let settings: TrendSettings

  /// How many check-ins were held, skipped, or missed at the subject's own cadence.
  struct Adherence {
    var held: Int
    var skipped: Int
    /// Sessions a regular cadence expected but no row records (see ``Cadence/missed``).
    var missed: Int

    var rows: Int { held + skipped }
    var expected: Int { held + skipped + missed }
    /// Held check-ins as a share of those the cadence expected (rows and missed sessions).
    var heldShare: Double { expected > 0 ? Double(held) / Double(expected) : 1 }
    /// Held check-ins as a share of the rows kept (a break without rows, such as a holiday,
    /// does not count against it).
    var heldShareOfRows: Double { rows > 0 ? Double(held) / Double(rows) : 1 }
  }

  var adherence: Adherence {
    let all = series.checkIns(in: series.course)
    return Adherence(held: all.held, skipped: all.skipped, missed: series.cadence?.missed ?? 0)
  }

  /// Check-ins that stopped while the journal went on: the last held check-in, the journaling
  /// after it, and the break the subject's cadence allows.
  struct Stop {
    var lastHeld: LocalDay?
    var lastEntry: LocalDay
    var entriesAfter: Int
    var allowed: Int
    var journaled: Int
  }

  /// Held check-ins stopped (or never happened while rows were kept) and journaling went on
  /// after the last of them for longer than the cadence allows, with at least three entries:
  /// measured from the entries, never from the run's date.
  var stop: Stop? {
    guard !series.checkInDays.isEmpty, let lastEntry = series.lastEntry else { return nil }
    let lastHeld = series.lastHeldCheckIn
    let since = lastHeld ?? series.checkInDays[0]
    let journaled = since.days(to: lastEntry)
    let allowed = series.cadence?.stopGap(floor: settings.checkInGapDays) ?? settings.checkInGapDays
    guard journaled > allowed else { return nil }
    let entriesAfter = series.entries(in: since.adding(days: 1)...series.end)
    guard entriesAfter >= 3 else { return nil }
    return Stop(lastHeld: lastHeld, lastEntry: lastEntry, entriesAfter: entriesAfter, allowed: allowed, journaled: journaled)
  }

  /// The trend test of a measure, when defined.
  func trend(_ values: SubjectSeries.Series) -> TrendTest? { TrendTest(SubjectSeries.points(values)) }

  /// A measure's noise (see ``Describe/noise(_:)``), at least half a rating point.
  func ratingNoise(_ values: [Double]) -> Double { max(Describe.noise(values) ?? 0, 0.5) }
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
