#if canImport(Glibc)
  import Glibc
#endif
import Foundation
public import TrustLensCore
public import TrustLensTrends

/// A subject's weekly and monthly rollups, held in memory or in a run's ``RollupFile``
/// (read back whenever asked for), so a report of thousands of subjects does not keep years
/// of weeks in memory.
public struct Rollups: Sendable {
  private enum Storage: Sendable {
    case memory(weekly: [(start: LocalDay, bucket: DayBucket)], monthly: [(start: LocalDay, bucket: DayBucket)])
    case file(RollupFile, offset: Int, length: Int)
  }

  private let storage: Storage
  public let weeklyCount: Int
  public let monthlyCount: Int
  /// Weeks from the first week with data to the last, empty ones included (``WeekAxis``).
  public let weekCount: Int

  public init(weekly: [(start: LocalDay, bucket: DayBucket)], monthly: [(start: LocalDay, bucket: DayBucket)]) {
    storage = .memory(weekly: weekly, monthly: monthly)
    weeklyCount = weekly.count
    monthlyCount = monthly.count
    weekCount = WeekAxis.count(weekly)
  }

  fileprivate init(file: RollupFile, offset: Int, length: Int, weeklyCount: Int, monthlyCount: Int, weekCount: Int) {
    storage = .file(file, offset: offset, length: length)
    self.weeklyCount = weeklyCount
    self.monthlyCount = monthlyCount
    self.weekCount = weekCount
  }

  /// Weekly rollup (keyed by Monday), in calendar order.
  public var weekly: [(start: LocalDay, bucket: DayBucket)] {
    get throws(AtomicFile.WriteError) { try periods().weekly }
  }

  /// Monthly rollup (keyed by the 1st), in calendar order.
  public var monthly: [(start: LocalDay, bucket: DayBucket)] {
    get throws(AtomicFile.WriteError) { try periods().monthly }
  }

  private func periods() throws(AtomicFile.WriteError) -> (
    weekly: [(start: LocalDay, bucket: DayBucket)], monthly: [(start: LocalDay, bucket: DayBucket)]
  ) {
    switch storage {
    case .memory(let weekly, let monthly): return (weekly, monthly)
    case .file(let file, let offset, let length): return try file.read(offset: offset, length: length)
    }
  }
}

/// An anonymous file of rollups (``AnonymousSpillFile/descriptor(in:name:)``: nothing is
/// left behind whatever happens to the process), readable from any thread while the rollups
/// that point into it live.
public final class RollupFile: @unchecked Sendable {
  private let descriptor: Int32
  private let lock = NSLock()
  private var end = 0
  /// What errors call the file.
  private let name: String

  /// A new rollup file in `folder`.
  public init(folder: String) throws(AtomicFile.WriteError) {
    name = "rollups of the report (temporary, in \(folder))"
    descriptor = try AnonymousSpillFile.descriptor(in: folder, name: "rollups.spill")
  }

  deinit { close(descriptor) }

  /// Writes a subject's rollups and returns them as read from the file.
  public func store(
    weekly: [(start: LocalDay, bucket: DayBucket)], monthly: [(start: LocalDay, bucket: DayBucket)]
  ) throws(AtomicFile.WriteError) -> Rollups {
    var writer = SpillWriter()
    writer.int(weekly.count)
    for (start, bucket) in weekly { writer.bucket(start, bucket) }
    writer.int(monthly.count)
    for (start, bucket) in monthly { writer.bucket(start, bucket) }
    let bytes = writer.buffer
    lock.lock()
    defer { lock.unlock() }
    // Appends: reads use pread at their own offsets and never move the file's position.
    try AnonymousSpillFile.write(bytes, to: descriptor, name: name)
    defer { end += bytes.count }
    return Rollups(
      file: self, offset: end, length: bytes.count, weeklyCount: weekly.count, monthlyCount: monthly.count,
      weekCount: WeekAxis.count(weekly))
  }

  /// The rollups at `offset` (a failed read is an error naming the file).
  fileprivate func read(offset: Int, length: Int) throws(AtomicFile.WriteError) -> (
    weekly: [(start: LocalDay, bucket: DayBucket)], monthly: [(start: LocalDay, bucket: DayBucket)]
  ) {
    var bytes = [UInt8](repeating: 0, count: length)
    var done = 0
    while done < length {
      let result = bytes.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map { pread(descriptor, $0 + done, length - done, off_t(offset + done)) } ?? 0
      }
      if result < 0, errno == EINTR { continue }
      guard result > 0 else {
        throw AtomicFile.WriteError(
          path: name, reason: result == 0 ? "cut short" : String(cString: strerror(errno)))
      }
      done += result
    }
    do {
      return try bytes.withUnsafeBufferPointer { buffer throws(SpillReader.CorruptFrame) in
        var reader = SpillReader(buffer)
        func periods() throws(SpillReader.CorruptFrame) -> [(start: LocalDay, bucket: DayBucket)] {
          var result: [(start: LocalDay, bucket: DayBucket)] = []
          for _ in 0..<(try reader.count(of: 56)) { result.append(try reader.bucket()) }
          return result
        }
        let weekly = try periods()
        return (weekly, try periods())
      }
    } catch {
      throw AtomicFile.WriteError(path: name, reason: "corrupt: \(error.reason)")
    }
  }
}
