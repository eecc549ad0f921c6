public import TrustLensCore

/// Everything known about one subject on one local day.
public struct DayBucket: Sendable, Equatable {
  public var entries = 0
  public var valenceSum = 0.0
  /// Per tag seen that day: how many texts carried it and their summed intensity.
  public var tags: [TagTally] = []
  /// The day's check-ins, kept apart: most days have none, and a bucket without them spends
  /// 8 bytes on them instead of 48 (it matters with a caseload's years of days).
  var checkIns: [CheckInDay] = []

  /// What a day's check-ins add up to.
  struct CheckInDay: Sendable, Equatable {
    var held = 0
    var skipped = 0
    var ratingSums: [String: Double] = [:]
    var ratingCounts: [String: Int] = [:]
    var commitmentsMade = 0.0
    var commitmentsKept = 0.0

    /// Adds another day's (or period's) totals.
    mutating func add(_ other: CheckInDay) {
      held += other.held
      skipped += other.skipped
      for (name, value) in other.ratingSums { ratingSums[name, default: 0] += value }
      for (name, count) in other.ratingCounts { ratingCounts[name, default: 0] += count }
      commitmentsMade += other.commitmentsMade
      commitmentsKept += other.commitmentsKept
    }
  }

  /// Changes the day's check-in totals (creating them on first use).
  private mutating func updateCheckIns(_ change: (inout CheckInDay) -> Void) {
    if checkIns.isEmpty { checkIns.append(CheckInDay()) }
    change(&checkIns[0])
  }

  /// A check-in total of the day (`none` on a day without check-ins).
  private func total<Value>(_ field: KeyPath<CheckInDay, Value>, none: Value) -> Value {
    checkIns.first?[keyPath: field] ?? none
  }

  public var checkInsHeld: Int { total(\.held, none: 0) }
  public var checkInsSkipped: Int { total(\.skipped, none: 0) }
  public var ratingSums: [String: Double] { total(\.ratingSums, none: [:]) }
  public var ratingCounts: [String: Int] { total(\.ratingCounts, none: [:]) }
  public var commitmentsMade: Double { total(\.commitmentsMade, none: 0) }
  public var commitmentsKept: Double { total(\.commitmentsKept, none: 0) }
  /// Texts analysed on the day (entries and check-in notes).
  public var texts = 0
  /// Sum over the day's texts of their negative-emotion intensities (precomputed, so trend
  /// detectors need no per-day tag lookups).
  public var negativeIntensity = 0.0

  public init() {}

  /// How many texts of the period carry each tag, by name (for renderers).
  public var tagCounts: [String: Int] {
    Dictionary(uniqueKeysWithValues: tags.map { (TagRegistry.shared.name($0.id), Int($0.count)) })
  }

  /// Mean intensity of a tag per text of the period, 0 when absent or no texts.
  public func meanIntensity(of tag: String) -> Double {
    guard texts > 0, let id = TagRegistry.shared.existingID(tag) else { return 0 }
    for tally in tags where tally.id == id { return tally.intensity / Double(texts) }
    return 0
  }

  /// The strongest built-in emotions of the period by mean intensity per text (ties by name).
  public func topEmotions(limit: Int) -> [String] {
    var scored: [(tag: String, value: Double)] = []
    for tag in Taxonomy.emotions {
      let value = meanIntensity(of: tag)
      if value > 0 { scored.append((tag, value)) }
    }
    scored.sort { lhs, rhs in lhs.value != rhs.value ? lhs.value > rhs.value : lhs.tag < rhs.tag }
    return scored.prefix(limit).map(\.tag)
  }

  /// How many texts carry the tag with this id.
  @inline(__always)
  func count(ofID id: UInt32) -> Int {
    for tally in tags where tally.id == id { return Int(tally.count) }
    return 0
  }

  mutating func add(tagID id: UInt32, count: Int32, intensity: Double) {
    for index in tags.indices where tags[index].id == id {
      tags[index].count += count
      tags[index].intensity += intensity
      return
    }
    tags.append(TagTally(id: id, count: count, intensity: intensity))
  }

  /// The day's mean of a rating, or `nil` when no held check-in rated it.
  public func rating(_ name: String) -> Double? {
    guard let day = checkIns.first, let count = day.ratingCounts[name], count > 0 else { return nil }
    return day.ratingSums[name, default: 0] / Double(count)
  }

