import Foundation
import Testing
import TestSupport
import TrustLensCore
@testable import TrustLensPipeline
import TrustLensTrends

/// `TimelineStore`: past its budget the timelines go to disk and come back exactly as an
/// in-memory fold makes them; a spilled run's outputs are byte for byte those of a run that
/// kept everything in memory.
@Suite(.serialized) struct TimelineStoreTests {
  /// Texts and check-ins of three subjects over a few weeks, out of date order, with a name
  /// that is both an emotion and a theme and ratings.
  private static func inputs() -> [Either] {
    var items: [Either] = []
    let start = LocalDay(year: 2026, month: 1, day: 5)!
    for index in 0..<300 {
      let subject = ["ana", "ben", "cy"][index % 3]
      let day = start.adding(days: (index * 7) % 40)
      if index % 5 == 4 {
        items.append(
          .checkIn(
            CheckIn(
              id: "k\(index)", subject: subject, date: RecordDate(day: day), source: SourceLocation(file: "c.csv", line: index),
              held: index % 10 != 9, ratings: ["trust": Double(index % 10), "safety": 0.1 * Double(index % 7)],
              commitmentsMade: 2, commitmentsKept: index % 3 == 0 ? 1 : 2, note: nil)))
      } else {
        let analysis = TextAnalysis(
          words: 20 + index % 50, valence: 0.013 * Double(index % 150) - 1,
          emotions: ["anger": 0.1 + 0.003 * Double(index % 97), "betrayal": 0.7, "hope": 0.01 * Double(index % 100 + 1)],
          themes: ["accountability": 0.33, "anger": index % 2 == 0 ? 0.9 : 0.05], evidence: [])
        items.append(
          .text(
            AnalyzedRecord(
              id: "e\(index)", subject: subject, date: RecordDate(day: day), source: SourceLocation(file: "j.jsonl", line: index),
              kind: index % 7 == 0 ? .checkinNote : .entry, analysis: analysis)))
      }
    }
    return items
  }

  private enum Either {
    case text(AnalyzedRecord)
    case checkIn(CheckIn)
  }

  private static func drained(daysInMemory: Int, folder: String) throws -> (timelines: [String: Timeline], spilled: Bool, lastDay: LocalDay?) {
    let store = TimelineStore(spillingInto: folder, daysInMemory: daysInMemory)
    for item in inputs() {
      switch item {
      case .text(let record): try store.add(record)
      case .checkIn(let checkIn): try store.add(checkIn)
      }
    }
    let spilled = store.spilled
    var all: [String: Timeline] = [:]
    try store.drain { group in
      #expect(Set(group.keys).isDisjoint(with: all.keys), "a subject in two partitions")
      all.merge(group) { first, _ in first }
    }
    return (all, spilled, store.lastDay)
  }

  @Test func spilledTimelinesComeBackExactly() throws {
    let folder = TestSupport.temporaryFolder().path
    let memory = try Self.drained(daysInMemory: .max, folder: folder)
    let disk = try Self.drained(daysInMemory: 10, folder: folder)
    #expect(!memory.spilled)
    #expect(disk.spilled)
    #expect(disk.lastDay == memory.lastDay && memory.lastDay != nil)
    #expect(Set(disk.timelines.keys) == ["ana", "ben", "cy"])
    for (subject, expected) in memory.timelines {
      let timeline = try #require(disk.timelines[subject])
      #expect(timeline.entryCount == expected.entryCount)
      #expect(timeline.checkInCount == expected.checkInCount)
      #expect(timeline.skippedCount == expected.skippedCount)
      #expect(timeline.sortedDays.map(\.day) == expected.sortedDays.map(\.day))
      // Bit for bit. The order of a day's tag list follows the hash order of each record's
      // dictionaries, which differs between two dictionaries with the same contents, so the
      // lists are compared by tag.
      for (ours, theirs) in zip(timeline.sortedDays, expected.sortedDays) {
        func byTag(_ bucket: DayBucket) -> DayBucket {
          var sorted = bucket
          sorted.tags.sort { $0.id < $1.id }
          return sorted
        }
        #expect(byTag(ours.bucket) == byTag(theirs.bucket))
        #expect(ours.bucket.valenceSum.bitPattern == theirs.bucket.valenceSum.bitPattern)
        #expect(ours.bucket.negativeIntensity.bitPattern == theirs.bucket.negativeIntensity.bitPattern)
      }
    }
    // Nothing is left in the folder once drained.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  /// The demo (a caseload) and the monthly sheet (whose month view is taken from the
  /// timelines as the report takes them over) write the same bytes when their timelines go to
  /// disk.
  @Test(arguments: ["demo", "monthly"])
  func aRunThatSpillsWritesTheSameOutputs(_ name: String) throws {
    let memory = TestSupport.temporaryFolder(), disk = TestSupport.temporaryFolder()
    func pipeline(into output: URL) throws -> PipelineFile {
      var pipeline = try PipelineFile.load(TestSupport.repositoryRoot.appendingPathComponent("pipelines/\(name).yml").path)
      pipeline.outputDir = output.path
      return pipeline
    }
    let inMemory = try Runner(pipeline: pipeline(into: memory)).run()
    var options = RunOptions()
    options.timelineDaysInMemory = 1
    let spilled = try Runner(pipeline: pipeline(into: disk), options: options).run()
    #expect(!inMemory.timelinesSpilled)
    #expect(spilled.timelinesSpilled)
    let files = try FileManager.default.subpathsOfDirectory(atPath: memory.path).sorted()
    #expect(try FileManager.default.subpathsOfDirectory(atPath: disk.path).sorted() == files)
    #expect(files.contains("report.json") && files.contains("report.xlsx"))
    for file in files {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: memory.appendingPathComponent(file).path, isDirectory: &isFolder), !isFolder.boolValue
      else { continue }
      let same = try Data(contentsOf: memory.appendingPathComponent(file)) == Data(contentsOf: disk.appendingPathComponent(file))
      #expect(same, "\(file) differs when the timelines are spilled")
    }
  }
}
