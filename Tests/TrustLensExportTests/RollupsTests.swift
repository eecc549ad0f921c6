import Foundation
import Synchronization
import Testing
import TestSupport
import TrustLensCore
import TrustLensExport
import TrustLensTrends

/// Rollups kept in a `RollupFile` read back as they were written, from any thread, and
/// leave nothing in their folder.
struct RollupsTests {
  private static func timeline() -> Timeline {
    var timeline = Timeline(subject: "c01")
    let records = RecordFactory(subject: "c01")
    for index in 0..<120 {
      timeline.add(
        records.entry(
          day: index % 75, id: "e\(index)", emotions: ["anger": 0.01 * Double(index % 100 + 1)], themes: ["accountability": 0.5],
          valence: 0.017 * Double(index % 90) - 0.8, words: 10, line: index))
      if index % 6 == 0 {
        timeline.add(
          records.checkIn(
            day: index % 75, id: "k\(index)", held: index % 12 != 0, ratings: ["trust": Double(index % 10)],
            commitmentsMade: 2, commitmentsKept: 1, line: index))
      }
    }
    return timeline
  }

  private static func same(_ ours: [(start: LocalDay, bucket: DayBucket)], _ theirs: [(start: LocalDay, bucket: DayBucket)]) -> Bool {
    ours.count == theirs.count
      && zip(ours, theirs).allSatisfy { lhs, rhs in
        lhs.start == rhs.start && lhs.bucket.valenceSum.bitPattern == rhs.bucket.valenceSum.bitPattern
          && lhs.bucket.tagCounts == rhs.bucket.tagCounts && lhs.bucket.meanIntensity(of: "anger") == rhs.bucket.meanIntensity(of: "anger")
          && lhs.bucket.rating("trust") == rhs.bucket.rating("trust") && lhs.bucket.checkInsSkipped == rhs.bucket.checkInsSkipped
          && lhs.bucket.entries == rhs.bucket.entries && lhs.bucket.texts == rhs.bucket.texts
      }
  }

  @Test func rollupsReadBackAsWritten() throws {
    let folder = TestSupport.temporaryFolder()
    let timeline = Self.timeline()
    let weekly = timeline.rollup(.week), monthly = timeline.rollup(.month)
    let file = try RollupFile(folder: folder.path)
    let first = try file.store(weekly: weekly, monthly: monthly)
    let second = try file.store(weekly: Array(weekly.prefix(2)), monthly: [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    #expect(first.weeklyCount == weekly.count && first.monthlyCount == monthly.count && weekly.count > 5)
    #expect(Self.same(try first.weekly, weekly))
    #expect(Self.same(try first.monthly, monthly))
    #expect(Self.same(try second.weekly, Array(weekly.prefix(2))))
    #expect(try second.monthly.isEmpty)
    // Read from several threads at once, as the workbook and the other formats do.
    let mismatches = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 16) { index in
      let expected = index % 2 == 0 ? weekly : Array(weekly.prefix(2))
      let read = try? (index % 2 == 0 ? first : second).weekly
      if read.map({ !Self.same($0, expected) }) ?? true { mismatches.withLock { $0 += 1 } }
    }
    #expect(mismatches.withLock { $0 } == 0)
  }
}