  /// Adds one check-in.
  mutating func add(_ checkIn: CheckIn) {
    updateCheckIns { day in
      if checkIn.held {
        day.held += 1
        for (name, value) in checkIn.ratings {
          day.ratingSums[name, default: 0] += value
          day.ratingCounts[name, default: 0] += 1
        }
        day.commitmentsMade += checkIn.commitmentsMade ?? 0
        day.commitmentsKept += checkIn.commitmentsKept ?? 0
      } else {
        day.skipped += 1
      }
    }
  }

  /// Shrinks the tag list to its size (it grows by doubling while a day fills).
  mutating func compact() {
    guard tags.capacity > tags.count + 1 else { return }
    tags = Array(unsafeUninitializedCapacity: tags.count) { buffer, count in
      for (index, tally) in tags.enumerated() { (buffer.baseAddress! + index).initialize(to: tally) }
      count = tags.count
    }
  }

  mutating func merge(_ other: DayBucket) {
    entries += other.entries
    valenceSum += other.valenceSum
    negativeIntensity += other.negativeIntensity
    texts += other.texts
    for tally in other.tags { add(tagID: tally.id, count: tally.count, intensity: tally.intensity) }
    guard let theirs = other.checkIns.first else { return }
    updateCheckIns { $0.add(theirs) }
  }
}

/// One subject's records folded into calendar days. Memory grows with days, not records.
///
/// Days are kept sorted: records mostly arrive in date order, so adding one is O(1) at the
/// end and O(log n) + a shift otherwise; reading them in order costs nothing.
public struct Timeline: Sendable {
  public let subject: String
  /// The subject's days in calendar order.
  public internal(set) var sortedDays: [(day: LocalDay, bucket: DayBucket)] = []
  /// Journal entries counted (check-in notes are texts but not entries).
  public internal(set) var entryCount = 0
  public internal(set) var checkInCount = 0
  public internal(set) var skippedCount = 0

  public init(subject: String) {
    self.subject = subject
  }

  /// The index of `day`'s bucket, inserting an empty one if needed.
  private mutating func slot(_ day: LocalDay) -> Int {
    if let last = sortedDays.last?.day {
      if last == day { return sortedDays.count - 1 }
      if last < day {
        // The day before is most likely complete: give back its tag list's spare room.
        sortedDays[sortedDays.count - 1].bucket.compact()
        if sortedDays.count == sortedDays.capacity {
          // Grow by a quarter rather than doubling: years of days for thousands of subjects
          // would otherwise leave a quarter of that memory unused on average.
          sortedDays.reserveCapacity(sortedDays.count + sortedDays.count / 4 + 8)
        }
        sortedDays.append((day, DayBucket()))
        return sortedDays.count - 1
      }
    }
    var low = 0, high = sortedDays.count
    while low < high {
      let mid = (low + high) / 2
      if sortedDays[mid].day < day { low = mid + 1 } else { high = mid }
    }
    if low < sortedDays.count, sortedDays[low].day == day { return low }
    sortedDays.insert((day, DayBucket()), at: low)
    return low
  }

  /// Adds an analysed text (an entry or a check-in note).
  public mutating func add(_ record: AnalyzedRecord) {
    Timeline.resolve(record.analysis) { negative, tags in
      add(day: record.date.day, entry: record.kind == .entry, valence: record.analysis.valence, negative: negative, tags: tags)
    }
  }

