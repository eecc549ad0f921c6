package import TrustLensCore

/// A timeline's exact state as spill fields, so a run can set a caseload's timelines aside
/// on disk and carry on folding records into them later as if they had never left memory
/// (every sum and count comes back bit for bit); and single buckets, for rollups kept on disk.
extension SpillWriter {
  package mutating func timeline(_ timeline: Timeline) {
    string(timeline.subject)
    int(timeline.entryCount)
    int(timeline.checkInCount)
    int(timeline.skippedCount)
    int(timeline.sortedDays.count)
    for (day, bucket) in timeline.sortedDays { self.bucket(day, bucket) }
  }

  /// One day's (or period's) bucket, exactly.
  package mutating func bucket(_ day: LocalDay, _ bucket: DayBucket) {
    int(day.dayNumber)
    int(bucket.entries)
    int(bucket.texts)
    double(bucket.valenceSum)
    double(bucket.negativeIntensity)
    int(bucket.tags.count)
    for tally in bucket.tags {
      int(Int(tally.id))
      int(Int(tally.count))
      double(tally.intensity)
    }
    guard let checkIns = bucket.checkIns.first else {
      int(0)
      return
    }
    int(1)
    int(checkIns.held)
    int(checkIns.skipped)
    tags(checkIns.ratingSums)
    tags(checkIns.ratingCounts.mapValues(Double.init))
    double(checkIns.commitmentsMade)
    double(checkIns.commitmentsKept)
  }
}

extension SpillReader {
  /// A timeline written by ``SpillWriter/timeline(_:)`` (tag ids are this process's).
  package mutating func timeline() throws(CorruptFrame) -> Timeline {
    var timeline = Timeline(subject: try string())
    timeline.entryCount = try int()
    timeline.checkInCount = try int()
    timeline.skippedCount = try int()
    // A bucket is at least seven numbers: 56 bytes.
    let days = try count(of: 56)
    timeline.sortedDays.reserveCapacity(days)
    for _ in 0..<days { timeline.sortedDays.append(try bucket()) }
    return timeline
  }

  /// A bucket written by ``SpillWriter/bucket(_:_:)``.
  package mutating func bucket() throws(CorruptFrame) -> (LocalDay, DayBucket) {
    let day = try day()
    var bucket = DayBucket()
    bucket.entries = try int()
    bucket.texts = try int()
    bucket.valenceSum = try double()
    bucket.negativeIntensity = try double()
    let tags = try count(of: 24)
    bucket.tags.reserveCapacity(tags)
    for _ in 0..<tags {
      let id = UInt32(truncatingIfNeeded: try int()), count = Int32(truncatingIfNeeded: try int())
      bucket.tags.append(TagTally(id: id, count: count, intensity: try double()))
    }
    if try int() == 1 {
      var checkIns = DayBucket.CheckInDay()
      checkIns.held = try int()
      checkIns.skipped = try int()
      checkIns.ratingSums = try self.tags()
      checkIns.ratingCounts = try self.tags().mapValues { Int($0) }
      checkIns.commitmentsMade = try double()
      checkIns.commitmentsKept = try double()
      bucket.checkIns = [checkIns]
    }
    return (day, bucket)
  }
}
