/// Detector thresholds. Every default is documented in README.md ("Trend settings"); a
/// pipeline overrides any of them under `trends:` by the same snake_case name.
package struct TrendSettings: Sendable, Equatable {
  /// Fewer distinct dated days than this give `insufficient-data`.
  package var minPoints = 4
  /// Ratings at or below this count as low before a jump.
  package var rushLow = 4.0
  /// Ratings at or above this count as high after a jump.
  package var rushHigh = 8.0
  /// A rise of at least this many rating points to `rushHigh` or above, from wherever it
  /// started, is a jump too (from the middle of the scale to its top).
  package var rushRise = 3.0
  /// A jump from low to high within this many days is fast.
  package var rushDays = 21
  /// Share of texts still carrying hurt (a negative emotion) for the hurt to persist.
  package var rushHurtShare = 0.3
  /// Share of a course's texts with pressure to move on at or above which, without a jump,
  /// the pressure dominates (with at least three such texts).
  package var rushPressureShare = 0.12
  /// A fall of the recent level below the earlier peak of at least this (rating points).
  package var setbackDrop = 2.0
  /// The recent period of a course (its last days), compared with its earlier peak for a
  /// setback, in days.
  package var recentDays = 28
  /// Share of check-ins skipped at or above which check-ins count as avoided.
  package var avoidSkipShare = 0.5
  /// The least break from held check-ins, while entries go on, that counts as stopped (the
  /// subject's own cadence may ask for a longer one: three usual intervals).
  package var checkInGapDays = 21
  /// Share of recent entries with avoidance language at or above which it dominates.
  package var avoidLanguageShare = 0.3
  /// The shortest span of data, in days, over which progress can be judged.
  package var progressMinDays = 28
  /// The least rise, in rating points over the whole span, that counts as progress.
  package var progressMinRise = 1.0
  /// Mann-Kendall p-value below which a trend counts.
  package var trendAlpha = 0.05
  /// Share of check-ins held needed for progress ("mostly held").
  package var progressHeldShare = 0.75
  /// A median self-care rating at or below this over the recent self-care period is neglect
  /// (when it fell: see `selfCareFall`).
  package var selfCareLow = 3.0
  /// The least fall, in rating points, of the recent median self-care rating below the
  /// median of the subject's earlier self-care ratings (when there are earlier ones).
  package var selfCareFall = 2.0
  /// The period read for self-care, in ratings and writing: the course's last days.
  package var selfCareDays = 28
  /// Share of recent texts with bad self-care, good self-care absent, for neglect.
  package var selfNeglectShare = 0.3
  /// Share of recent texts carrying distress, with no self-care mentioned, for neglect.
  package var selfCareDistressShare = 0.5
  /// A subject whose last record is more than this many days before the run's date is
  /// inactive.
  package var inactiveDays = 28

  /// Standard deviation of ratings in the reference population, for the reliable change
  /// index (0–10 scale).
  package var rciSD = 2.0
  /// Test-retest reliability of the ratings, for the reliable change index.
  package var rciReliability = 0.8

  package init() {}

  /// The names a pipeline may use, with a setter for each.
  package static var keys: [String: WritableKeyPath<TrendSettings, Double>] {
    [
    "rush_low": \.rushLow, "rush_high": \.rushHigh, "rush_rise": \.rushRise, "rush_hurt_share": \.rushHurtShare,
    "rush_pressure_share": \.rushPressureShare,
    "setback_drop": \.setbackDrop, "avoid_skip_share": \.avoidSkipShare,
    "avoid_language_share": \.avoidLanguageShare, "trend_alpha": \.trendAlpha,
    "progress_held_share": \.progressHeldShare, "progress_min_rise": \.progressMinRise, "self_care_low": \.selfCareLow,
    "self_care_fall": \.selfCareFall, "self_neglect_share": \.selfNeglectShare,
    "self_care_distress_share": \.selfCareDistressShare, "rci_sd": \.rciSD, "rci_reliability": \.rciReliability,
    ]
  }

  /// Whole-day and count settings.
  package static var integerKeys: [String: WritableKeyPath<TrendSettings, Int>] {
    [
    "min_points": \.minPoints, "rush_days": \.rushDays, "recent_days": \.recentDays,
    "check_in_gap_days": \.checkInGapDays, "progress_min_days": \.progressMinDays,
    "inactive_days": \.inactiveDays, "self_care_days": \.selfCareDays,
    ]
  }
}
