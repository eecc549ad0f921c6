import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensImport
import TrustLensPipeline
import TrustLensAnalysis

/// Analysis runs in parallel batches; the records must come out in input order with exactly
/// the analyses a one-by-one run gives.
@Suite struct ParallelAnalysisTests {
  @Test func parallelBatchesEqualASequentialRun() throws {
    let folder = TestSupport.temporaryFolder()
    // More texts than one batch, with duplicates and rejects interleaved.
    var lines = ""
    for index in 0..<1_300 {
      let text = ["He lied to me again", "I don't feel safe yet", "We talked it through", "went for a run"][index % 4] + " \(index)"
      lines += #"{"date":"2026-03-\#(index % 28 + 1 < 10 ? "0" : "")\#(index % 28 + 1)","text":"\#(text)"}"# + "\n"
      if index % 97 == 0 { lines += #"{"date":"2026-13-40","text":"bad"}"# + "\n" }
    }
    let path = TestSupport.write(lines, "many.jsonl", in: folder)
    let analyzer = try Commands.analyzerForTests()
    let sink = CollectingSink()
    _ = try Ingest(sources: [Ingest.Source(path: path, options: ImportOptions(timeZone: TimeZone(identifier: "UTC")!))], analyzer: analyzer)
      .run(into: sink)
    let records = sink.analyzed, events = sink.events
    #expect(records.count == 1_300)
    // In input order (line numbers increase), rejects interleaved where they occur.
    let lineNumbers = events.map { Int($0.dropFirst())! }
    #expect(lineNumbers == lineNumbers.sorted())
    // The same analyses as one-by-one.
    for (index, record) in records.enumerated() {
      let text = ["He lied to me again", "I don't feel safe yet", "We talked it through", "went for a run"][index % 4] + " \(index)"
      #expect(record.analysis == analyzer.analyze(text), "record \(index)")
    }
  }
}
