public import TrustLensCore

/// Everything known about one subject on one local day.
public struct DayBucket: Sendable, Equatable {
  public var entries = 0
  public var valenceSum = 0.0
  /// How many texts of the day carry each tag.
  public var tagCounts: [String: Int] = [:]
  /// Sum of each tag's intensities over the day's texts.
  public var tagIntensity: [String: Double] = [:]
  public var checkInsHeld = 0
  public var checkInsSkipped = 0
  public var ratingSums: [String: Double] = [:]
  public var ratingCounts: [String: Int] = [:]
  public var commitmentsMade = 0.0
  public var commitmentsKept = 0.0
  /// Texts analysed on the day (entries and check-in notes).
  public var texts = 0

  public init() {}

  /// The day's mean of a rating, or `nil` when no held check-in rated it.
  public func rating(_ name: String) -> Double? {
    guard let count = ratingCounts[name], count > 0 else { return nil }
    return ratingSums[name, default: 0] / Double(count)
  }

  mutating func merge(_ other: DayBucket) {
    entries += other.entries
    valenceSum += other.valenceSum
    texts += other.texts
    for (tag, count) in other.tagCounts { tagCounts[tag, default: 0] += count }
    for (tag, value) in other.tagIntensity { tagIntensity[tag, default: 0] += value }
    checkInsHeld += other.checkInsHeld
    checkInsSkipped += other.checkInsSkipped
    for (name, value) in other.ratingSums { ratingSums[name, default: 0] += value }
    for (name, count) in other.ratingCounts { ratingCounts[name, default: 0] += count }
    commitmentsMade += other.commitmentsMade
    commitmentsKept += other.commitmentsKept
  }
}

/// One subject's records folded into calendar days. Memory grows with days, not records.
public struct Timeline: Sendable {
  public let subject: String
  public private(set) var days: [LocalDay: DayBucket] = [:]
  /// Journal entries counted (check-in notes are texts but not entries).
  public private(set) var entryCount = 0
  public private(set) var checkInCount = 0
  public private(set) var skippedCount = 0

  public init(subject: String) {
    self.subject = subject
  }

  /// Adds an analysed text (an entry or a check-in note).
  public mutating func add(_ record: AnalyzedRecord) {
    var bucket = days[record.date.day] ?? DayBucket()
    bucket.texts += 1
    if record.kind == .entry {
      bucket.entries += 1
      entryCount += 1
    }
    bucket.valenceSum += record.analysis.valence
    for (tag, value) in record.analysis.emotions.merging(record.analysis.themes, uniquingKeysWith: max) {
      bucket.tagCounts[tag, default: 0] += 1
      bucket.tagIntensity[tag, default: 0] += value
    }
    days[record.date.day] = bucket
  }

  /// Adds a check-in's ratings and whether it was held (its note is added separately).
  public mutating func add(_ checkIn: CheckIn) {
    var bucket = days[checkIn.date.day] ?? DayBucket()
    checkInCount += 1
    if checkIn.held {
      bucket.checkInsHeld += 1
      for (name, value) in checkIn.ratings {
        bucket.ratingSums[name, default: 0] += value
        bucket.ratingCounts[name, default: 0] += 1
      }
      bucket.commitmentsMade += checkIn.commitmentsMade ?? 0
      bucket.commitmentsKept += checkIn.commitmentsKept ?? 0
    } else {
      bucket.checkInsSkipped += 1
      skippedCount += 1
    }
    days[checkIn.date.day] = bucket
  }

  /// Merges another timeline of the same subject (e.g. from another shard).
  public mutating func merge(_ other: Timeline) {
    for (day, bucket) in other.sortedDays { days[day, default: DayBucket()].merge(bucket) }
    entryCount += other.entryCount
    checkInCount += other.checkInCount
    skippedCount += other.skippedCount
  }

  /// The timeline as it was on `day` (records after it removed).
  public func asOf(_ day: LocalDay) -> Timeline {
    var copy = Timeline(subject: subject)
    for (d, bucket) in days where d <= day {
      copy.days[d] = bucket
      copy.entryCount += bucket.entries
      copy.checkInCount += bucket.checkInsHeld + bucket.checkInsSkipped
      copy.skippedCount += bucket.checkInsSkipped
    }
    return copy
  }

  /// Days in order.
  public var sortedDays: [(day: LocalDay, bucket: DayBucket)] {
    days.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Buckets merged by ISO week (keyed by its Monday) or by month (keyed by its first day).
  public func rollup(_ period: Period) -> [(start: LocalDay, bucket: DayBucket)] {
    var merged: [LocalDay: DayBucket] = [:]
    // In day order: floating-point sums must not depend on hash order.
    for (day, bucket) in sortedDays {
      merged[period.start(of: day), default: DayBucket()].merge(bucket)
    }
    return merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}

/// A calendar period for rollups.
public enum Period: String, Sendable {
  case day, week, month

  public func start(of day: LocalDay) -> LocalDay {
    switch self {
    case .day: return day
    case .week: return day.startOfISOWeek
    case .month: return day.startOfMonth
    }
  }
}
