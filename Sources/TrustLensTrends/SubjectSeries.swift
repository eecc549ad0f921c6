import TrustLensCore

/// The series the detectors read, derived once from a timeline.
struct SubjectSeries {
  let days: [(day: LocalDay, bucket: DayBucket)]
  let asOf: LocalDay

  init(_ timeline: Timeline, asOf: LocalDay) {
    self.days = timeline.sortedDays
    self.asOf = asOf
  }

  var firstDay: LocalDay? { days.first?.day }
  var lastDay: LocalDay? { days.last?.day }

  /// Days with at least one dated point (a text or a held check-in).
  var datedPointCount: Int { days.count { $0.bucket.texts > 0 || $0.bucket.checkInsHeld > 0 } }

  /// Held check-in values of one rating, by day.
  func rating(_ name: String) -> [(day: LocalDay, value: Double)] {
    days.compactMap { d in d.bucket.rating(name).map { (d.day, $0) } }
  }

  /// Per day, the mean of the repair ratings present (trust, safety, communication).
  var repairRating: [(day: LocalDay, value: Double)] {
    days.compactMap { d in
      let values = SubjectSeries.repairRatings.compactMap { d.bucket.rating($0) }
      return Describe.mean(values).map { (d.day, $0) }
    }
  }

  static let repairRatings = ["trust", "safety", "communication"]

  /// Per day with texts, the mean valence.
  var valence: [(day: LocalDay, value: Double)] {
    days.compactMap { d in d.bucket.texts > 0 ? (d.day, d.bucket.valenceSum / Double(d.bucket.texts)) : nil }
  }

  /// Per ISO week with texts (keyed by its Monday), the mean valence: less noisy than days.
  var weeklyValence: [(day: LocalDay, value: Double)] {
    var sums: [LocalDay: (Double, Int)] = [:]
    for d in days where d.bucket.texts > 0 {
      let week = d.day.startOfISOWeek
      let current = sums[week] ?? (0, 0)
      sums[week] = (current.0 + d.bucket.valenceSum, current.1 + d.bucket.texts)
    }
    return sums.keys.sorted().map { ($0, sums[$0]!.0 / Double(sums[$0]!.1)) }
  }

  /// Per day with texts, the mean summed intensity of negative emotions.
  var negativeEmotion: [(day: LocalDay, value: Double)] {
    days.compactMap { d in
      guard d.bucket.texts > 0 else { return nil }
      let sum = Taxonomy.negativeEmotions.reduce(0.0) { $0 + d.bucket.tagIntensity[$1, default: 0] }
      return (d.day, sum / Double(d.bucket.texts))
    }
  }

  /// Texts in `range`, and how many carry any of `tags` (counted per tag, capped by texts).
  func share(of tags: some Sequence<String>, in range: ClosedRange<LocalDay>) -> (hits: Int, texts: Int) {
    var hits = 0, texts = 0
    for d in days where range.contains(d.day) {
      texts += d.bucket.texts
      hits += min(d.bucket.texts, tags.map { d.bucket.tagCounts[$0, default: 0] }.max() ?? 0)
    }
    return (hits, texts)
  }

  /// Held and skipped check-ins in `range`.
  func checkIns(in range: ClosedRange<LocalDay>) -> (held: Int, skipped: Int) {
    days.filter { range.contains($0.day) }.reduce((0, 0)) {
      ($0.0 + $1.bucket.checkInsHeld, $0.1 + $1.bucket.checkInsSkipped)
    }
  }

  /// The series as real-time points for the trend test (days since the first point).
  static func points(_ series: [(day: LocalDay, value: Double)]) -> [SeriesPoint] {
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
