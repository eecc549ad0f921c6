import Testing
@testable import TrustLensPipeline

/// The progress line: share, rate and time left when the inputs' size is known; outputs by name.
@Suite struct RunProgressTests {
  @Test func readingAKnownSizeShowsShareRateAndTimeLeft() {
    let progress = RunProgress.reading(records: 12000, bytes: 250_000_000, totalBytes: 1_000_000_000)
    #expect(
      progress.text(elapsed: 5, bar: true)
        == "[#####...............] reading: 12000 records, 250.0 MB of 1.0 GB (25%), 50.0 MB/s, 0:15 left")
    #expect(progress.text(elapsed: 5, bar: false) == "reading: 12000 records, 250.0 MB of 1.0 GB (25%), 50.0 MB/s, 0:15 left")
  }

  @Test func readingStandardInputShowsBytesAndRateOnly() {
    let progress = RunProgress.reading(records: 1000, bytes: 4_000, totalBytes: nil)
    #expect(progress.text(elapsed: 2, bar: true) == "reading: 1000 records, 4 KB, 2 KB/s")
  }

  @Test func writingNamesTheOutputs() {
    let progress = RunProgress.writing(outputs: ["c01/report.xlsx", "c01/dashboard.txt"], part: 2, parts: 4)
    #expect(progress.text(elapsed: 9, bar: false) == "writing outputs (2 of 4): c01/report.xlsx, c01/dashboard.txt")
    let many = RunProgress.writing(outputs: ["a", "b", "c", "d"], part: 1, parts: 1)
    #expect(many.text(elapsed: 9, bar: true) == "[####################] writing outputs (1 of 1): a, b, c, …")
  }

  @Test func durationsAndSizesRead() {
    #expect(RunProgress.duration(3725) == "1:02:05")
    #expect(RunProgress.size(999) == "999 B")
    #expect(RunProgress.size(1_500_000_000) == "1.5 GB")
  }
}