  /// What an analysis adds to its day, resolved once (runs once per record on the reading
  /// thread, so each tag name is looked up once, for its id and whether it is a negative
  /// emotion): the intensities of `Taxonomy.negativeEmotions` in that order (0 where absent)
  /// and the tags to count with their intensities, in the order they are added.
  ///
  /// Emotions and themes name different tags (a tag has one kind); a name in both counts
  /// once, at its stronger intensity (the emotion on a tie).
  public static func resolve<Result>(
    _ analysis: TextAnalysis,
    _ body: (_ negative: UnsafeBufferPointer<Double>, _ tags: UnsafeBufferPointer<(id: UInt32, intensity: Double)>) throws -> Result
  ) rethrows -> Result {
    let emotionCount = analysis.emotions.count, tagCount = emotionCount + analysis.themes.count
    return try withUnsafeTemporaryAllocation(of: (id: UInt32, intensity: Double).self, capacity: tagCount) { tags in
      try withUnsafeTemporaryAllocation(of: Double.self, capacity: Taxonomy.negativeEmotions.count) { negative in
        negative.initialize(repeating: 0)
        var filled = 0
        for (tag, value) in analysis.emotions {
          let (id, rank) = TagRegistry.shared.idAndNegativeRank(tag)
          if rank >= 0 { negative[rank] = value }
          tags[filled] = (id, value)
          filled += 1
        }
        for (tag, value) in analysis.themes {
          tags[filled] = (TagRegistry.shared.id(tag), value)
          filled += 1
        }
        func value(of id: UInt32, in range: Range<Int>) -> Double? {
          for other in range where tags[other].id == id { return tags[other].intensity }
          return nil
        }
        var kept = 0
        for index in 0..<tagCount {
          let counts =
            index < emotionCount
            ? (value(of: tags[index].id, in: emotionCount..<tagCount) ?? 0) <= tags[index].intensity
            : (value(of: tags[index].id, in: 0..<emotionCount) ?? -1) < tags[index].intensity
          guard counts else { continue }
          tags[kept] = tags[index]
          kept += 1
        }
        return try body(UnsafeBufferPointer(negative), UnsafeBufferPointer(rebasing: tags[0..<kept]))
      }
    }
  }

  /// Adds a resolved analysed text (see ``resolve(_:_:)``) to `day`.
  public mutating func add(
    day: LocalDay, entry: Bool, valence: Double, negative: UnsafeBufferPointer<Double>,
    tags: UnsafeBufferPointer<(id: UInt32, intensity: Double)>
  ) {
    let index = slot(day)
    sortedDays[index].bucket.texts += 1
    if entry {
      sortedDays[index].bucket.entries += 1
      entryCount += 1
    }
    sortedDays[index].bucket.valenceSum += valence
    // Summed in the taxonomy's order, so the sum rounds the same whatever the hash order.
    for value in negative { sortedDays[index].bucket.negativeIntensity += value }
    for (id, intensity) in tags { sortedDays[index].bucket.add(tagID: id, count: 1, intensity: intensity) }
  }

  /// Adds a check-in's ratings and whether it was held (its note is added separately).
  public mutating func add(_ checkIn: CheckIn) {
    let index = slot(checkIn.date.day)
    checkInCount += 1
    sortedDays[index].bucket.add(checkIn)
    if !checkIn.held { skippedCount += 1 }
  }

  /// Merges another timeline of the same subject (e.g. from another shard).
  public mutating func merge(_ other: Timeline) {
    for (day, bucket) in other.sortedDays {
      let index = slot(day)
      sortedDays[index].bucket.merge(bucket)
    }
    entryCount += other.entryCount
    checkInCount += other.checkInCount
    skippedCount += other.skippedCount
  }

  /// The timeline as it was on `day` (records after it removed).
  public func asOf(_ day: LocalDay) -> Timeline {
    guard let last = sortedDays.last?.day, last > day else { return self }
    var copy = Timeline(subject: subject)
    copy.sortedDays = sortedDays.filter { $0.day <= day }
    for (_, bucket) in copy.sortedDays {
      copy.entryCount += bucket.entries
      copy.checkInCount += bucket.checkInsHeld + bucket.checkInsSkipped
      copy.skippedCount += bucket.checkInsSkipped
    }
    return copy
  }

  /// Buckets merged by ISO week (keyed by its Monday) or by month (keyed by its first day),
  /// in calendar order.
  public func rollup(_ period: Period) -> [(start: LocalDay, bucket: DayBucket)] {
    var merged: [(start: LocalDay, bucket: DayBucket)] = []
    for (day, bucket) in sortedDays {
      let start = period.start(of: day)
      if merged.last?.start == start {
        merged[merged.count - 1].bucket.merge(bucket)
      } else {
        merged.append((start, bucket))
      }
    }
    return merged
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

extension Dictionary where Key == String, Value == Timeline {
  /// Adds an analysed text to its subject's timeline, starting the timeline if needed.
  public mutating func add(_ record: AnalyzedRecord) {
    self[record.subject, default: Timeline(subject: record.subject)].add(record)
  }

  /// Adds a check-in to its subject's timeline, starting the timeline if needed.
  public mutating func add(_ checkIn: CheckIn) {
    self[checkIn.subject, default: Timeline(subject: checkIn.subject)].add(checkIn)
  }
}
