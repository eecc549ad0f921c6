import Foundation
import Testing
import TestSupport
import TrustLensCore

@testable import TrustLensPipeline

/// The run's spill files give back exactly the records written.
@Suite struct SpillCodecTests {
  @Test func recordsRoundTrip() throws {
    let day = LocalDay(iso: "2026-03-01")!
    let record = AnalyzedRecord(
      id: "r1 ü", subject: "c01", date: RecordDate(day: day, secondsOfDay: 76_440, utcOffsetSeconds: -18_000),
      source: SourceLocation(file: "data/j.jsonl", line: 12), kind: .checkinNote,
      analysis: TextAnalysis(
        words: 7, valence: -0.625, emotions: ["betrayal": 0.9, "anger": 0.25], themes: ["custom-x": 0.5],
        evidence: [Evidence(tag: "betrayal", match: "went behind my back 💔", sentence: 2, start: 3, end: 21, weight: 0.9, rules: ["negation", "emphasis"])]),
      text: "He went behind my back 💔", author: "partner", userTags: ["therapy", "week 3"])
    let checkIn = CheckIn(
      id: "c1", subject: "c01", date: RecordDate(day: day), source: SourceLocation(file: "c.csv", line: 3), held: true,
      ratings: ["trust": 4, "sleep_hours": 6.5], commitmentsMade: 2, commitmentsKept: nil, note: "ok")
    let folder = TestSupport.temporaryFolder()
    let entries = folder.appendingPathComponent("e.spill").path, checkIns = folder.appendingPathComponent("c.spill").path
    // Enough records to cross the reader's 1 MiB buffer.
    var bytes: [UInt8] = []
    for _ in 0..<8_000 { bytes += SpillWriter.frame(record) }
    try Data(bytes).write(to: URL(fileURLWithPath: entries))
    try Data(SpillWriter.frame(checkIn) + SpillWriter.frame(checkIn)).write(to: URL(fileURLWithPath: checkIns))
    var read: [AnalyzedRecord] = []
    var readCheckIns: [CheckIn] = []
    let spill = SpillRecords(entries: entries, checkIns: checkIns)
    try spill.forEachEntry(subject: nil) { read.append($0) }
    try spill.forEachCheckIn(subject: "c01") { readCheckIns.append($0) }
    #expect(read.count == 8_000 && read.allSatisfy { $0 == record })
    #expect(readCheckIns == [checkIn, checkIn])
  }
}
