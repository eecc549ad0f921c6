/// Detector thresholds. Every default is documented in README.md ("Trend settings"); a
/// pipeline overrides any of them under `trends:` by the same snake_case name.
public struct TrendSettings: Sendable, Equatable {
  /// Fewer distinct dated days than this give `insufficient-data`.
  public var minPoints = 4
  /// Ratings at or below this count as low before a jump.
  public var rushLow = 4.0
  /// Ratings at or above this count as high after a jump.
  public var rushHigh = 8.0
  /// A jump from low to high within this many days is fast.
  public var rushDays = 21
  /// Share of entries around a jump that still carry hurt for it to look unsupported.
  public var rushHurtShare = 0.5
  /// A fall of the recent level below the earlier peak of at least this (rating points).
  public var setbackDrop = 2.0
  /// The recent period whose level is compared with the earlier peak, in days.
  public var recentDays = 21
  /// Share of check-ins skipped at or above which check-ins count as avoided.
  public var avoidSkipShare = 0.5
  /// Days without a held check-in, while entries go on, after which check-ins count as stopped.
  public var checkInGapDays = 21
  /// Share of recent entries with avoidance language at or above which it dominates.
  public var avoidLanguageShare = 0.3
  /// The shortest span of data, in days, over which progress can be judged.
  public var progressMinDays = 28
  /// The least rise, in rating points over the whole span, that counts as progress.
  public var progressMinRise = 1.0
  /// Mann-Kendall p-value below which a trend counts.
  public var trendAlpha = 0.05
  /// Share of check-ins held needed for progress ("mostly held").
  public var progressHeldShare = 0.75
  /// A mean self-care rating at or below this over the recent period is neglect.
  public var selfCareLow = 3.0
  /// Share of recent entries carrying distress, with no self-care mentioned, for neglect.
  public var selfCareDistressShare = 0.5

  /// Standard deviation of ratings in the reference population, for the reliable change
  /// index (0–10 scale).
  public var rciSD = 2.0
  /// Test-retest reliability of the ratings, for the reliable change index.
  public var rciReliability = 0.8

  public init() {}

  /// The names a pipeline may use, with a setter for each.
  public static var keys: [String: WritableKeyPath<TrendSettings, Double>] {
    [
    "rush_low": \.rushLow, "rush_high": \.rushHigh, "rush_hurt_share": \.rushHurtShare,
    "setback_drop": \.setbackDrop, "avoid_skip_share": \.avoidSkipShare,
    "avoid_language_share": \.avoidLanguageShare, "trend_alpha": \.trendAlpha,
    "progress_held_share": \.progressHeldShare, "self_care_low": \.selfCareLow,
    "self_care_distress_share": \.selfCareDistressShare,
    ]
  }

  /// Whole-day and count settings.
  public static var integerKeys: [String: WritableKeyPath<TrendSettings, Int>] {
    [
    "min_points": \.minPoints, "rush_days": \.rushDays, "recent_days": \.recentDays,
    "check_in_gap_days": \.checkInGapDays, "progress_min_days": \.progressMinDays,
    ]
  }
}
