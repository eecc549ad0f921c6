import Foundation
package import TrustLensCore
package import TrustLensTrends

/// An anonymous file of rollups (``AnonymousSpillFile/descriptor(in:name:)``: nothing is
/// left behind whatever happens to the process), readable from any thread while the rollups
/// that point into it live.
package final class RollupFile: @unchecked Sendable {
  private let descriptor: Int32
  private let lock = NSLock()
  private var end = 0
  /// What errors call the file.
  private let name: String

  /// A new rollup file in `folder`.
  package init(folder: String) throws(AtomicFile.WriteError) {
    name = "rollups of the report (temporary, in \(folder))"
    descriptor = try AnonymousSpillFile.descriptor(in: folder, name: "rollups.spill")
  }

  deinit { close(descriptor) }

  /// Writes a subject's rollups and returns them as read from the file.
  package func store(
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
  func read(offset: Int, length: Int) throws(AtomicFile.WriteError) -> (
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
