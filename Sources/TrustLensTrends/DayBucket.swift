import TrustLensCore

/// Everything known about one subject on one local day.
package struct DayBucket: Sendable, Equatable {
  package var entries = 0
  package var valenceSum = 0.0
  /// Per tag seen that day: how many texts carried it and their summed intensity.
  package var tags: [TagTally] = []
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

  package var checkInsHeld: Int { total(\.held, none: 0) }
  package var checkInsSkipped: Int { total(\.skipped, none: 0) }
  package var ratingSums: [String: Double] { total(\.ratingSums, none: [:]) }
  package var ratingCounts: [String: Int] { total(\.ratingCounts, none: [:]) }
  package var commitmentsMade: Double { total(\.commitmentsMade, none: 0) }
  package var commitmentsKept: Double { total(\.commitmentsKept, none: 0) }
  /// Texts analysed on the day (entries and check-in notes).
  package var texts = 0
  /// Sum over the day's texts of their negative-emotion intensities (precomputed, so trend
  /// detectors need no per-day tag lookups).
  package var negativeIntensity = 0.0

  package init() {}

  /// How many texts of the period carry each tag, by name (for renderers).
  package var tagCounts: [String: Int] {
    Dictionary(uniqueKeysWithValues: tags.map { (TagRegistry.shared.name($0.id), Int($0.count)) })
  }

  /// Mean intensity of a tag per text of the period, 0 when absent or no texts.
  package func meanIntensity(of tag: String) -> Double {
    guard texts > 0, let id = TagRegistry.shared.existingID(tag) else { return 0 }
    for tally in tags where tally.id == id { return tally.intensity / Double(texts) }
    return 0
  }

  /// The strongest built-in emotions of the period by mean intensity per text (ties by name).
  package func topEmotions(limit: Int) -> [String] {
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
  package func rating(_ name: String) -> Double? {
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
