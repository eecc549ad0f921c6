#if canImport(Glibc)
  import Glibc
#endif
import Foundation
package import TrustLensCore
package import TrustLensTrends

/// A subject's weekly and monthly rollups, held in memory or in a run's ``RollupFile``
/// (read back whenever asked for), so a report of thousands of subjects does not keep years
/// of weeks in memory.
package struct Rollups: Sendable {
  private enum Storage: Sendable {
    case memory(weekly: [(start: LocalDay, bucket: DayBucket)], monthly: [(start: LocalDay, bucket: DayBucket)])
    case file(RollupFile, offset: Int, length: Int)
  }

  private let storage: Storage
  package let weeklyCount: Int
  package let monthlyCount: Int
  /// Weeks from the first week with data to the last, empty ones included (``WeekAxis``).
  package let weekCount: Int

  package init(weekly: [(start: LocalDay, bucket: DayBucket)], monthly: [(start: LocalDay, bucket: DayBucket)]) {
    storage = .memory(weekly: weekly, monthly: monthly)
    weeklyCount = weekly.count
    monthlyCount = monthly.count
    weekCount = WeekAxis.count(weekly)
  }

  init(file: RollupFile, offset: Int, length: Int, weeklyCount: Int, monthlyCount: Int, weekCount: Int) {
    storage = .file(file, offset: offset, length: length)
    self.weeklyCount = weeklyCount
    self.monthlyCount = monthlyCount
    self.weekCount = weekCount
  }

  /// Weekly rollup (keyed by Monday), in calendar order.
  package var weekly: [(start: LocalDay, bucket: DayBucket)] {
    get throws(AtomicFile.WriteError) { try periods().weekly }
  }

  /// Monthly rollup (keyed by the 1st), in calendar order.
  package var monthly: [(start: LocalDay, bucket: DayBucket)] {
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
