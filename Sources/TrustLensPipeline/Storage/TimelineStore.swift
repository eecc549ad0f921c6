import TrustLensCore
import TrustLensTrends

/// Every subject's timeline during a run, holding at most a budget of day buckets in memory
/// while reading and about 1/64 of all of them while the report takes them over.
///
/// Timelines are folded in memory while they hold fewer than `daysInMemory` day buckets (a
/// bucket is about 250 bytes). Past that, the timelines so far are written to partition
/// files by subject, exactly, memory is let go, and every later text (as what it adds to its
/// day, resolved) and check-in follows its subject to its partition. ``drain(_:)`` then hands
/// the timelines back a partition at a time: each spilled timeline is read back and the later
/// texts and check-ins are folded onto it in input order, so every sum is what an in-memory
/// fold would have made, bit for bit. Partition files are anonymous (unlinked as soon as
/// they are made), so nothing is left behind however the process ends.
final class TimelineStore {
  /// Partition files once spilled; a run holds one partition's timelines at a time.
  static let partitionBits = 6
  static let partitionCount = 1 << partitionBits
  /// How many adds pass between two counts of the day buckets held (fewer under a budget
  /// smaller than this).
  private static let countEvery = 1024

  /// Where partition files are made.
  let folder: String
  private let daysInMemory: Int
  private var timelines: [String: Timeline] = [:]
  /// Open once spilled: everything added from then on goes to `partitions[partition(subject)]`.
  private var partitions: [AnonymousSpillFile]?
  private var addsSinceCount = 0
  /// The latest day of any record or check-in added.
  private(set) var lastDay: LocalDay?

  /// - Parameters:
  ///   - folder: where partition files are made (and unlinked at once), when the budget is
  ///     passed.
  ///   - daysInMemory: day buckets held before the timelines go to disk.
  init(spillingInto folder: String, daysInMemory: Int) {
    self.folder = folder
    self.daysInMemory = daysInMemory
  }

  /// Whether the timelines went to disk (it stays true once they did).
  private(set) var spilled = false

  func add(_ record: AnalyzedRecord) throws {
    note(record.date.day)
    if let partitions {
      // What the text adds to its day, resolved: folding it later needs no tag names.
      let frame = Timeline.resolve(record.analysis) { negative, tags in
        var frame = SpillWriter()
        frame.int32(Frame.text.rawValue)
        frame.string(record.subject)
        frame.int(record.date.day.dayNumber)
        frame.int32(record.kind == .entry ? 1 : 0)
        frame.double(record.analysis.valence)
        frame.int32(Int32(negative.lazy.filter { $0 != 0 }.count))
        for (rank, value) in negative.enumerated() where value != 0 {
          frame.int32(Int32(rank))
          frame.double(value)
        }
        frame.int32(Int32(tags.count))
        for (id, intensity) in tags {
          frame.int32(Int32(bitPattern: id))
          frame.double(intensity)
        }
        return frame.frame()
      }
      return try partitions[TimelineStore.partition(of: record.subject)].write(frame)
    }
    timelines.add(record)
    try countDays()
  }

  func add(_ checkIn: CheckIn) throws {
    note(checkIn.date.day)
    if let partitions {
      var frame = SpillWriter()
      frame.int32(Frame.checkIn.rawValue)
      frame.checkIn(checkIn)
      return try partitions[TimelineStore.partition(of: checkIn.subject)].write(frame.frame())
    }
    timelines.add(checkIn)
    try countDays()
  }

  /// Hands every timeline to `body` once, complete, in groups (all at once when nothing was
  /// spilled, else a partition at a time, in partition order), and lets each group go before
  /// reading the next. The store is empty afterwards.
  func drain(_ body: (inout [String: Timeline]) throws -> Void) throws {
    guard let partitions else {
      try body(&timelines)
      timelines = [:]
      return
    }
    self.partitions = nil
    var negative = [Double](repeating: 0, count: Taxonomy.negativeEmotions.count)
    var tags: [(id: UInt32, intensity: Double)] = []
    for file in partitions {
      var group: [String: Timeline] = [:]
      try file.forEachFrame { reader in
        switch Frame(rawValue: try reader.int32()) {
        case .timeline:
          let timeline = try reader.timeline()
          group[timeline.subject] = timeline
        case .text:
          let subject = try reader.string(), day = try reader.day()
          let entry = try reader.int32() == 1, valence = try reader.double()
          for rank in negative.indices { negative[rank] = 0 }
          for _ in 0..<(try reader.count32(of: 12)) {
            let rank = Int(try reader.int32())
            guard negative.indices.contains(rank) else { throw SpillReader.CorruptFrame("emotion rank \(rank) out of range") }
            negative[rank] = try reader.double()
          }
          tags.removeAll(keepingCapacity: true)
          for _ in 0..<(try reader.count32(of: 12)) { tags.append((UInt32(bitPattern: try reader.int32()), try reader.double())) }
          negative.withUnsafeBufferPointer { negative in
            tags.withUnsafeBufferPointer { tags in
              group[subject, default: Timeline(subject: subject)].add(
                day: day, entry: entry, valence: valence, negative: negative, tags: tags)
            }
          }
        case .checkIn: group.add(try reader.checkIn())
        case nil: throw PipelineError("\(file.name): unreadable timeline record")
        }
      }
      try body(&group)
    }
  }

  /// What a partition file's frame holds.
  private enum Frame: Int32 {
    /// A timeline as it was when the store spilled.
    case timeline
    /// An analysed text, resolved (``Timeline/resolve(_:_:)``).
    case text
    case checkIn
  }

  private func note(_ day: LocalDay) {
    if lastDay.map({ day > $0 }) ?? true { lastDay = day }
  }

  /// Every `countEvery` adds, counts the day buckets held and spills past the budget.
  private func countDays() throws {
    addsSinceCount += 1
    guard addsSinceCount >= min(TimelineStore.countEvery, daysInMemory) else { return }
    addsSinceCount = 0
    guard timelines.values.reduce(0, { $0 + $1.sortedDays.count }) > daysInMemory else { return }
    try spill(into: folder)
  }

  /// Writes the timelines so far to new partition files and lets them go from memory; from
  /// then on every add goes to a partition.
  private func spill(into folder: String) throws {
    var files: [AnonymousSpillFile] = []
    for index in 0..<TimelineStore.partitionCount {
      files.append(try AnonymousSpillFile(folder: folder, name: "timelines-\(index).spill", bufferSize: 16 * 1024))
    }
    // Subjects in name order: the files' contents do not depend on hash order.
    for subject in timelines.keys.sorted() {
      var frame = SpillWriter()
      frame.int32(Frame.timeline.rawValue)
      frame.timeline(timelines[subject]!)
      try files[TimelineStore.partition(of: subject)].write(frame.frame())
    }
    partitions = files
    spilled = true
    timelines = [:]
  }

  /// A subject's partition: a stable hash of its id (not Swift's per-process seeded one).
  private static func partition(of subject: String) -> Int {
    var hash = FNV()
    hash.mix(subject)
    return Int(hash.value >> UInt64(64 - partitionBits))  // the top bits: every byte of a short id reaches them
  }
}
