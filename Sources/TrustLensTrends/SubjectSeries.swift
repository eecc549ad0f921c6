import TrustLensCore

/// The series the detectors read, derived once from a timeline cut at the run's date.
///
/// Every window the detectors use is taken from the subject's own records: `end` is its last
/// record, never the run's date. Every series is computed once at creation; range queries use
/// binary search over the sorted days, so detectors cost O(days) per subject, not O(days²).
struct SubjectSeries {
  typealias Series = [(day: LocalDay, value: Double)]

  let days: [(day: LocalDay, bucket: DayBucket)]
  /// The subject's last record: the end of its course.
  let end: LocalDay
  /// The measure progress, setback and plateau are judged by, per held check-in: the mean of
  /// the repair ratings present (trust, safety, communication), or mood when none is rated.
  let repair: Measure
  /// Per day with texts, the mean valence of its texts.
  let dailyValence: Series
  /// Per ISO week with texts (keyed by its Monday), the mean summed intensity of negative
  /// emotions per text.
  let negativeEmotion: Series
  /// The days of check-in rows, held or skipped.
  let checkInDays: [LocalDay]
  /// The check-in cadence, when there are rows enough to read one.
  let cadence: Cadence?
  private let ratings: [String: Series]

  static let repairRatings = ["trust", "safety", "communication"]

  /// The series of `days` (sorted, not empty).
  init(days: [(day: LocalDay, bucket: DayBucket)]) {
    self.days = days
    self.end = days.last!.day
    var ratings: [String: Series] = [:]
    var repair: Series = []
    var usedRepair = Set<String>()
    var usedMood = false
    var daily: Series = []
    var weekly: [(week: LocalDay, negative: Double, texts: Int)] = []
    var checkInDays: [LocalDay] = []
    for (day, bucket) in days {
      if bucket.checkInsHeld + bucket.checkInsSkipped > 0 { checkInDays.append(day) }
      if bucket.checkInsHeld > 0 {
        for (name, count) in bucket.ratingCounts where count > 0 {
          ratings[name, default: []].append((day, bucket.ratingSums[name, default: 0] / Double(count)))
        }
        let present = SubjectSeries.repairRatings.filter { bucket.rating($0) != nil }
        if let mean = Describe.mean(present.compactMap { bucket.rating($0) }) {
          repair.append((day, mean))
          usedRepair.formUnion(present)
        } else if let mood = bucket.rating("mood") {
          repair.append((day, mood))
          usedMood = true
        }
      }
      guard bucket.texts > 0 else { continue }
      daily.append((day, bucket.valenceSum / Double(bucket.texts)))
      let week = day.startOfISOWeek
      if let last = weekly.last, last.week == week {
        weekly[weekly.count - 1] = (week, last.negative + bucket.negativeIntensity, last.texts + bucket.texts)
      } else {
        weekly.append((week, bucket.negativeIntensity, bucket.texts))
      }
    }
    let names = SubjectSeries.repairRatings.filter(usedRepair.contains) + (usedMood ? ["mood"] : [])
    self.ratings = ratings
    self.repair = Measure(name: names.joined(separator: "/"), values: repair)
    self.dailyValence = daily
    self.negativeEmotion = weekly.map { ($0.week, $0.negative / Double($0.texts)) }
    self.checkInDays = checkInDays
    self.cadence = Cadence(days: checkInDays)
  }

  var firstDay: LocalDay { days[0].day }

  /// The whole course, first record to last.
  var course: ClosedRange<LocalDay> { firstDay...end }

  /// Days with any record: a text or a check-in row, held or skipped.
  var datedDayCount: Int { days.count }

  /// Held check-in values of one rating, by day.
  func rating(_ name: String) -> Series { ratings[name] ?? [] }

  /// Names of every rating present.
  var ratingNames: [String] { ratings.keys.sorted() }

  /// The measure a rushing jump is looked for in: trust if rated, else the repair measure.
  var claim: Measure {
    let trust = rating("trust")
    return trust.count >= 2 ? Measure(name: "trust", values: trust) : repair
  }

  /// The last `days` days of the course (the whole course when it is shorter).
  func recent(_ days: Int) -> ClosedRange<LocalDay> { max(end.adding(days: -days), firstDay)...end }

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

  /// Texts in `range`, and how many carry any of `tags` (per day, the most texts carrying one
  /// of them: exact on days with one text, a lower bound otherwise).
  func share(of tags: some Sequence<String>, in range: ClosedRange<LocalDay>) -> TextShare {
    var hits = 0, texts = 0
    let ids = tags.compactMap { TagRegistry.shared.existingID($0) }
    for (_, bucket) in days(in: range) where bucket.texts > 0 {
      texts += bucket.texts
      var most = 0
      for id in ids { most = max(most, bucket.count(ofID: id)) }
      hits += min(bucket.texts, most)
    }
    return TextShare(hits: hits, texts: texts)
  }

  /// Journal entries in `range` (check-in notes are texts but not entries).
  func entries(in range: ClosedRange<LocalDay>) -> Int { days(in: range).reduce(0) { $0 + $1.bucket.entries } }

  /// Per day with texts in `range`, the mean valence.
  func valence(in range: ClosedRange<LocalDay>) -> [Double] {
    dailyValence.filter { range.contains($0.day) }.map(\.value)
  }

  /// Held and skipped check-ins in `range`.
  func checkIns(in range: ClosedRange<LocalDay>) -> (held: Int, skipped: Int) {
    days(in: range).reduce((0, 0)) {
      ($0.0 + $1.bucket.checkInsHeld, $0.1 + $1.bucket.checkInsSkipped)
    }
  }

  /// The last day with a held check-in.
  var lastHeldCheckIn: LocalDay? { days.last { $0.bucket.checkInsHeld > 0 }?.day }

  /// The last day with a journal entry.
  var lastEntry: LocalDay? { days.last { $0.bucket.entries > 0 }?.day }

  /// The series as real-time points for the trend test (days since the first point).
  /// Series longer than `limit` points (60 by default) are first averaged per ISO week, and
  /// still longer ones (years of data, over 120 weeks) per month, which keeps the test's
  /// O(n²) pairs bounded and damps noise.
  static func points(_ series: [(day: LocalDay, value: Double)], limit: Int = 60) -> [SeriesPoint] {
    var series = series
    for period in [Period.week, .month] where series.count > (period == .week ? limit : 120) {
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
