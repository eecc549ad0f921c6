import TrustLensCore

/// The series the detectors read, derived once from a timeline.
///
/// Every series is computed once at creation; range queries use binary search over the
/// sorted days, so detectors cost O(days) per subject, not O(days²).
struct SubjectSeries {
  typealias Series = [(day: LocalDay, value: Double)]

  let days: [(day: LocalDay, bucket: DayBucket)]
  let asOf: LocalDay
  /// Per day, the mean of the repair ratings present (trust, safety, communication).
  let repairRating: Series
  /// Per ISO week with texts (keyed by its Monday), the mean valence: less noisy than days.
  let weeklyValence: Series
  /// Per ISO week with texts, the mean summed intensity of negative emotions per text.
  let negativeEmotion: Series
  private let ratings: [String: Series]

  static let repairRatings = ["trust", "safety", "communication"]

  init(days: [(day: LocalDay, bucket: DayBucket)], asOf: LocalDay) {
    self.days = days
    self.asOf = asOf
    var ratings: [String: Series] = [:]
    var repair: Series = []
    var weekly: [(week: LocalDay, valence: Double, negative: Double, texts: Int)] = []
    for (day, bucket) in days {
      if bucket.checkInsHeld > 0 {
        for (name, count) in bucket.ratingCounts where count > 0 {
          ratings[name, default: []].append((day, bucket.ratingSums[name, default: 0] / Double(count)))
        }
        let present = SubjectSeries.repairRatings.compactMap { bucket.rating($0) }
        if let mean = Describe.mean(present) { repair.append((day, mean)) }
      }
      guard bucket.texts > 0 else { continue }
      let week = day.startOfISOWeek
      let negative = bucket.negativeIntensity
      if let last = weekly.last, last.week == week {
        weekly[weekly.count - 1] = (week, last.valence + bucket.valenceSum, last.negative + negative, last.texts + bucket.texts)
      } else {
        weekly.append((week, bucket.valenceSum, negative, bucket.texts))
      }
    }
    self.ratings = ratings
    self.repairRating = repair
    self.weeklyValence = weekly.map { ($0.week, $0.valence / Double($0.texts)) }
    self.negativeEmotion = weekly.map { ($0.week, $0.negative / Double($0.texts)) }
  }

  var firstDay: LocalDay? { days.first?.day }
  var lastDay: LocalDay? { days.last?.day }

  /// Days with at least one dated point (a text or a held check-in).
  var datedPointCount: Int { days.count { $0.bucket.texts > 0 || $0.bucket.checkInsHeld > 0 } }

  /// Held check-in values of one rating, by day.
  func rating(_ name: String) -> Series { ratings[name] ?? [] }

  /// Names of every rating present.
  var ratingNames: [String] { ratings.keys.sorted() }

  /// The days within `range`, found by binary search.
  func days(in range: ClosedRange<LocalDay>) -> ArraySlice<(day: LocalDay, bucket: DayBucket)> {
    var low = 0, high = days.count
    while low < high {
      let mid = (low + high) / 2
      if days[mid].day < range.lowerBound { low = mid + 1 } else { high = mid }
    }
    var end = low
    while end < days.count, days[end].day <= range.upperBound { end += 1 }
    return days[low..<end]
  }

  /// Texts in `range`, and how many carry any of `tags` (counted per tag, capped by texts).
  func share(of tags: some Sequence<String>, in range: ClosedRange<LocalDay>) -> (hits: Int, texts: Int) {
    var hits = 0, texts = 0
    let ids = tags.compactMap { TagRegistry.shared.existingID($0) }
    let slice = days(in: range)
    for index in slice.indices where days[index].bucket.texts > 0 {
      let dayTexts = days[index].bucket.texts
      texts += dayTexts
      var most = 0
      for id in ids { most = max(most, days[index].bucket.count(ofID: id)) }
      hits += min(dayTexts, most)
    }
    return (hits, texts)
  }

  /// Held and skipped check-ins in `range`.
  func checkIns(in range: ClosedRange<LocalDay>) -> (held: Int, skipped: Int) {
    days(in: range).reduce((0, 0)) {
      ($0.0 + $1.bucket.checkInsHeld, $0.1 + $1.bucket.checkInsSkipped)
    }
  }

  /// The series as real-time points for the trend test (days since the first point).
  /// Series longer than 60 points are first averaged per ISO week, and still longer ones
  /// (years of data) per month, which keeps the test's O(n²) pairs bounded and damps noise.
  static func points(_ series: [(day: LocalDay, value: Double)]) -> [SeriesPoint] {
    var series = series
    for period in [Period.week, .month] where series.count > (period == .week ? 60 : 120) {
      var merged: [(day: LocalDay, sum: Double, count: Int)] = []
      for (day, value) in series {
        let start = period.start(of: day)
        if let last = merged.last, last.day == start {
          merged[merged.count - 1] = (start, last.sum + value, last.count + 1)
        } else {
          merged.append((start, value, 1))
        }
      }
      series = merged.map { ($0.day, $0.sum / Double($0.count)) }
    }
    guard let first = series.first?.day else { return [] }
    return series.map { SeriesPoint(day: Double(first.days(to: $0.day)), value: $0.value) }
  }
}

/// Formats numbers for evidence sentences: at most one decimal, no trailing zero.
func number(_ value: Double) -> String {
  let rounded = (value * 10).rounded() / 10
  return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

/// A share as a percentage: `62%`.
func percent(_ part: Int, of whole: Int) -> String {
  whole == 0 ? "0%" : "\(Int((Double(part) / Double(whole) * 100).rounded()))%"
}
