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

  /// A spill file cut inside a frame, or a frame whose lengths and counts were corrupted: one
  /// clear error naming the file, never a trap on an out-of-range read.
  @Test func truncatedAndCorruptedFramesAreErrors() throws {
    let record = AnalyzedRecord(
      id: "r1", subject: "c01", date: RecordDate(day: LocalDay(iso: "2026-03-01")!), source: SourceLocation(file: "j.jsonl", line: 1),
      kind: .entry,
      analysis: TextAnalysis(
        words: 3, valence: 0.5, emotions: ["hope": 0.5], themes: [:],
        evidence: [Evidence(tag: "hope", match: "hope", sentence: 1, start: 0, end: 4, weight: 0.5, rules: ["x"])]))
    let frame = SpillWriter.frame(record)
    let folder = TestSupport.temporaryFolder()
    func read(_ bytes: [UInt8]) throws -> [AnalyzedRecord] {
      let path = folder.appendingPathComponent("e-\(UUID().uuidString).spill").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      var records: [AnalyzedRecord] = []
      try SpillRecords(entries: path, checkIns: path).forEachEntry(subject: nil) { records.append($0) }
      return records
    }
    #expect(try read(frame + frame) == [record, record])
    // Cut anywhere after the first frame: the file ends inside a record.
    for length in frame.count + 1..<2 * frame.count {
      #expect(throws: AtomicFile.WriteError.self, "cut at \(length)") { _ = try read(Array((frame + frame).prefix(length))) }
    }
    // A frame whose own length is shorter than its fields: each field that runs past it throws.
    for size in 0..<(frame.count - 4) {
      var short = frame
      withUnsafeBytes(of: UInt32(size).littleEndian) { short.replaceSubrange(0..<4, with: $0) }
      let cut = Array(short.prefix(4 + size))
      #expect(throws: SpillReader.CorruptFrame.self, "frame of \(size) bytes") { _ = try read(cut) }
    }
    // Every 8-byte field overwritten with -1 and with a huge count: an error or (where the
    // field is a plain number) a record, never a trap.
    for offset in stride(from: 4, to: frame.count - 7, by: 1) {
      for value in [Int64(-1), Int64(1) << 40] {
        var corrupted = frame
        withUnsafeBytes(of: value.littleEndian) { corrupted.replaceSubrange(offset..<offset + 8, with: $0) }
        do { _ = try read(corrupted) } catch is SpillReader.CorruptFrame {} catch is AtomicFile.WriteError {}
      }
    }
  }

  /// The run state caches an analysis as its spill frame: read back whole, and anything but
  /// exactly one whole frame (cut short, a byte more, a wrong length) is no analysis.
  @Test func cachedAnalysisFramesRoundTripAndDamageIsAMiss() {
    let analysis = TextAnalysis(
      words: 7, valence: -0.25, emotions: ["betrayal": 0.5], themes: ["deception": 1],
      evidence: [Evidence(tag: "betrayal", match: "lied", sentence: 1, start: 3, end: 7, weight: 0.9, rules: ["negation"])])
    let frame = RunState.frame(analysis)
    #expect(RunState.analysis(frame: frame) == analysis)
    #expect(RunState.analysis(frame: frame.dropLast()) == nil)
    #expect(RunState.analysis(frame: frame + [0]) == nil)
    var lying = frame
    lying[0] &+= 1
    #expect(RunState.analysis(frame: lying) == nil)
    #expect(RunState.analysis(frame: Data()) == nil)
    var otherVersion = frame
    otherVersion[4] &+= 1
    #expect(RunState.analysis(frame: otherVersion) == nil)
    #expect(RunState.analysis(frame: Data(#"{"words":3}"#.utf8)) == nil)
  }
}
