package import TrustLensCore

/// One subject's records folded into calendar days. Memory grows with days, not records.
///
/// Days are kept sorted: records mostly arrive in date order, so adding one is O(1) at the
/// end and O(log n) + a shift otherwise; reading them in order costs nothing.
package struct Timeline: Sendable {
  package let subject: String
  /// The subject's days in calendar order.
  package internal(set) var sortedDays: [(day: LocalDay, bucket: DayBucket)] = []
  /// Journal entries counted (check-in notes are texts but not entries).
  package internal(set) var entryCount = 0
  package internal(set) var checkInCount = 0
  package internal(set) var skippedCount = 0

  package init(subject: String) {
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
  package mutating func add(_ record: AnalyzedRecord) {
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
  package static func resolve<Result>(
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
  package mutating func add(
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
  package mutating func add(_ checkIn: CheckIn) {
    let index = slot(checkIn.date.day)
    checkInCount += 1
    sortedDays[index].bucket.add(checkIn)
    if !checkIn.held { skippedCount += 1 }
  }

  /// Merges another timeline of the same subject (e.g. from another shard).
  package mutating func merge(_ other: Timeline) {
    for (day, bucket) in other.sortedDays {
      let index = slot(day)
      sortedDays[index].bucket.merge(bucket)
    }
    entryCount += other.entryCount
    checkInCount += other.checkInCount
    skippedCount += other.skippedCount
  }

  /// The timeline as it was on `day` (records after it removed).
  package func asOf(_ day: LocalDay) -> Timeline {
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
  package func rollup(_ period: Period) -> [(start: LocalDay, bucket: DayBucket)] {
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

extension Dictionary where Key == String, Value == Timeline {
  /// Adds an analysed text to its subject's timeline, starting the timeline if needed.
  package mutating func add(_ record: AnalyzedRecord) {
    self[record.subject, default: Timeline(subject: record.subject)].add(record)
  }

  /// Adds a check-in to its subject's timeline, starting the timeline if needed.
  package mutating func add(_ checkIn: CheckIn) {
    self[checkIn.subject, default: Timeline(subject: checkIn.subject)].add(checkIn)
  }
}
