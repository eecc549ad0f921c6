import Foundation
import TrustLensCore

/// Reads the lines `trustlens analyze --format jsonl` writes back into analysed records, so
/// `trends` and `run` can assess what a cluster analysed (shards in any order).
enum AnalyzedLineReader {
  /// True for an object with the analysis keys (`"emotions":{`, `"kind":`, `"valence":`),
  /// found by a byte scan that stops early, so ordinary journal lines cost almost nothing.
  static func looksAnalyzed(_ bytes: [UInt8]) -> Bool {
    guard bytes.first == UInt8(ascii: "{") else { return false }
    return contains(bytes, "\"emotions\":{") && contains(bytes, "\"kind\":") && contains(bytes, "\"valence\":")
  }

  private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
    let count = needle.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    let first = needle.utf8Start[0]
    return bytes.withUnsafeBufferPointer { haystack in
      var index = 0
      let last = haystack.count - count
      while index <= last {
        if haystack[index] == first {
          var offset = 1
          while offset < count && haystack[index + offset] == needle.utf8Start[offset] { offset += 1 }
          if offset == count { return true }
        }
        index += 1
      }
      return false
    }
  }

  static func read(_ bytes: [UInt8], location: SourceLocation) -> ImportedRecord {
    func reject(_ reason: String) -> ImportedRecord { .reject(Reject(source: location, reason: reason)) }
    guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
      return reject("not valid JSON")
    }
    guard let id = object["id"] as? String, let subject = object["subject"] as? String,
      let dateText = object["date"] as? String, let kindText = object["kind"] as? String,
      let kind = AnalyzedKind(rawValue: kindText), let words = (object["words"] as? NSNumber)?.intValue,
      let valence = (object["valence"] as? NSNumber)?.doubleValue
    else { return reject("analysed record without id, subject, date, kind, words or valence") }
    guard case .success(let date) = DateParser(timeZone: TimeZone(identifier: "UTC")!).parse(dateText) else {
      return reject("invalid date \"\(dateText.prefix(40))\"")
    }
    func tags(_ key: String) -> [String: Double] {
      ((object[key] as? [String: Any]) ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }
    let evidence = ((object["evidence"] as? [[String: Any]]) ?? []).compactMap { item -> Evidence? in
      guard let tag = item["tag"] as? String, let match = item["match"] as? String else { return nil }
      return Evidence(
        tag: tag, match: match, sentence: (item["sentence"] as? NSNumber)?.intValue ?? 0,
        start: (item["start"] as? NSNumber)?.intValue ?? 0, end: (item["end"] as? NSNumber)?.intValue ?? 0,
        weight: (item["weight"] as? NSNumber)?.doubleValue ?? 0, rules: item["rules"] as? [String] ?? [])
    }
    // The record keeps its original source ("file:line" of the analysed input).
    let source = (object["source"] as? String).flatMap { text -> SourceLocation? in
      guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]) else { return nil }
      return SourceLocation(file: String(text[..<colon]), line: line)
    } ?? location
    return .analyzed(
      AnalyzedRecord(
        id: id, subject: subject, date: date, source: source, kind: kind,
        analysis: TextAnalysis(words: words, valence: valence, emotions: tags("emotions"), themes: tags("themes"), evidence: evidence)))
  }
}
