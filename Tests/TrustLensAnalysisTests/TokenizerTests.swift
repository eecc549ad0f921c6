import Testing
import TrustLensCore

@testable import TrustLensAnalysis

/// The plain-word fast path must read every word it accepts exactly as the general scanner
/// does: the same end, length, lower-cased bytes, hash, letter runs and case counts.
@Suite struct PlainWordScanTests {
  let tokenizer = handAnalyzer.tokenizer

  /// Scans `text` from its first byte with both scanners; nil where the fast path declines.
  func bothScans(_ text: String) -> (plain: [String], general: [String])? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      var plain = Tokenizer.WordScan(), general = Tokenizer.WordScan()
      guard let fast = tokenizer.scanPlainWord(buffer, from: 0, into: &plain) else { return nil }
      let slow = tokenizer.scanWord(buffer, from: 0, into: &general)
      func describe(_ end: Int, _ scalars: Int, _ word: borrowing Tokenizer.WordScan) -> [String] {
        ["\(end)", "\(scalars)", "\(Array(word.bytes))", "\(word.hash)", "\(word.hasRun)", "\(word.letters)", "\(word.upper)"]
      }
      return (describe(fast.end, fast.scalars, plain), describe(slow.end, slow.scalars, general))
    }
  }

  @Test(arguments: [
    "angry", "Angry.", "ANGRY!", "soooo", "SOOOO sad", "aaa", "2026", "3rd", "x", "I", "hello world",
    String(repeating: "a", count: 63) + " ", String(repeating: "b", count: 64),
  ])
  func acceptedWordsReadAsTheGeneralScannerReadsThem(_ text: String) throws {
    let scans = try #require(bothScans(text))
    #expect(scans.plain == scans.general)
  }

  @Test(arguments: [
    "don't", "self-care", "dogs' ", "word-", "café", "naïve", "don’t", String(repeating: "c", count: 65),
    String(repeating: "d", count: 64) + "e",
  ])
  func joinedAccentedAndLongWordsGoToTheGeneralScanner(_ text: String) {
    #expect(bothScans(text) == nil)
  }

  /// Random words over letters of both cases, digits, joiners and accented letters, each
  /// followed by a random terminator: wherever the fast path accepts, it agrees.
  @Test func randomWordsAgree() {
    var random = SplitMix(seed: 15)
    let parts = ["a", "b", "o", "O", "Z", "q", "7", "0", "'", "-", "é", "’", "ss"]
    let ends = [" ", ".", ",", "!", "\n", "", "'", "-", "é", "😀", ":)"]
    var accepted = 0
    for _ in 0..<3_000 {
      var word = ""
      for _ in 0..<(1 + Int(random.next() % 9)) { word += parts[Int(random.next() % UInt64(parts.count))] }
      let text = word + ends[Int(random.next() % UInt64(ends.count))]
      guard let first = text.utf8.first, first < 0x80, Tokenizer.isWordScalar(Unicode.Scalar(first)) else { continue }
      guard let scans = bothScans(text) else { continue }
      accepted += 1
      #expect(scans.plain == scans.general, "\(text)")
    }
    #expect(accepted > 300)
  }
}
